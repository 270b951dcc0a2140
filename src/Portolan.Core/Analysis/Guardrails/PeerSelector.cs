using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>One entry of a guardrail's <c>from</c> or <c>to</c>: pods picked by namespace and labels, or external addresses.</summary>
public abstract record PeerSelector
{
    /// <summary>How the guardrail file wrote it, for messages.</summary>
    public abstract string Text { get; }

    public sealed override string ToString() => Text;
}

/// <summary>
/// Pods whose namespace is one of <see cref="Names"/> (any when empty), whose namespace labels match
/// <see cref="NamespaceLabels"/> and whose own labels match <see cref="Pods"/>. All three hold together.
/// </summary>
public sealed record WorkloadSelector(ImmutableArray<string> Names, LabelSelector NamespaceLabels, LabelSelector Pods) : PeerSelector
{
    public static WorkloadSelector Everything { get; } = new([], LabelSelector.Everything, LabelSelector.Everything);

    public bool Matches(Pod pod, Labels namespaceLabels) =>
        (Names.IsEmpty || Names.Contains(pod.Namespace, StringComparer.Ordinal))
        && NamespaceLabels.Matches(namespaceLabels) && Pods.Matches(pod.Labels);

    public bool MatchesNamespace(string name, Labels namespaceLabels) =>
        (Names.IsEmpty || Names.Contains(name, StringComparer.Ordinal)) && NamespaceLabels.Matches(namespaceLabels);

    /// <summary>"pods with app=api in namespace shop", "every pod in namespaces with env=prod", "every pod".</summary>
    public override string Text
    {
        get
        {
            var pods = Pods.MatchesEverything ? "every pod" : $"pods with {Pods}";
            return Names.IsEmpty && NamespaceLabels.MatchesEverything ? pods : $"{pods} in {NamespaceText}";
        }
    }

    /// <summary>The namespaces alone: "namespace shop", "namespaces a,b that are namespaces with env=prod", "every namespace".</summary>
    public string NamespaceText
    {
        get
        {
            var places = new List<string>();
            if (!Names.IsEmpty) places.Add($"{(Names.Length == 1 ? "namespace" : "namespaces")} {string.Join(",", Names)}");
            if (!NamespaceLabels.MatchesEverything) places.Add($"namespaces with {NamespaceLabels}");
            return places.Count == 0 ? "every namespace" : string.Join(" that are ", places);
        }
    }
}

/// <summary>External addresses: a CIDR less its excepts (IPv4 or IPv6). Pods are never picked by address.</summary>
public sealed record AddressSelector(AddressSet Addresses, string Source) : PeerSelector
{
    public static AddressSelector Everywhere { get; } = new(AddressSet.AllV4.Union(AddressSet.AllV6), "every external address");

    public override string Text => Source;
}
