using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runtime;
using Detector.Operator.TrainingRuns;

namespace Detector.Operator.Tests.TrainingRuns;

public class TrainingRunStatusMapperTests
{
    private const string Job = "aquarium-ssd-25cbafa7";

    private static DescribeTrainingJobResponse Describe(string status, string secondary, Func<DescribeTrainingJobResponse, DescribeTrainingJobResponse>? edit = null)
    {
        var job = new DescribeTrainingJobResponse
        {
            TrainingJobName = Job, TrainingJobArn = "arn:aws:sagemaker:us-east-1:123456789012:training-job/" + Job,
            TrainingJobStatus = status, SecondaryStatus = secondary, CreationTime = RunSamples.Now, StoppingCondition = new(),
            ModelArtifacts = new ModelArtifacts { S3ModelArtifacts = $"s3://models/vision/{Job}/output/model.tar.gz" },
        };
        return edit is null ? job : edit(job);
    }

    private static TrainingRunStatus Map(TrainingRunObservation observed) => TrainingRunStatusMapper.Map(RunSamples.TrainingRun(), observed, RunSamples.Now);

    [Theory]
    [InlineData("InProgress", "Starting", "Starting", "JobStarting", "False", true, false)]
    [InlineData("InProgress", "Pending", "Starting", "JobStarting", "False", true, false)]
    [InlineData("InProgress", "Downloading", "Starting", "JobStarting", "False", true, false)]
    [InlineData("InProgress", "Training", "Training", "JobInProgress", "False", true, false)]
    [InlineData("InProgress", "Interrupted", "Training", "JobInProgress", "False", true, false)]
    [InlineData("InProgress", "Uploading", "Training", "JobInProgress", "False", true, false)]
    [InlineData("Completed", "Completed", "Completed", "JobCompleted", "True", false, false)]
    [InlineData("Failed", "Failed", "Failed", "JobFailed", "False", false, true)]
    [InlineData("Stopping", "Stopping", "Stopped", "JobStopping", "False", true, false)]
    [InlineData("Stopped", "MaxRuntimeExceeded", "Stopped", "JobStopped", "False", false, true)]
    [InlineData("Deleting", "Stopped", "Training", "UnknownJobStatus", "False", true, false)]
    public void Map_JobStatus_SetsPhaseAndConditions(string status, string secondary, string phase, string reason, string ready, bool reconciling, bool stalled)
    {
        var mapped = Map(new TrainingRunObservation(Job, RunSamples.Region, Job: Describe(status, secondary)));

        Assert.Equal(phase, mapped.Phase);
        var readyCondition = Conditions.Get(mapped.Conditions, Conditions.Ready)!;
        Assert.Equal((ready, reason, 1L), (readyCondition.Status, readyCondition.Reason, readyCondition.ObservedGeneration));
        Assert.Equal(reconciling, Conditions.IsTrue(mapped.Conditions, Conditions.Reconciling));
        Assert.Equal(stalled, Conditions.IsTrue(mapped.Conditions, Conditions.Stalled));
        Assert.Equal(phase is "Completed" or "Failed" || (phase == "Stopped" && !reconciling), TrainingRunStatusMapper.IsSettled(mapped));
        Assert.Equal(1, mapped.ObservedGeneration);
    }

    [Theory]
    [InlineData("InvalidSpec", "Failed")]
    [InlineData("OperatorMisconfigured", "Pending")]
    [InlineData("SageMakerRejected", "Failed")]
    [InlineData("WaitingForReference", "Waiting")]
    [InlineData("JobPending", "Pending")]
    public void Map_NoJob_PhaseFollowsWhatStoppedIt(string reason, string phase)
    {
        var observed = reason switch
        {
            "InvalidSpec" => new TrainingRunObservation(Job, RunSamples.Region, InvalidSpec: "spec.x: bad"),
            "OperatorMisconfigured" => new TrainingRunObservation(Job, RunSamples.Region, Misconfigured: "no region"),
            "SageMakerRejected" => new TrainingRunObservation(Job, RunSamples.Region, Rejected: "SageMaker refused"),
            "WaitingForReference" => new TrainingRunObservation(Job, RunSamples.Region, WaitingFor: "Dataset aquarium is not Ready yet"),
            _ => new TrainingRunObservation(Job, RunSamples.Region),
        };
        var mapped = Map(observed);
        Assert.Equal((phase, reason), (mapped.Phase, Conditions.Get(mapped.Conditions, Conditions.Ready)!.Reason));
        Assert.Null(mapped.LogsUrl);
    }

    [Fact]
    public void Map_CompletedSpotJob_ReportsMetricsSavingsTimesAndArtifact()
    {
        var job = Describe("Completed", "Completed", j => j with
        {
            EnableManagedSpotTraining = true, TrainingTimeInSeconds = 1000, BillableTimeInSeconds = 300,
            TrainingStartTime = RunSamples.Now.AddMinutes(3), TrainingEndTime = RunSamples.Now.AddMinutes(20),
            FinalMetricDataList = [new() { MetricName = "validation:mAP", Value = 0.71 }, new() { MetricName = "train:progress", Value = 100 }],
            SecondaryStatusTransitions = [new() { Status = "Completed", StartTime = RunSamples.Now, StatusMessage = "Training job completed" }],
        });
        var mapped = Map(new TrainingRunObservation(Job, RunSamples.Region, Job: job));

        Assert.Equal(0.71, mapped.MAP);
        Assert.Equal(70.0, mapped.SpotSavingsPercent);
        Assert.Equal(["train:progress", "validation:mAP"], mapped.FinalMetrics.Select(m => m.Name));
        Assert.Equal(job.ModelArtifacts.S3ModelArtifacts, mapped.ModelArtifactUri);
        Assert.Equal(RunSamples.Now.AddMinutes(20).UtcDateTime, mapped.EndTime);
        Assert.Equal("Training job completed", mapped.StatusMessage);
        Assert.Contains("validation:mAP 0.71", Conditions.Get(mapped.Conditions, Conditions.Ready)!.Message);
    }

    [Fact]
    public void Map_RunningJob_HasNoArtifactYet() =>
        Assert.Null(Map(new TrainingRunObservation(Job, RunSamples.Region, Job: Describe("InProgress", "Training"))).ModelArtifactUri);

    [Theory]
    [InlineData("us-east-1", "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fsagemaker$252FTrainingJobs$3FlogStreamNameFilter$3Dmy-job")]
    [InlineData("cn-north-1", "https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#logsV2:log-groups/log-group/$252Faws$252Fsagemaker$252FTrainingJobs$3FlogStreamNameFilter$3Dmy-job")]
    public void LogsUrl_Region_LinksTheJobsLogStreams(string region, string url) => Assert.Equal(url, TrainingRunStatusMapper.LogsUrl(region, "my-job"));

    [Fact]
    public void Map_SameObservationTwice_KeepsTransitionTimes()
    {
        var run = RunSamples.TrainingRun();
        var observed = new TrainingRunObservation(Job, RunSamples.Region, Job: Describe("InProgress", "Training"));
        run.Status = TrainingRunStatusMapper.Map(run, observed, RunSamples.Now);
        var again = TrainingRunStatusMapper.Map(run, observed, RunSamples.Now.AddHours(1));
        Assert.False(StatusWriter.HasChanged(run.Status, again));
    }
}
