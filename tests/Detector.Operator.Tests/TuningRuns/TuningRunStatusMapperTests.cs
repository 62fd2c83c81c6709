using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.TrainingRuns;
using Detector.Operator.TuningRuns;

namespace Detector.Operator.Tests.TuningRuns;

public class TuningRunStatusMapperTests
{
    private const string Job = "aquarium-hpo-077b5324";

    private static DescribeHyperParameterTuningJobResponse Describe(string status) => new()
    {
        HyperParameterTuningJobName = Job, HyperParameterTuningJobArn = "arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/" + Job,
        HyperParameterTuningJobConfig = new HyperParameterTuningJobConfig { Strategy = "Bayesian", ResourceLimits = new ResourceLimits { MaxParallelTrainingJobs = 2 } },
        HyperParameterTuningJobStatus = status, CreationTime = RunSamples.Now, FailureReason = status == "Failed" ? "No training job succeeded" : null,
        TrainingJobStatusCounters = new TrainingJobStatusCounters { Completed = 3, InProgress = 1, RetryableError = 1, NonRetryableError = 1, Stopped = 2 },
        ObjectiveStatusCounters = new ObjectiveStatusCounters { Succeeded = 3 },
    };

    [Theory]
    [InlineData("InProgress", "Tuning", "JobInProgress", "False", true, false)]
    [InlineData("Completed", "Completed", "JobCompleted", "True", false, false)]
    [InlineData("Failed", "Failed", "JobFailed", "False", false, true)]
    [InlineData("Stopping", "Stopped", "JobStopping", "False", true, false)]
    [InlineData("Stopped", "Stopped", "JobStopped", "False", false, true)]
    public void Map_TuningJobStatus_SetsPhaseAndConditions(string status, string phase, string reason, string ready, bool reconciling, bool stalled)
    {
        var mapped = TuningRunStatusMapper.Map(RunSamples.TuningRun(), new TuningRunObservation(Job, Job: Describe(status)), RunSamples.Now);

        var condition = Conditions.Get(mapped.Conditions, Conditions.Ready)!;
        Assert.Equal((phase, reason, ready), (mapped.Phase, condition.Reason, condition.Status));
        Assert.Equal(reconciling, Conditions.IsTrue(mapped.Conditions, Conditions.Reconciling));
        Assert.Equal(stalled, Conditions.IsTrue(mapped.Conditions, Conditions.Stalled));
        Assert.Equal(!reconciling, TuningRunStatusMapper.IsSettled(mapped));
    }

    [Fact]
    public void Map_Counters_AddBothErrorKindsToFailed()
    {
        var counters = TuningRunStatusMapper.Map(RunSamples.TuningRun(), new TuningRunObservation(Job, Job: Describe("InProgress")), RunSamples.Now).Counters!;
        Assert.Equal(new TuningCounters { Completed = 3, InProgress = 1, Failed = 2, Stopped = 2, ObjectiveSucceeded = 3 }, counters);
    }

    [Fact]
    public void Map_CompletedWithoutTheBestArtifactYet_StaysTuningForOneMoreLook()
    {
        var job = Describe("Completed") with
        {
            BestTrainingJob = new HyperParameterTrainingJobSummary
            {
                TrainingJobName = Job + "-002-abcdef01", TrainingJobArn = "arn", CreationTime = RunSamples.Now,
                TrainingJobStatus = TrainingJobStatus.Completed, TunedHyperParameters = [],
            },
        };
        var mapped = TuningRunStatusMapper.Map(RunSamples.TuningRun(), new TuningRunObservation(Job, Job: job), RunSamples.Now);
        Assert.Equal(TuningRunPhase.Tuning, mapped.Phase);
        Assert.False(TuningRunStatusMapper.IsSettled(mapped));
    }

    [Fact]
    public void Trials_Listed_AreSortedByMapWithJobsWithoutAMetricLast()
    {
        HyperParameterTrainingJobSummary Trial(string name, double? map) => new()
        {
            TrainingJobName = name, TrainingJobArn = "arn", CreationTime = RunSamples.Now, TrainingJobStatus = "Completed", TunedHyperParameters = [],
            FinalHyperParameterTuningJobObjectiveMetric = map is { } v ? new() { MetricName = "validation:mAP", Value = v } : null,
        };
        var trials = TuningRunStatusMapper.Trials([Trial("a", null), Trial("b", 0.2), Trial("c", 0.7), Trial("d", 0.5), Trial("e", 0.1), Trial("f", 0.3)]);
        Assert.Equal(["c", "d", "f", "b", "e"], trials.Select(t => t.Name));
    }
}
