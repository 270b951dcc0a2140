using Portolan.Core.Model;

namespace Portolan.Server.State;

/// <summary>How the API server names a stored policy: kind, namespace (NetworkPolicy only) and name.</summary>
public readonly record struct PolicyKey(PolicyKind Kind, string? Namespace, string Name)
{
    public static PolicyKey Of(Policy policy) => new(policy.Kind, policy.Namespace, policy.Name);

    public override string ToString() => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
