using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portolan.Server.Admission;
using Portolan.Server.Metrics;
using Portolan.Server.State;

namespace Portolan.Server.Hosting;

/// <summary>The request handlers: thin wrappers that read, decide, count and write.</summary>
internal sealed class WebhookEndpoints(AdmissionDecider decider, PolicyState state, WebhookMetrics metrics,
    FailurePolicy failurePolicy, IStateSource source, Action<string> log)
{
    public async Task Validate(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        AdmissionReview review;
        try
        {
            review = ReviewReader.Read(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (MalformedReviewException e)
        {
            metrics.CountMalformed();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new ErrorBody($"malformed AdmissionReview: {e.Message}"),
                AdmissionJson.Default.ErrorBody, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        var request = review.Request!;
        metrics.CountRequest(request);
        AdmissionDecision decision;
        try
        {
            decision = decider.Decide(request);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            metrics.CountInternalError();
            log($"error: review {request.Uid} ({request.Operation} {request.Kind?.Kind} {request.Namespace}/{request.Name}): {e.GetType().Name}: {e.Message}");
            decision = failurePolicy.Decide(e);
        }
        metrics.CountDecision(decision.Allowed);
        if (!decision.Allowed) log($"denied {request.Operation} {request.Kind?.Kind} {request.Namespace}/{request.Name} (uid {request.Uid}): {decision.Message}");
        var answer = new AdmissionReview { ApiVersion = review.ApiVersion, Kind = review.Kind, Response = decision.ToResponse(request.Uid!) };
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, answer, AdmissionJson.Default.AdmissionReview, context.RequestAborted).ConfigureAwait(false);
        metrics.Latency.Observe(Stopwatch.GetElapsedTime(started));
    }

    public static Task Healthz(HttpContext context) => context.Response.WriteAsync("ok\n", context.RequestAborted);

    public Task Readyz(HttpContext context)
    {
        if (state.IsReady) return context.Response.WriteAsync("ok\n", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsync($"not ready: loading the cluster state from {source.Description}\n", context.RequestAborted);
    }

    public Task Metrics(HttpContext context)
    {
        var cluster = state.Cluster;
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        return context.Response.WriteAsync(metrics.Render(state.IsReady, cluster?.Pods.Length ?? 0, cluster?.Policies.Length ?? 0), context.RequestAborted);
    }
}
