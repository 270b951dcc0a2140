namespace Portolan.Tests.Kernel;

/// <summary>A theory that needs a real kernel lab; skipped with the reason as <see cref="KernelFactAttribute"/> is.</summary>
public sealed class KernelTheoryAttribute : TheoryAttribute
{
    public KernelTheoryAttribute()
    {
        if (KernelFactAttribute.Missing is not null) Skip = KernelFactAttribute.Missing;
    }
}
