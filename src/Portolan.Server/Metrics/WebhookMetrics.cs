using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Portolan.Server.Admission;

namespace Portolan.Server.Metrics;

/// <summary>
/// What /metrics reports, in the Prometheus text format (version 0.0.4): reviews by kind and
/// operation, decisions, malformed bodies, internal errors, decision latency and the state's size.
/// Kinds outside the four policy kinds count as "other", so clients cannot grow the label set.
/// </summary>
public sealed class WebhookMetrics
{
    private readonly ConcurrentDictionary<(string Kind, string Operation), long> _requests = new();
    private readonly ConcurrentDictionary<string, long> _decisions = new(StringComparer.Ordinal);
    private long _malformed;
    private long _internalErrors;

    public LatencyHistogram Latency { get; } = new();

    public void CountRequest(AdmissionRequest request)
    {
        var kind = request.Kind?.Kind is { } k && AdmittedKinds.ByName.ContainsKey(k) ? k : "other";
        var operation = ReviewReader.Operations.Contains(request.Operation, StringComparer.Ordinal) ? request.Operation! : "other";
        _requests.AddOrUpdate((kind, operation), 1, (_, n) => n + 1);
    }

    public void CountDecision(bool allowed) => _decisions.AddOrUpdate(allowed ? "allowed" : "denied", 1, (_, n) => n + 1);

    public void CountMalformed() => Interlocked.Increment(ref _malformed);

    public void CountInternalError() => Interlocked.Increment(ref _internalErrors);

    public string Render(bool ready, int pods, int policies)
    {
        var text = new StringBuilder();
        Header(text, "portolan_admission_requests_total", "counter", "AdmissionReview requests answered, by kind and operation.");
        foreach (var ((kind, operation), n) in _requests.OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Operation, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"portolan_admission_requests_total{{kind=\"{kind}\",operation=\"{operation}\"}} {n}\n");
        Header(text, "portolan_admission_decisions_total", "counter", "Admission decisions, allowed or denied.");
        foreach (var decision in new[] { "allowed", "denied" })
            text.Append(CultureInfo.InvariantCulture, $"portolan_admission_decisions_total{{decision=\"{decision}\"}} {_decisions.GetValueOrDefault(decision)}\n");
        Header(text, "portolan_admission_malformed_total", "counter", "Requests answered 400 because the body was not an AdmissionReview v1.");
        text.Append(CultureInfo.InvariantCulture, $"portolan_admission_malformed_total {Interlocked.Read(ref _malformed)}\n");
        Header(text, "portolan_admission_internal_errors_total", "counter", "Requests decided by --failure-policy because the analysis failed or the state was not loaded.");
        text.Append(CultureInfo.InvariantCulture, $"portolan_admission_internal_errors_total {Interlocked.Read(ref _internalErrors)}\n");
        Header(text, "portolan_admission_duration_seconds", "histogram", "Time to decide one review, from body read to response written.");
        Latency.WriteTo(text, "portolan_admission_duration_seconds");
        Header(text, "portolan_state_ready", "gauge", "1 once the cluster state is loaded.");
        text.Append(CultureInfo.InvariantCulture, $"portolan_state_ready {(ready ? 1 : 0)}\n");
        Header(text, "portolan_state_pods", "gauge", "Pods (and workload templates) in the analysed state.");
        text.Append(CultureInfo.InvariantCulture, $"portolan_state_pods {pods}\n");
        Header(text, "portolan_state_policies", "gauge", "Policies of every kind in the analysed state.");
        text.Append(CultureInfo.InvariantCulture, $"portolan_state_policies {policies}\n");
        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
}
