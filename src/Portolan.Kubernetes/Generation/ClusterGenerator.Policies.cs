namespace Portolan.Kubernetes.Generation;

/// <summary>
/// The NetworkPolicies of one generated namespace, cycling through the shapes real clusters use:
/// default-deny (both directions in most namespaces), DNS egress, app-to-app, namespaceSelector +
/// podSelector peers, monitoring scrapes, matchExpressions of every operator, ipBlock with except,
/// port ranges, UDP and SCTP; allow-all within the namespace in one namespace in ten.
/// </summary>
public sealed partial class ClusterGenerator
{
    private void WritePolicies(TextWriter w, string ns, int i, List<AppCatalog.App> apps, Random random)
    {
        for (int k = 0; k < options.PoliciesPerNamespace; k++)
        {
            w.Write($"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {PolicyName(k)}\n  namespace: {ns}\nspec:\n");
            WritePolicySpec(w, k, i, apps, random);
            w.Write("---\n");
        }
    }

    private static string PolicyName(int k) => k switch
    {
        0 => "baseline",
        1 => "allow-dns",
        2 => "app-to-app",
        3 => "team-web",
        4 => "allow-monitoring",
        5 => "selectors",
        6 => "internet-egress",
        7 => "port-range",
        8 => "udp-sctp",
        _ => $"app-to-app-{k}",
    };

    private static void WritePolicySpec(TextWriter w, int k, int i, List<AppCatalog.App> apps, Random random)
    {
        AppCatalog.App Pick() => apps[random.Next(apps.Count)];
        switch (k)
        {
            case 0 when i % 10 == 0:
                w.Write("  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  ingress:\n  - from:\n    - podSelector: {}\n  egress:\n  - to:\n    - podSelector: {}\n");
                break;
            case 0:
                w.Write(i % 7 == 3 ? "  podSelector: {}\n  policyTypes: [Ingress]\n" : "  podSelector: {}\n  policyTypes: [Ingress, Egress]\n");
                break;
            case 1:
                w.Write("  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - namespaceSelector:\n        matchLabels: {kubernetes.io/metadata.name: kube-system}\n      podSelector:\n        matchLabels: {k8s-app: kube-dns}\n    ports:\n    - {protocol: UDP, port: 53}\n    - {protocol: TCP, port: 53}\n");
                break;
            case 3:
                var web = apps.FirstOrDefault(a => a.Tier == "web") ?? apps[0];
                w.Write($"  podSelector:\n    matchLabels: {{app: {web.Name}}}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels: {{team: team-{(i + 1) % 20:D2}}}\n      podSelector:\n        matchLabels: {{tier: web}}\n    ports:\n    - {{port: 8080}}\n");
                break;
            case 4:
                w.Write("  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels: {purpose: monitoring}\n    ports:\n    - {port: metrics}\n    - {port: 9090}\n");
                break;
            case 5:
                w.Write("  podSelector:\n    matchExpressions:\n    - {key: tier, operator: In, values: [backend, data]}\n  ingress:\n  - from:\n    - podSelector:\n        matchExpressions:\n        - {key: app, operator: NotIn, values: [frontend, gateway]}\n        - {key: tier, operator: Exists}\n    - namespaceSelector:\n        matchExpressions:\n        - {key: purpose, operator: DoesNotExist}\n        - {key: env, operator: In, values: [staging]}\n      podSelector:\n        matchLabels: {tier: backend}\n    ports:\n    - {port: http}\n");
                break;
            case 6:
                var edge = apps.FirstOrDefault(a => a.Tier == "web") ?? apps[0];
                var v6 = i % 20 == 5 ? "    - ipBlock:\n        cidr: 2001:db8::/32\n        except: [2001:db8:ff::/48]\n" : "";
                w.Write($"  podSelector:\n    matchLabels: {{app: {edge.Name}}}\n  policyTypes: [Ingress, Egress]\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 0.0.0.0/0\n        except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]\n    ports:\n    - {{port: 8080}}\n    - {{port: 443}}\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 0.0.0.0/0\n        except: [10.0.0.0/8]\n{v6}    ports:\n    - {{port: 443}}\n");
                break;
            case 7:
                w.Write("  podSelector:\n    matchLabels: {tier: backend}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - podSelector:\n        matchLabels: {tier: data}\n    ports:\n    - {port: 5000, endPort: 6999}\n    - {port: 9000, endPort: 9999}\n");
                break;
            case 8:
                w.Write("  podSelector:\n    matchExpressions:\n    - {key: app, operator: In, values: [billing, stream]}\n  ingress:\n  - from:\n    - podSelector: {}\n    ports:\n    - {protocol: SCTP, port: 3868}\n    - {protocol: UDP, port: 5004}\n    - {protocol: UDP, port: 10000, endPort: 20000}\n");
                break;
            default:
                // Same-namespace app-to-app on the destination's first port: ingress on even k, egress on odd k.
                var (from, to) = (Pick(), Pick());
                if (k % 2 == 0)
                    w.Write($"  podSelector:\n    matchLabels: {{app: {to.Name}}}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {{app: {from.Name}}}\n    ports:\n    - {{port: {to.Ports[0].Name}}}\n");
                else
                    w.Write($"  podSelector:\n    matchLabels: {{app: {from.Name}}}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - podSelector:\n        matchLabels: {{app: {to.Name}}}\n    ports:\n    - {{port: {to.Ports[0].Number}, protocol: {to.Ports[0].Protocol}}}\n");
                break;
        }
    }
}
