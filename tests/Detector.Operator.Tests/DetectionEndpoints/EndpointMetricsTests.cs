using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.DetectionEndpoints;

public sealed class EndpointMetricsTests
{
    private static readonly DateTime s_started = EndpointSamples.Now.UtcDateTime;

    private static RolloutResult Rollout(int version, string result, DateTime? started = null) =>
        new() { Version = version, Result = result, StartedAt = started ?? s_started };

    public static TheoryData<string, int?> Transitions => new()
    {
        // case, the version of the rollout counted (null: none)
        { "nothing before", null },
        { "still in progress", null },
        { "finished before already", null },
        { "finished now", 2 },
        { "finished now and a newer one started", 2 },
        { "another rollout of the same version", null },
    };

    private static (DetectionEndpointStatus? Before, DetectionEndpointStatus After) Transition(string name) => name switch
    {
        "nothing before" => (null, new() { LastRollout = Rollout(1, RolloutResults.InProgress) }),
        "still in progress" => (new() { LastRollout = Rollout(2, RolloutResults.InProgress) }, new() { LastRollout = Rollout(2, RolloutResults.InProgress) }),
        "finished before already" => (new() { LastRollout = Rollout(2, RolloutResults.Succeeded) },
            new() { LastRollout = Rollout(2, RolloutResults.Succeeded), RolloutHistory = [Rollout(2, RolloutResults.Succeeded)] }),
        "finished now" => (new() { LastRollout = Rollout(2, RolloutResults.InProgress) },
            new() { LastRollout = Rollout(2, RolloutResults.RolledBack), RolloutHistory = [Rollout(2, RolloutResults.RolledBack)] }),
        "finished now and a newer one started" => (new() { LastRollout = Rollout(2, RolloutResults.InProgress) },
            new() { LastRollout = Rollout(3, RolloutResults.InProgress), RolloutHistory = [Rollout(2, RolloutResults.Failed)] }),
        "another rollout of the same version" => (new() { LastRollout = Rollout(2, RolloutResults.InProgress) },
            new() { LastRollout = Rollout(2, RolloutResults.InProgress, s_started.AddHours(1)), RolloutHistory = [Rollout(2, RolloutResults.Failed, s_started.AddHours(-1))] }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void FinishedRollouts_Between_FindsTheRolloutThisStatusFinished(string name, int? version)
    {
        var (before, after) = Transition(name);

        Assert.Equal(version, FinishedRollouts.Between(before, after)?.Version);
    }

    private const string Labels = "namespace=\"vision\",name=\"birds-live\"";

    [Fact]
    public async Task Reconcile_CountsEachRolloutOnceByResult_AndExportsThePhase()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        var scrape = await h.ScrapeAsync();
        Assert.Contains($"detector_endpoint_phase{{{Labels},phase=\"InService\"}} 1", scrape);
        Assert.Contains($"detector_endpoint_phase{{{Labels},phase=\"Creating\"}} 0", scrape);
        Assert.Contains($"detector_endpoint_rollouts_total{{{Labels},result=\"Succeeded\"}} 1", scrape);

        h.SetRegistry(EndpointSamples.Registry(2, 1, 2));
        h.SageMaker.RollBackNextUpdate(h.Status.InferenceComponentName!, "Alarm detector-5xx fired");
        await h.ConvergeAsync();
        await h.ConvergeAsync();

        scrape = await h.ScrapeAsync();
        Assert.Contains($"detector_endpoint_rollouts_total{{{Labels},result=\"Succeeded\"}} 1", scrape);
        Assert.Contains($"detector_endpoint_rollouts_total{{{Labels},result=\"RolledBack\"}} 1", scrape);
        Assert.Contains($"detector_endpoint_deployed_version{{{Labels}}} 1", scrape);
        Assert.Equal((2, 1, 1), (h.Events.All.Count(e => e.Reason == "RolloutStarted"), h.Events.All.Count(e => e.Reason == "RolloutSucceeded"),
            h.Events.All.Count(e => e.Reason == EndpointReasons.RolloutFailed)));
    }

    [Fact]
    public async Task Reconcile_AfterARestart_DoesNotCountFinishedRolloutsAgain()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var restarted = new DetectionEndpointReconciler(h.Kube.Store<DetectionEndpoint>(), h.Kube.Store<RegisteredModel>(), h.SageMaker, h.Events,
            new EndpointMetrics(registry), new DetectionEndpointSettings { Region = EndpointSamples.Region }, h.Clock,
            NullLogger<DetectionEndpointReconciler>.Instance);

        for (var i = 0; i < 3; i++)
            await restarted.ReconcileAsync(h.Key, CancellationToken.None);

        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        var scrape = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain("detector_endpoint_rollouts_total{", scrape);
        Assert.Contains($"detector_endpoint_phase{{{Labels},phase=\"InService\"}} 1", scrape);
    }

    [Fact]
    public async Task Reconcile_Deleted_ForgetsPhaseAndRollouts()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        await h.Kube.Store<DetectionEndpoint>().DeleteAsync(h.Key, CancellationToken.None);

        await h.ConvergeAsync();

        var scrape = await h.ScrapeAsync();
        Assert.DoesNotContain("detector_endpoint_phase{", scrape);
        Assert.DoesNotContain("detector_endpoint_rollouts_total{", scrape);
    }
}
