using System.Collections.Immutable;

namespace Portolan.Core.Analysis.Lint;

/// <summary>Every lint rule, in the order docs/lint.md lists them. Ids never change once released.</summary>
public static class LintCatalogue
{
    public static readonly LintRule PermitAnyAny = new("permit-any-any", "PermitAnyAny", LintSeverity.Error,
        "A rule allows every peer on every protocol and port.",
        "An Allow rule whose peers are unrestricted (no from/to, or every namespace and every address) and whose ports are "
        + "unrestricted (no ports) opens the selected pods to, or lets them reach, anything: the Kubernetes form of \"permit any any\". "
        + "In the NetworkPolicy tier ingress: [{}] admits every pod and every external address on every protocol and port (semantics §3.4); "
        + "in the admin tiers an Allow or Accept rule to every namespace (and 0.0.0.0/0 and ::/0) overrides every NetworkPolicy below it (§4.2).",
        "List the peers that need access (podSelector and namespaceSelector, or ipBlocks for external ranges) and the ports they use; "
        + "delete the rule if it was a workaround to make a deploy work.",
        "§3.4, §4.2");

    public static readonly LintRule AllowFromAllNamespaces = new("allow-from-all-namespaces", "AllowFromAllNamespaces", LintSeverity.Warning,
        "An ingress rule admits sources from every namespace.",
        "A peer with namespaceSelector: {} (admin tiers: namespaces: {}), or an ingress rule without from, matches pods in every namespace, "
        + "including namespaces created later (semantics §3.5). With a podSelector beside it, the rule trusts a pod label that anyone who may "
        + "create a pod in any namespace can set.",
        "Select the client namespaces by name (kubernetes.io/metadata.name) or by a label only administrators set, together with a podSelector for the clients.",
        "§3.5");

    public static readonly LintRule UnrestrictedCidr = new("unrestricted-cidr", "UnrestrictedCidr", LintSeverity.Warning,
        "An allowing rule has an ipBlock or networks peer of 0.0.0.0/0 or ::/0 without except.",
        "A block covering a whole address family matches every external address and, as dataplanes match ipBlocks against pod IPs too, "
        + "every pod of that family (semantics §3.6, §4.3). For ingress it exposes the pods to the internet; for egress it lets them reach "
        + "any host, which defeats egress control.",
        "Name the external ranges the workload needs. If it really needs the internet, add except entries for the cluster's pod, service "
        + "and node ranges and for private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16).",
        "§3.6, §4.3");

    public static readonly LintRule MissingDefaultDenyIngress = new("missing-default-deny-ingress", "MissingDefaultDenyIngress", LintSeverity.Warning,
        "A namespace with workloads has no default-deny for ingress.",
        "A pod is isolated for ingress only when some NetworkPolicy selects it with Ingress in its policyTypes (semantics §3.3). Without a "
        + "policy selecting every pod of the namespace (podSelector: {}), a new workload, or one whose labels no policy matches, accepts "
        + "every connection. An admin or baseline policy that denies every peer on every port for the whole namespace counts as a default deny too.",
        "Add a NetworkPolicy with podSelector: {}, policyTypes: [Ingress] and no ingress rules to the namespace, then allow what each workload serves.",
        "§3.3");

    public static readonly LintRule MissingDefaultDenyEgress = new("missing-default-deny-egress", "MissingDefaultDenyEgress", LintSeverity.Info,
        "A namespace with workloads has no default-deny for egress.",
        "A pod is isolated for egress only when some NetworkPolicy selects it with Egress in its policyTypes (semantics §3.2, §3.3). Without a "
        + "policy selecting every pod of the namespace, a compromised workload can open connections to anything, inside or outside the cluster.",
        "Add a NetworkPolicy with podSelector: {}, policyTypes: [Egress] and no egress rules to the namespace, then allow DNS and what each workload calls.",
        "§3.2, §3.3");

    public static readonly LintRule PodNotSelected = new("pod-not-selected", "PodNotSelected", LintSeverity.Warning,
        "A workload is selected by no policy.",
        "No NetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy selects this workload's pods, so every "
        + "connection to and from them is allowed (semantics §1.4: the default is allow). Often a label typo in a podSelector.",
        "Fix or add a policy whose podSelector (or subject) matches the pod template's labels; a namespace default-deny covers every workload.",
        "§1.4, §3.3");

    public static readonly LintRule PolicySelectsNothing = new("policy-selects-nothing", "PolicySelectsNothing", LintSeverity.Warning,
        "A policy selects no pod.",
        "The policy's podSelector (or subject) matches no pod of the input, so the policy has no effect. Usually a label or namespace typo: "
        + "selection uses the pod template's labels, not the workload's own metadata labels, and a NetworkPolicy selects pods of its own namespace only (semantics §3.1, §7.38).",
        "Match the labels of the pod template (spec.template.metadata.labels) in the policy's namespace; delete the policy if its workload is gone.",
        "§3.1");

