using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.EndToEnd.Apis;

/// <summary>The pure parts of the real-server test environment: the Job controller's status and the proxy's request log.</summary>
public sealed class ApisPureTests
{
    private const string Now = "2026-12-07T10:00:00Z";

    private static JsonObject Job(string spec) => new() { ["spec"] = JsonNode.Parse(spec) };

    [Theory]
    [InlineData("{}", 1, null)]
    [InlineData("""{"completions":1,"completionMode":"NonIndexed"}""", 1, null)]
    [InlineData("""{"completions":1,"completionMode":"Indexed"}""", 1, "0")]
    [InlineData("""{"completions":4,"completionMode":"Indexed"}""", 4, "0-3")]
    public void Succeeded_IsSuccessCriteriaMetThenCompleteWithCountsAndIndexes(string spec, int succeeded, string? indexes)
    {
        var status = JobControllerStatus.Succeeded(Job(spec), Now);
        Assert.Equal(["SuccessCriteriaMet", "Complete"], status["conditions"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()));
        Assert.Equal(succeeded, status["succeeded"]!.GetValue<int>());
        Assert.Equal(indexes, status["completedIndexes"]?.GetValue<string>());
        Assert.Equal((Now, Now), (status["startTime"]!.GetValue<string>(), status["completionTime"]!.GetValue<string>()));
        Assert.Equal((0, 0, 0), (status["active"]!.GetValue<int>(), status["ready"]!.GetValue<int>(), status["terminating"]!.GetValue<int>()));
    }

    [Fact]
    public void Failed_IsFailureTargetThenFailed_BackoffLimitPlusOneFailures_NoCompletionTime_StartTimeKept()
    {
        var job = Job("""{"backoffLimit":2}""");
        job["status"] = new JsonObject { ["startTime"] = "2026-12-07T09:00:00Z", ["active"] = 1 };
        var status = JobControllerStatus.Failed(job, Now, "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        Assert.Equal(["FailureTarget", "Failed"], status["conditions"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()));
        Assert.Equal(3, status["failed"]!.GetValue<int>());
        Assert.Null(status["completionTime"]);
        Assert.Equal("2026-12-07T09:00:00Z", status["startTime"]!.GetValue<string>());
        Assert.Equal(0, status["active"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("GET", "/apis/detector.dev/v1alpha1/namespaces/ns/datasets", "", "list", "detector.dev", "datasets", null, "ns", null)]
    [InlineData("GET", "/apis/detector.dev/v1alpha1/namespaces/ns/datasets", "?watch=true", "watch", "detector.dev", "datasets", null, "ns", null)]
    [InlineData("PUT", "/apis/batch/v1/namespaces/ns/jobs/j/status", "", "update", "batch", "jobs", "status", "ns", "j")]
    [InlineData("POST", "/api/v1/namespaces/ns/events", "", "create", "", "events", null, "ns", null)]
    [InlineData("GET", "/api/v1/namespaces/ns", "", "get", "", "namespaces", null, null, "ns")]
    [InlineData("DELETE", "/apis/coordination.k8s.io/v1/namespaces/l/leases/x", "", "delete", "coordination.k8s.io", "leases", null, "l", "x")]
    public void Describe_GivesTheRbacViewOfARequest(string method, string path, string query, string verb, string group, string resource,
        string? subresource, string? ns, string? name)
    {
        var call = ApiProxy.Describe(method, path, query);
        Assert.Equal((verb, group, resource, subresource, ns, name), (call.Verb!, call.Group!, call.Resource!, call.Subresource, call.Namespace, call.Name));
    }
}
