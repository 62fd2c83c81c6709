using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.DetectionEndpoints;
using Detector.Operator.Tests.Fakes.CloudWatch;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>Endpoint health: figures from the fake CloudWatch over HTTP, Degraded with the figure, Events, gauges.</summary>
public sealed class EndpointHealthTests : IAsyncLifetime
{
    private FakeMonitoring _fake = null!;
    private CloudWatchClient _cloudWatch = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeMonitoring.StartAsync();
        _cloudWatch = new CloudWatchClient(MonitoringFixture.Options(_fake));
    }

    public async Task DisposeAsync()
    {
        _cloudWatch.Dispose();
        await _fake.DisposeAsync();
    }

    [SkippableFact]
    public async Task ErrorRateRises_GoesDegradedWithTheFigureAndAWarning_ThenRecovers()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1),
            EndpointSamples.Endpoint(edit: s => s with { Health = new EndpointHealthSpec { MaxServerErrorRate = 0.05, MaxP99LatencyMilliseconds = 500 } }));
        await h.ConvergeAsync();
        var monitor = new EndpointHealthMonitor(_cloudWatch, h.Registry);
        var reconciler = new DetectionEndpointReconciler(h.Kube.Store<DetectionEndpoint>(), h.Kube.Store<RegisteredModel>(), h.SageMaker, h.Events,
            h.Metrics, new DetectionEndpointSettings
            {
                Region = EndpointSamples.Region, PollInterval = DetectionEndpointHarness.PollInterval, DriftInterval = DetectionEndpointHarness.DriftInterval,
                Health = monitor,
            }, h.Clock, NullLogger<DetectionEndpointReconciler>.Instance);
        Task<ReconcileResult> Reconcile() => reconciler.ReconcileAsync(h.Key, CancellationToken.None);
        var component = new Dictionary<string, string> { ["InferenceComponentName"] = h.Status.InferenceComponentName! };
        void Traffic(int invocations, int errors5xx, double latencyMs)
        {
            var at = h.Clock.GetUtcNow().AddMinutes(-2);
            for (var i = 0; i < invocations; i++)
            {
                _fake.Metrics.Put("AWS/SageMaker", "Invocations", component, at.AddSeconds(i % 50), 1);
                _fake.Metrics.Put("AWS/SageMaker", "ModelLatency", component, at.AddSeconds(i % 50), latencyMs * 1000);
                _fake.Metrics.Put("AWS/SageMaker", "Invocation5XXErrors", component, at.AddSeconds(i % 50), i < errors5xx ? 1 : 0);
            }
        }

        Traffic(100, 1, 80);
        Assert.Equal(ReconcileResult.After(monitor.Interval), await Reconcile());
        Assert.Equal((100L, 0.01, 80.0), (h.Status.Health!.Invocations, h.Status.Health.ServerErrorRate, h.Status.Health.P99LatencyMilliseconds!.Value));
        Assert.Equal(("False", "WithinThresholds"), Degraded(h));
        Assert.Contains("detector_endpoint_invocations{namespace=\"vision\",name=\"birds-live\"} 100", await h.ScrapeAsync());

        Traffic(100, 30, 80);                                   // 31 errors of 200 in the window
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await Reconcile();
        Assert.Equal(("True", "HighServerErrorRate"), Degraded(h));
        var warning = Assert.Single(h.Events.All, e => e.Reason == "Degraded");
        Assert.Equal(("Warning", "5XX rate 15.5% over 5 min is above 5.0% (31 of 200 invocations)"), (warning.Type, warning.Message));
        Assert.Contains("detector_endpoint_errors_ratio{namespace=\"vision\",name=\"birds-live\",class=\"5xx\"} 0.155", await h.ScrapeAsync());

        h.Clock.Advance(TimeSpan.FromSeconds(20));              // not due: no call, still degraded
        var calls = _fake.Requests.Count;
        await Reconcile();
        Assert.Equal(calls, _fake.Requests.Count);
        Assert.Equal("True", Degraded(h).Status);

        h.Clock.Advance(TimeSpan.FromMinutes(10));              // the bad minutes leave the window
        Traffic(50, 0, 90);
        await Reconcile();
        Assert.Equal(("False", "WithinThresholds"), Degraded(h));
        Assert.Equal("Normal", Assert.Single(h.Events.All, e => e.Reason == "Recovered").Type);
        Assert.Empty(_fake.ValidationFailures);
        Assert.Empty(_fake.ResponseProblems);
    }

    [Fact]
    public void Evaluate_Latency_NamesTheFigure_AndNoThresholdsMeansNoCondition()
    {
        var figures = new EndpointHealthStatus { WindowMinutes = 5, Invocations = 10, P99LatencyMilliseconds = 812.4 };

        Assert.Equal(new HealthVerdict(true, "HighLatency", "p99 model latency 812.4 ms over 5 min is above 500 ms"),
            EndpointHealth.Evaluate(figures, new EndpointHealthSpec { MaxP99LatencyMilliseconds = 500 }));
        Assert.Null(EndpointHealth.Evaluate(figures, new EndpointHealthSpec()));
        Assert.Null(EndpointHealth.Evaluate(figures, null));
    }

    [Fact]
    public void Figures_SumsBucketsAndTakesTheWorsePercentile_MicrosecondsToMilliseconds()
    {
        var figures = EndpointHealth.Figures(
        [
            new() { Id = "invocations", Values = [60, 40] }, new() { Id = "errors4xx", Values = [5, 5] }, new() { Id = "p99", Values = [120_000, 300_000] },
        ], 5, EndpointSamples.Now);

        Assert.Equal((100L, 0.1, 0.0, 300.0, (double?)null), (figures.Invocations, figures.ClientErrorRate, figures.ServerErrorRate, figures.P99LatencyMilliseconds!.Value, figures.P50LatencyMilliseconds));
    }

    private static (string Status, string Reason) Degraded(DetectionEndpointHarness h) =>
        Conditions.Get(h.Status.Conditions, EndpointHealth.Degraded) is { } c ? (c.Status, c.Reason) : ("absent", "");
}
