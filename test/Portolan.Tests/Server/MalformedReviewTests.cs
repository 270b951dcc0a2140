using System.Net;

namespace Portolan.Tests.Server;

/// <summary>A body that is not an AdmissionReview v1 is answered 400 with a JSON error that says what is wrong.</summary>
public sealed class MalformedReviewTests
{
    [Theory]
    [InlineData("", "the request body is empty")]
    [InlineData("{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": ", "the request body is not an AdmissionReview JSON object at line 1")]
    [InlineData("[1, 2]", "the request body is not an AdmissionReview JSON object")]
    [InlineData("{\"apiVersion\": \"admission.k8s.io/v1beta1\", \"kind\": \"AdmissionReview\", \"request\": {\"uid\": \"u\"}}", "apiVersion is \"admission.k8s.io/v1beta1\": expected \"admission.k8s.io/v1\"")]
    [InlineData("{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": \"Pod\"}", "kind is \"Pod\": expected \"AdmissionReview\"")]
    [InlineData("{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": \"AdmissionReview\"}", "request is missing")]
    [InlineData("{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": \"AdmissionReview\", \"request\": {\"operation\": \"CREATE\"}}", "request.uid is missing")]
    [InlineData("{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": \"AdmissionReview\", \"request\": {\"uid\": \"u\", \"kind\": {\"kind\": \"NetworkPolicy\"}, \"operation\": \"PATCH\"}}", "request.operation is \"PATCH\": expected one of CREATE, UPDATE, DELETE, CONNECT")]
    [InlineData("{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": \"AdmissionReview\", \"request\": {\"uid\": 42}}", "the request body is not an AdmissionReview JSON object")]
    public async Task Malformed_reviews_are_answered_400_with_a_clear_error(string body, string expected)
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var (status, answer) = await webhook.PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = answer["error"]!.GetValue<string>();
        Assert.StartsWith("malformed AdmissionReview: ", error);
        Assert.Contains(expected, error);
        Assert.Contains("portolan_admission_malformed_total 1\n", await webhook.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }
}
