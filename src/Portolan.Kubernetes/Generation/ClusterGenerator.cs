using System.Globalization;
using System.Text;

namespace Portolan.Kubernetes.Generation;

/// <summary>
/// Writes a deterministic, realistic synthetic cluster as manifests: namespaces with env/team
/// labels, pods (owned by ReplicaSets, with IPs) and Deployments with app/tier labels and named
/// ports, NetworkPolicies of mixed shapes, and a few admin-tier policies. Same options and seed,
/// same bytes.
/// </summary>
public sealed partial class ClusterGenerator(GeneratorOptions options)
{
    private static readonly string[] Envs = ["prod", "staging", "dev"];

    /// <summary>Writes one file per namespace plus cluster.yaml; returns the number of files written.</summary>
    public int WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(options.Seed);
        var files = 0;
        using (var cluster = Open(Path.Combine(directory, "cluster.yaml")))
        {
            WriteClusterScoped(cluster);
            files++;
        }
        for (int i = 0; i < options.Namespaces; i++)
        {
            using var writer = Open(Path.Combine(directory, $"{NamespaceName(i)}.yaml"));
            WriteNamespace(writer, i, random);
            files++;
        }
        return files;
    }

    public static string NamespaceName(int i) => $"ns-{i:D4}";

    private static StreamWriter Open(string path) =>
        new(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

    // Every 50th namespace runs monitoring; the rest are application namespaces.
    private static bool IsMonitoring(int i) => i % 50 == 49;

    private static void WriteClusterScoped(TextWriter w)
    {
        w.Write("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: kube-system
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: coredns
              namespace: kube-system
            spec:
              replicas: 2
              selector: {matchLabels: {k8s-app: kube-dns}}
              template:
                metadata:
                  labels: {k8s-app: kube-dns}
                spec:
                  containers:
                  - name: coredns
                    image: coredns/coredns:1.11
                    ports:
                    - {name: dns, containerPort: 53, protocol: UDP}
                    - {name: dns-tcp, containerPort: 53, protocol: TCP}
            ---
            # Admin tier: dev may never reach prod; monitoring scrapes pass to the namespace owners.
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata:
              name: isolate-prod-from-dev
            spec:
              priority: 10
              subject:
                namespaces:
                  matchLabels: {env: prod}
              ingress:
              - name: deny-dev
                action: Deny
                from:
                - namespaces:
                    matchLabels: {env: dev}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata:
              name: pass-monitoring
            spec:
              priority: 20
              subject:
                namespaces: {}
              ingress:
              - name: pass-scrape
                action: Pass
                from:
                - namespaces:
                    matchLabels: {purpose: monitoring}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata:
              name: allow-dns
            spec:
              priority: 30
              subject:
                namespaces: {}
              egress:
              - name: dns
                action: Allow
                to:
                - pods:
                    namespaceSelector:
                      matchLabels: {kubernetes.io/metadata.name: kube-system}
                    podSelector:
                      matchLabels: {k8s-app: kube-dns}
                ports:
                - portNumber: {protocol: UDP, port: 53}
                - portNumber: {protocol: TCP, port: 53}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: BaselineAdminNetworkPolicy
            metadata:
              name: default
            spec:
              subject:
                namespaces:
                  matchExpressions:
                  - {key: env, operator: In, values: [prod, staging]}
              ingress:
              - name: deny-from-dev
                action: Deny
                from:
                - namespaces:
                    matchLabels: {env: dev}

            """);
    }

    private void WriteNamespace(TextWriter w, int i, Random random)
    {
        var ns = NamespaceName(i);
        var env = Envs[i % Envs.Length];
        var team = $"team-{i % 20:D2}";
        var monitoring = IsMonitoring(i);
        w.Write($"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n  labels:\n    env: {env}\n    team: {team}\n");
        if (monitoring) w.Write("    purpose: monitoring\n");
        w.Write("---\n");

        var apps = monitoring
            ? [new AppCatalog.App("prometheus", "monitoring", [new("web", 9090, "TCP")])]
            : PickApps(i);
        // One app in five is given as a Deployment (analysed as one template pod); the others as
        // running pods of a ReplicaSet, sharing the rest of the namespace's pod budget.
        var deployments = Enumerable.Range(0, apps.Count).Where(a => a % 5 == 4 && apps.Count > 1).ToHashSet();
        var podApps = Enumerable.Range(0, apps.Count).Where(a => !deployments.Contains(a)).ToList();
        var budget = Math.Max(options.PodsPerNamespace - deployments.Count, podApps.Count);
        for (int a = 0; a < apps.Count; a++)
        {
            var app = apps[a];
            if (deployments.Contains(a))
            {
                WriteDeployment(w, ns, app, 3);
                continue;
            }
            var slot = podApps.IndexOf(a);
            var count = budget / podApps.Count + (slot < budget % podApps.Count ? 1 : 0);
            for (int p = 0; p < count; p++) WritePod(w, ns, i, app, a, p);
        }
        if (!monitoring) WritePolicies(w, ns, i, apps, random);
    }

    private List<AppCatalog.App> PickApps(int i)
    {
        var count = Math.Clamp(options.PodsPerNamespace / 4, 1, AppCatalog.All.Count);
        return [.. Enumerable.Range(0, count).Select(k => AppCatalog.All[(i + k) % AppCatalog.All.Count])];
    }

    private static string Hash(string ns, string app) =>
        ((uint)(ns + "/" + app).Aggregate(17, (h, c) => unchecked(h * 31 + c))).ToString("x8", CultureInfo.InvariantCulture)[..8];

    private static void WritePorts(TextWriter w, AppCatalog.App app, string indent)
    {
        w.Write($"{indent}ports:\n");
        foreach (var port in app.Ports) w.Write($"{indent}- {{name: {port.Name}, containerPort: {port.Number}, protocol: {port.Protocol}}}\n");
    }

    private static void WritePod(TextWriter w, string ns, int i, AppCatalog.App app, int a, int p)
    {
        var rs = $"{app.Name}-{Hash(ns, app.Name)}";
        var ip = $"10.{(i >> 8) & 255}.{i & 255}.{(a * 20 + p) % 250 + 1}";
        w.Write($"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {rs}-{p:D3}\n  namespace: {ns}\n");
        w.Write($"  labels: {{app: {app.Name}, tier: {app.Tier}}}\n");
        w.Write($"  ownerReferences:\n  - {{apiVersion: apps/v1, kind: ReplicaSet, name: {rs}, controller: true}}\n");
        w.Write($"spec:\n  containers:\n  - name: {app.Name}\n    image: example/{app.Name}:1.0\n");
        WritePorts(w, app, "    ");
        w.Write($"status:\n  podIP: {ip}\n  podIPs:\n  - ip: {ip}\n---\n");
    }

    private static void WriteDeployment(TextWriter w, string ns, AppCatalog.App app, int replicas)
    {
        w.Write($"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {app.Name}\n  namespace: {ns}\nspec:\n  replicas: {replicas}\n");
        w.Write($"  selector:\n    matchLabels: {{app: {app.Name}}}\n  template:\n    metadata:\n      labels: {{app: {app.Name}, tier: {app.Tier}}}\n");
        w.Write($"    spec:\n      containers:\n      - name: {app.Name}\n        image: example/{app.Name}:1.0\n");
        WritePorts(w, app, "        ");
        w.Write("---\n");
    }
}
