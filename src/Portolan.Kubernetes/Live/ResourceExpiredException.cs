namespace Portolan.Kubernetes.Live;

/// <summary>410 Gone: the resourceVersion a watch started from is too old; list again.</summary>
public sealed class ResourceExpiredException : Exception
{
    public ResourceExpiredException(string message)
        : base(message)
    {
    }

    public ResourceExpiredException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ResourceExpiredException()
    {
    }
}
