using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using Detector.Operator.Tests.Fakes.CloudWatch;
using Detector.Operator.Tests.TrainingRuns;
using Detector.Operator.TrainingRuns;
using Detector.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>Live training progress: a running TrainingRun's status (and its Epoch / Live mAP columns) follows SageMaker Metrics, at a bounded rate.</summary>
public sealed class LiveProgressTests : LiveMetricsTest
{
    [SkippableFact]
    public async Task RunningJob_StatusShowsARisingMap_AtMostOneReadPerInterval_AndKeepsItAfterTheJobEnds()
    {
        var h = new TrainingRunHarness();
        var reconciler = new TrainingRunReconciler(h.Kube.Store<TrainingRun>(), h.Kube.Store<Dataset>(), h.SageMaker, h.Events, h.Metrics,
            new SageMakerRunSettings { Region = RunSamples.Region, PollInterval = TrainingRunHarness.PollInterval, LiveMetrics = Metrics },
            h.Clock, NullLogger<TrainingRunReconciler>.Instance);
        Task Reconcile() => reconciler.ReconcileAsync(TrainingRunHarness.Key, CancellationToken.None);
        await Reconcile();                                             // creates the job
        var arn = h.SageMaker.TrainingJobs.Values.Single().TrainingJobArn;
        Fake.Training.Add(arn, "validation:mAP", 0, RunSamples.Now, 0.21);

        await Reconcile();
        Assert.Equal((0L, 0.21), (h.Status.Progress!.Epoch!.Value, h.Status.Progress.MAP!.Value));

        Fake.Training.Add(arn, "validation:mAP", 1, RunSamples.Now.AddMinutes(1), 0.34);
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        await Reconcile();                                             // not due: no call, figures unchanged
        Assert.Equal(0.21, h.Status.Progress!.MAP);
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        await Reconcile();
        Assert.Equal((1L, 0.34, 0.34), (h.Status.Progress!.Epoch!.Value, h.Status.Progress.MAP!.Value, h.Status.Progress.BestMAP!.Value));
        Assert.Equal(2, Fake.Requests.Count(r => r.Operation == "BatchGetMetrics"));

        h.SageMaker.Complete(h.Status.TrainingJobName!, 0.36);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await Reconcile();
        Assert.Equal((0.36, 0.34), (h.Status.MAP!.Value, h.Status.Progress!.MAP!.Value));   // the final value as today; progress kept
        Assert.Equal(2, Fake.Requests.Count(r => r.Operation == "BatchGetMetrics"));
        Assert.Empty(Fake.ValidationFailures);
    }

    [SkippableFact]
    public void TheCrd_ShowsEpochAndLiveMapColumns()
    {
        var crd = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "crds", "trainingruns.detector.dev.yaml"));
        Assert.Contains("jsonPath: .status.progress.mAP", crd);
        Assert.Contains("jsonPath: .status.progress.epoch", crd);
    }

    [Fact]
    public void IsDue_OnlyForARunningJob_OncePerInterval()
    {
        var now = RunSamples.Now;
        var running = new TrainingRunStatus { TrainingJobStatus = TrainingJobStatus.InProgress, TrainingJobArn = "arn:aws:sagemaker:us-east-1:123456789012:training-job/j" };
        Assert.True(LiveProgress.IsDue(running, now, TimeSpan.FromMinutes(1)));
        Assert.False(LiveProgress.IsDue(running with { Progress = new() { UpdatedAt = now.AddSeconds(-59).UtcDateTime } }, now, TimeSpan.FromMinutes(1)));
        Assert.True(LiveProgress.IsDue(running with { Progress = new() { UpdatedAt = now.AddSeconds(-60).UtcDateTime } }, now, TimeSpan.FromMinutes(1)));
        Assert.False(LiveProgress.IsDue(running with { TrainingJobStatus = TrainingJobStatus.Completed }, now, TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(false, 3, 0.5, 0.5, true)]    // first figures
    [InlineData(true, 3, 0.5, 0.5, false)]    // the same figures, read again a minute later: nothing to write
    [InlineData(true, 4, 0.5, 0.5, true)]     // a new epoch
    [InlineData(true, 3, 0.55, 0.55, true)]   // a new mAP
    public void Changed_OnlyWhenTheFiguresMove_NotTheirReadTime(bool stored, long epoch, double map, double best, bool changed)
    {
        var old = new TrainingProgress { Epoch = 3, MAP = 0.5, BestMAP = 0.5, UpdatedAt = RunSamples.Now.AddMinutes(-1).UtcDateTime };
        var read = new TrainingProgress { Epoch = epoch, MAP = map, BestMAP = best, UpdatedAt = RunSamples.Now.UtcDateTime };

        Assert.Equal(changed, LiveProgress.Changed(stored ? old : null, read));
        Assert.False(LiveProgress.Changed(old, null));   // a read with no point yet keeps what there is
    }

    [Fact]
    public async Task AFailedRead_KeepsThePreviousFigures()
    {
        var previous = new TrainingProgress { Epoch = 3, MAP = 0.5, UpdatedAt = RunSamples.Now.AddMinutes(-5).UtcDateTime };
        var running = new TrainingRunStatus { TrainingJobStatus = TrainingJobStatus.InProgress, TrainingJobArn = "arn:aws:sagemaker:us-east-1:123456789012:training-job/j" };

        var status = await LiveProgress.UpdateAsync(running, previous, new FailingMetrics(), RunSamples.Now, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(previous, status.Progress);
    }

    private sealed class FailingMetrics : ISageMakerMetrics
    {
        public Task<BatchGetMetricsResponse> BatchGetMetricsAsync(BatchGetMetricsRequest request, CancellationToken ct = default) =>
            throw new SageMakerException("ThrottlingException", "Rate exceeded", 400, null, SageMakerErrorKind.Throttling);
    }
}
