using Amazon.Runtime;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using Detector.Operator.Tests.Fakes.CloudWatch;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Operator.Tests.TrainingRuns;
using Detector.Operator.Tests.TuningRuns;
using Detector.Operator.TuningRuns;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>A running TuningRun's live figures: the fake SageMaker's running trials and the fake SageMaker Metrics' series, over HTTP.</summary>
public sealed class LiveTuningProgressTests : IAsyncLifetime
{
    private FakeSageMaker _sm = null!;
    private FakeMonitoring _fake = null!;
    private SageMakerClient _sageMaker = null!;
    private SageMakerMetricsClient _metrics = null!;

    public async Task InitializeAsync()
    {
        _sm = await FakeSageMaker.StartAsync();
        _fake = await FakeMonitoring.StartAsync();
        _sageMaker = new SageMakerClient(new SageMakerClientOptions
        {
            Region = _sm.Region, ServiceUrl = _sm.Url, Credentials = new BasicAWSCredentials(_sm.AccessKey, _sm.SecretKey), RequestsPerSecond = 0,
        });
        _metrics = new SageMakerMetricsClient(MonitoringFixture.Options(_fake));
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        _sageMaker.Dispose();
        await _fake.DisposeAsync();
        await _sm.DisposeAsync();
    }

    [SkippableFact]
    public async Task RunningTrials_ShowTheirLatestMap_AndTheBestSoFar_TwoCallsPerMinute()
    {
        var h = new TuningRunHarness();
        var reconciler = new TuningRunReconciler(h.Kube.Store<TuningRun>(), h.Kube.Store<Dataset>(), _sageMaker, h.Events, h.Metrics,
            new SageMakerRunSettings { Region = RunSamples.Region, PollInterval = TimeSpan.FromSeconds(60), LiveMetrics = _metrics },
            h.Clock, NullLogger<TuningRunReconciler>.Instance);
        Task Reconcile() => reconciler.ReconcileAsync(TuningRunHarness.Key, CancellationToken.None);
        await Reconcile();                                            // creates the tuning job; two trials start
        _sm.Advance(TimeSpan.FromMinutes(6));
        var trials = _sm.TrainingJobs.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, trials.Count);
        string Arn(string trial) => (string)_sm.TrainingJob(trial)!["TrainingJobArn"]!;
        _fake.Training.Add(Arn(trials[0]), "validation:mAP", 0, RunSamples.Now, 0.18);
        _fake.Training.Add(Arn(trials[0]), "validation:mAP", 1, RunSamples.Now.AddMinutes(1), 0.27);
        _fake.Training.Add(Arn(trials[1]), "validation:mAP", 0, RunSamples.Now, 0.31);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var calls = (_sm.Requests.Count, _fake.Requests.Count);

        await Reconcile();

        var progress = h.Status.Progress!;
        Assert.Equal([(trials[0], 1L, 0.27), (trials[1], 0L, 0.31)], progress.RunningTrials.Select(t => (t.Name, t.Epoch!.Value, t.MAP!.Value)));
        Assert.Equal((0.31, trials[1]), (progress.BestMAP!.Value, progress.BestTrial));
        Assert.Equal(1, _sm.Requests.Skip(calls.Item1).Count(r => r.Operation == "ListTrainingJobsForHyperParameterTuningJob"
            && (string?)r.Body!["StatusEquals"] == "InProgress"));
        Assert.Equal(1, _fake.Requests.Count - calls.Item2);
        Assert.Empty(_sm.ValidationFailures);
        Assert.Empty(_fake.ValidationFailures);
    }

    [Fact]
    public void Changed_OnlyWhenTheFiguresMove_NotTheirReadTime()
    {
        TrialProgress Trial(double map) => new() { Name = "t-001", Epoch = 3, MAP = map };
        var stored = new TuningProgress { BestMAP = 0.5, BestTrial = "t-001", RunningTrials = [Trial(0.5)], UpdatedAt = RunSamples.Now.AddMinutes(-1).UtcDateTime };

        Assert.True(LiveTuningProgress.Changed(null, stored));
        Assert.False(LiveTuningProgress.Changed(stored, stored with { RunningTrials = [Trial(0.5)], UpdatedAt = RunSamples.Now.UtcDateTime }));
        Assert.True(LiveTuningProgress.Changed(stored, stored with { RunningTrials = [Trial(0.6)] }));
        Assert.True(LiveTuningProgress.Changed(stored, stored with { BestTrial = "t-002" }));
    }

    [Fact]
    public void Combine_TheFinishedBestCanStillWin()
    {
        var progress = LiveTuningProgress.Combine([("t-002", [0L, 1L], [0.2, 0.4])], new BestTrainingJob { Name = "t-001", MAP = 0.55 }, RunSamples.Now);

        Assert.Equal((0.55, "t-001", 1), (progress.BestMAP!.Value, progress.BestTrial, progress.RunningTrials.Count));
    }
}