    public static readonly LintRule PeerMatchesNothing = new("peer-matches-nothing", "PeerMatchesNothing", LintSeverity.Warning,
        "A rule's peer selector matches no pod.",
        "A podSelector or namespaceSelector peer (admin tiers: namespaces, pods or nodes) matches nothing in the input, so that part of the rule "
        + "allows or denies nothing. A podSelector alone selects pods of the policy's own namespace only (semantics §3.5, §7.11); a "
        + "namespaceSelector matches namespace labels, and every namespace carries kubernetes.io/metadata.name (§1.1).",
        "Check the labels, and whether the peer needs a namespaceSelector to reach another namespace: both selectors in one peer mean AND, in two peers OR (§3.5).",
        "§3.5");

    public static readonly LintRule RedundantRule = new("redundant-rule", "RedundantRule", LintSeverity.Warning,
        "A rule is fully shadowed by other rules or tiers: removing it changes nothing.",
        "Every connection the rule matches is decided the same way without it: other rules of its tier already allow it (NetworkPolicy rules "
        + "add up, semantics §3.3), an earlier rule or a higher-priority policy of the tier decides it first (first match wins, §4.2), or a "
        + "higher tier decides it before this tier is reached (§4.5). Portolan removes the rule and recomputes the side of every pod its "
        + "policy selects; no decision changes.",
        "Delete the rule; if it was meant to take effect, change what shadows it (the overlapping rule, rule order, priority, or the higher-tier policy).",
        "§3.3, §4.2, §4.7");

    public static readonly LintRule PassReachesNothing = new("pass-reaches-nothing", "PassReachesNothing", LintSeverity.Warning,
        "An admin-tier Pass hands traffic to no NetworkPolicy and no baseline policy.",
        "Pass skips the rest of the admin tier and lets the NetworkPolicy tier decide, then the baseline tier, then the default, which "
        + "allows (semantics §4.2, §4.5). When no NetworkPolicy and no baseline policy selects the rule's pods in that direction, the passed "
        + "traffic is simply allowed: the Pass acts as an Allow, which is rarely what was meant.",
        "Write Allow (Accept) if allowing is intended; otherwise add the NetworkPolicy or baseline policy that should decide the passed traffic.",
        "§4.2, §4.5");

    public static readonly LintRule NamedPortUnresolved = new("named-port-unresolved", "NamedPortUnresolved", LintSeverity.Warning,
        "A named port resolves on no destination pod.",
        "A named port matches a container port of that name (and protocol) on the destination pod: the selected pod for ingress rules, the "
        + "peer pod for egress rules (semantics §3.7, §4.4). When no such pod has a container port of that name and protocol, the port entry matches nothing.",
        "Use the container port's exact name and protocol, or the port number.",
        "§3.7, §4.4");

    public static readonly LintRule EgressBlocksDns = new("egress-blocks-dns", "EgressBlocksDns", LintSeverity.Warning,
        "Egress isolation blocks DNS.",
        "The workload's egress is restricted and does not allow UDP port 53 to the cluster DNS pods (kube-system pods labelled "
        + "k8s-app=kube-dns; when the input has none, a stand-in pod with those labels and ports), so its name lookups fail. A "
        + "default-deny of egress denies DNS too (semantics §7.5).",
        "Allow egress to namespaceSelector kubernetes.io/metadata.name: kube-system with podSelector k8s-app: kube-dns on UDP 53 and TCP 53.",
        "§3.4, §7.5");

    public static readonly LintRule IgnoredDirection = new("ignored-direction", "IgnoredDirection", LintSeverity.Warning,
        "Rules are ignored because their direction is not in policyTypes.",
        "A NetworkPolicy applies its ingress rules only when policyTypes lists Ingress, and its egress rules only when it lists Egress "
        + "(semantics §3.2, §7.4). Rules of a direction not listed are ignored, so the traffic they seem to allow is decided by other policies.",
        "Add the direction to policyTypes (which also isolates the selected pods in that direction) or delete the rules.",
        "§3.2");

    public static readonly LintRule NamedPortToIPBlock = new("named-port-to-ipblock", "NamedPortToIPBlock", LintSeverity.Warning,
        "An egress rule uses a named port but its peers are only address blocks.",
        "A named port resolves on the destination pod's container ports; an external address has none, so the entry never matches an "
        + "external destination (semantics §3.7, §7.30; np-guard rejects such policies). It can only match pods whose IPs fall in the block.",
        "Use the port number for external destinations.",
        "§3.7, §7.30");

    public static ImmutableArray<LintRule> All { get; } =
    [
        PermitAnyAny, AllowFromAllNamespaces, UnrestrictedCidr, MissingDefaultDenyIngress, MissingDefaultDenyEgress, PodNotSelected,
        PolicySelectsNothing, PeerMatchesNothing, RedundantRule, PassReachesNothing, NamedPortUnresolved, EgressBlocksDns,
        IgnoredDirection, NamedPortToIPBlock,
    ];

    public static LintRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
}
