using Detector.Operator.Datasets;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// The shared informer cache on the real API server: one list+watch per resource for all five controllers, and a
/// polling Dataset that reads nothing but the cache (issue 19: reads from the cache, writes to the server).
/// </summary>
public sealed class SharedCacheOnServerTests
{
    private static readonly string[] s_cachedResources = ["datasets", "trainingruns", "tuningruns", "registeredmodels", "detectionendpoints", "jobs"];

    [SkippableFact]
    public async Task FiveControllers_ListAndWatchEachResourceOnce_AndAPollingDatasetReadsOnlyTheCache()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("aquarium"));
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);

        // Datasets are watched by their controller, the two run controllers and a cached store; Jobs by the Dataset
        // controller and its store: still one list and one watch each.
        var started = env.Api.Requests;
        foreach (var resource in s_cachedResources)
        {
            Assert.Equal(1, started.Count(r => r.Resource == resource && r.Verb == "list" && r.Name is null));
            Assert.Contains(started, r => r.Resource == resource && r.Verb == "watch");
        }

        // The Preparing Dataset is polled every 0.5 s: four reconciles read it and its Job from the cache. The only reads
        // the API server still sees are the Lease's and the pod list (its Job has no Ready pod: is one stuck?); the
        // Events of the move to Preparing may still be on their way (the recorder sends them in the background).
        env.Api.ClearRequests();
        var reconciles = env.Reconciles.Count("Dataset", env.Namespace, "aquarium");
        await env.WaitForAsync(e => e.Reconciles.Count("Dataset", e.Namespace, "aquarium") >= reconciles + 4);

        var requests = env.Api.Requests;
        Assert.DoesNotContain(requests, r => r.Resource is "datasets" or "jobs");
        Assert.All(requests.Where(r => !r.IsWrite), r => Assert.True(r.Resource is "leases" || (r.Resource, r.Verb) is ("pods", "list"), r.ToString()));
        Assert.All(requests.Where(r => r.IsWrite), r => Assert.True(r.Resource is "leases" or "events", r.ToString()));
    }
}
