using Portolan.Core.Selectors;

namespace Portolan.Core.Model;

/// <summary>
/// A set of pods: those matching <see cref="Pods"/> in <see cref="Namespace"/> when it is set, or
/// else in every namespace matching <see cref="Namespaces"/>.
/// </summary>
public sealed record PodSelection(string? Namespace, LabelSelector Namespaces, LabelSelector Pods)
{
    public static PodSelection InNamespace(string ns, LabelSelector pods) => new(ns, LabelSelector.Everything, pods);

    public bool Matches(Pod pod, Labels namespaceLabels) =>
        (Namespace is null ? Namespaces.Matches(namespaceLabels) : string.Equals(Namespace, pod.Namespace, StringComparison.Ordinal))
        && Pods.Matches(pod.Labels);

    public override string ToString() => Namespace is null
        ? $"pods {Pods} in namespaces {Namespaces}"
        : $"pods {Pods} in namespace {Namespace}";
}
