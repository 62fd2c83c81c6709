using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes.CloudWatch;
using Detector.Operator.Tests.Monitoring;
using Detector.Operator.TrainingRuns;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>A long training job: its Describe backs off, its live metrics keep their one-per-minute cadence.</summary>
public sealed class LiveCadenceTests : LiveMetricsTest
{
    [SkippableFact]
    public async Task LongRunningJob_DescribedEveryTenMinutes_LiveMetricsReadEveryMinute()
    {
        var h = new TrainingRunHarness();
        var reconciler = new TrainingRunReconciler(h.Kube.Store<TrainingRun>(), h.Kube.Store<Dataset>(), h.SageMaker, h.Events, h.Metrics,
            new SageMakerRunSettings { Region = RunSamples.Region, PollInterval = TrainingRunHarness.PollInterval, LiveMetrics = Metrics },
            h.Clock, NullLogger<TrainingRunReconciler>.Instance);
        Task<ReconcileResult> Reconcile() => reconciler.ReconcileAsync(TrainingRunHarness.Key, CancellationToken.None);
        await Reconcile();                                             // creates the job
        var arn = h.SageMaker.TrainingJobs.Values.Single().TrainingJobArn;
        h.Clock.Advance(TimeSpan.FromHours(2));                        // two hours in: a Describe every 10 intervals
        Fake.Training.Add(arn, "validation:mAP", 0, h.Clock.GetUtcNow(), 0.20);
        var next = await Reconcile();
        var describes = h.SageMaker.Count("DescribeTrainingJob");

        for (var minute = 1; minute <= 10; minute++)
        {
            Assert.Equal(TimeSpan.FromMinutes(1), next.RequeueAfter);
            h.Clock.Advance(next.RequeueAfter!.Value);
            Fake.Training.Add(arn, "validation:mAP", minute, h.Clock.GetUtcNow(), 0.20 + minute / 100.0);
            next = await Reconcile();
            Assert.Equal(minute, h.Status.Progress!.Epoch);            // the Live mAP / Epoch columns move every minute
        }

        Assert.Equal(1, h.SageMaker.Count("DescribeTrainingJob") - describes);   // only at the tenth minute
        Assert.Equal(11, Fake.Requests.Count(r => r.Operation == "BatchGetMetrics"));
        Assert.Equal(TrainingRunPhase.Starting, h.Status.Phase);
    }
}
