using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Portolan.Kubernetes;

namespace Portolan.Benchmarks;

/// <summary>
/// bench/webhook-load.sh's client: CONCURRENCY workers POST AdmissionReviews (UPDATE, CREATE and DELETE of
/// NetworkPolicies in the served state) for DURATION seconds; prints requests/s and latency percentiles.
/// </summary>
public static class WebhookLoad
{
    public static async Task<int> Run(string url, string stateDirectory, int seconds, int concurrency, string certificate)
    {
        var cluster = new ManifestLoader(TextReader.Null, _ => { }).Load([stateDirectory]);
        var policies = cluster.Policies.Where(p => p.Namespace is not null).ToList();
        var trusted = X509CertificateLoader.LoadCertificateFromFile(certificate);
        using var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, c, _, _) => c is not null && c.GetCertHashString() == trusted.GetCertHashString() } };
        using var client = new HttpClient(handler);
        var latencies = new List<double>[concurrency];
        var denied = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            for (int i = 0; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var n = i * concurrency + worker;
                var policy = policies[n * 7919 % policies.Count];
                var body = (n % 3) switch
                {
                    0 => Review(n, "UPDATE", policy.Namespace!, policy.Name, Ports[n % Ports.Length]),
                    1 => Review(n, "CREATE", policy.Namespace!, $"load-{n}", n % 10 == 1 ? 20000 + n : Ports[n % Ports.Length]),
                    _ => Review(n, "DELETE", policy.Namespace!, policy.Name, 0),
                };
                var t = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(new Uri(url), new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {text}");
                if (text.Contains("\"allowed\":false", StringComparison.Ordinal)) Interlocked.Increment(ref denied);
            }
        }));
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        double P(double q) => all[Math.Min(all.Count - 1, (int)(q * all.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{all.Count} requests in {wall:0.0} s with {concurrency} concurrent: {all.Count / wall:0} requests/s; latency p50 {P(0.50):0.0} ms, p90 {P(0.90):0.0} ms, p99 {P(0.99):0.0} ms, max {all[^1]:0.0} ms; {denied} denied"));
        return 0;
    }

    // Ports the generated policies already use (a change fits the state in place); one CREATE in ten uses a new port (atoms cut in place).
    private static readonly int[] Ports = [8080, 443, 9090, 53];

    private static string Review(int n, string operation, string ns, string name, int port)
    {
        var obj = $$$"""{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"},"spec":{"podSelector":{"matchLabels":{"app":"load"}},"ingress":[{"from":[{"podSelector":{}}],"ports":[{"port":{{{port}}}}]}]}}""";
        var objects = operation == "DELETE" ? "" : $",\"object\":{obj}";
        return $$$"""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"load-{{{n}}}","kind":{"group":"networking.k8s.io","version":"v1","kind":"NetworkPolicy"},"name":"{{{name}}}","namespace":"{{{ns}}}","operation":"{{{operation}}}"{{{objects}}}}}""";
    }
}
