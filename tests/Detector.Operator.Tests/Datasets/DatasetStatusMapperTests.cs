using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.Runtime;
using Detector.Preprocessing.Outputs;
using k8s.Models;

namespace Detector.Operator.Tests.Datasets;

public sealed class DatasetStatusMapperTests
{
    private const string Prefix = "s3://prepared/datasets/aquarium-0123456789/";

    public static TheoryData<string, DatasetObservation, string, string, string, string, string> Cases => new()
    {
        { "invalid spec", DatasetObservation.Invalid("spec.output.s3.uri: must start with s3://"),
            DatasetPhases.Failed, DatasetPhases.InvalidSpecReason, "False", "False", "True" },
        { "no job yet", Observed(job: null),
            DatasetPhases.Pending, DatasetPhases.JobPendingReason, "False", "True", "False" },
        { "job running", Observed(new JobObservation("aquarium-prep-0123456789", JobStage.Prepare, JobState.Active)),
            DatasetPhases.Preparing, DatasetPhases.JobRunningReason, "False", "True", "False" },
        { "shards running", Observed(new JobObservation("j", JobStage.Shards, JobState.Active, SucceededPods: 1, Completions: 4)),
            DatasetPhases.Preparing, DatasetPhases.JobRunningReason, "False", "True", "False" },
        { "shards done", Observed(new JobObservation("j", JobStage.Shards, JobState.Succeeded)),
            DatasetPhases.Preparing, DatasetPhases.MergingReason, "False", "True", "False" },
        { "merge running", Observed(new JobObservation("m", JobStage.Merge, JobState.Active)),
            DatasetPhases.Preparing, DatasetPhases.MergingReason, "False", "True", "False" },
        { "job failed", Observed(new JobObservation("j", JobStage.Prepare, JobState.Failed, "BackoffLimitExceeded", "Job has reached the specified backoff limit")),
            DatasetPhases.Failed, DatasetPhases.JobFailedReason, "False", "False", "True" },
        { "succeeded without manifest", Observed(new JobObservation("j", JobStage.Prepare, JobState.Succeeded)),
            DatasetPhases.Failed, DatasetPhases.ManifestMissingReason, "False", "False", "True" },
        { "merge succeeded without manifest", Observed(new JobObservation("m", JobStage.Merge, JobState.Succeeded)),
            DatasetPhases.Failed, DatasetPhases.ManifestMissingReason, "False", "False", "True" },
        { "succeeded with manifest", Observed(new JobObservation("j", JobStage.Prepare, JobState.Succeeded), Manifest()),
            DatasetPhases.Ready, DatasetPhases.PreparedReason, "True", "False", "False" },
        { "manifest without job", Observed(job: null, Manifest()),
            DatasetPhases.Ready, DatasetPhases.PreparedReason, "True", "False", "False" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_Observation_SetsPhaseAndConditions(string situation, DatasetObservation observed, string phase, string reason,
        string ready, string reconciling, string stalled)
    {
        var status = DatasetStatusMapper.Map(DatasetSamples.Dataset(), observed, DatasetSamples.Now);
        Assert.True(phase == status.Phase, $"{situation}: phase {status.Phase}");
        Assert.Equal((ready, reason), Condition(status, Conditions.Ready));
        Assert.Equal((reconciling, reason), Condition(status, Conditions.Reconciling));
        Assert.Equal((stalled, reason), Condition(status, Conditions.Stalled));
        Assert.All(status.Conditions, c => Assert.Equal(1, c.ObservedGeneration));
        Assert.Equal(1, status.ObservedGeneration);
    }

    [Fact]
    public void Map_Manifest_FillsCountsOutputsAndHashes()
    {
        var status = DatasetStatusMapper.Map(DatasetSamples.Dataset(), Observed(null, Manifest()), DatasetSamples.Now);
        var counts = status.Counts!;
        Assert.Equal((190L, 150L, 40L, 900L, 3L), (counts.Images, counts.TrainImages, counts.ValidationImages, counts.Boxes, counts.Skipped));
        Assert.Equal(new Dictionary<string, long> { ["fish"] = 700, ["penguin"] = 200 }, counts.BoxesPerClass);
        Assert.Equal(["fish", "penguin"], status.ClassNames);
        Assert.Equal(("abc123", 12), (status.ContentHash, status.LabelWidth));
        Assert.Equal(Prefix + "train.rec", status.Outputs!.TrainRec);
        Assert.Equal(Prefix + "validation.idx", status.Outputs.ValidationIdx);
        Assert.Equal(Prefix + "manifest.json", status.Outputs.Manifest);
        Assert.Equal(Prefix, status.Outputs.Prefix);
        Assert.Null(status.FailureReason);
    }

    [Fact]
    public void Map_FailedJobWithPodMessage_PutsTheToolsErrorInFailureReason()
    {
        var job = new JobObservation("aquarium-prep-0123456789", JobStage.Prepare, JobState.Failed, "BackoffLimitExceeded",
            "Job has reached the specified backoff limit", "labels/train/img_12.txt:3: class id 9 is out of range (7 classes)");
        var status = DatasetStatusMapper.Map(DatasetSamples.Dataset(), Observed(job), DatasetSamples.Now);
        Assert.Contains("labels/train/img_12.txt:3: class id 9 is out of range", status.FailureReason);
        Assert.Contains("BackoffLimitExceeded", status.FailureReason);
        Assert.Equal(status.FailureReason, Conditions.Get(status.Conditions, Conditions.Ready)!.Message);
    }

    [Fact]
    public void Map_SucceededWithoutManifest_NamesTheMissingFile()
    {
        var status = DatasetStatusMapper.Map(DatasetSamples.Dataset(), Observed(new JobObservation("j", JobStage.Prepare, JobState.Succeeded)), DatasetSamples.Now);
        Assert.Contains(Prefix + "manifest.json", status.FailureReason);
    }

    [Fact]
    public void Map_InvalidSpec_NamesTheFieldAndHasNoOutputs()
    {
        var status = DatasetStatusMapper.Map(DatasetSamples.Dataset(), DatasetObservation.Invalid("spec.parallelism: must be at least 1"), DatasetSamples.Now);
        Assert.Equal("spec.parallelism: must be at least 1", status.FailureReason);
        Assert.Null(status.Outputs);
        Assert.Null(status.JobName);
    }

    [Fact]
    public void Map_SameStateAgain_KeepsTransitionTimes()
    {
        var dataset = DatasetSamples.Dataset();
        var observed = Observed(new JobObservation("j", JobStage.Prepare, JobState.Active));
        dataset.Status = DatasetStatusMapper.Map(dataset, observed, DatasetSamples.Now);
        var again = DatasetStatusMapper.Map(dataset, observed, DatasetSamples.Now.AddMinutes(5));
        Assert.Equal(dataset.Status.Conditions.Select(c => c.LastTransitionTime), again.Conditions.Select(c => c.LastTransitionTime));
    }

    [Fact]
    public void Map_RunningToReady_MovesReadyTransitionTime()
    {
        var dataset = DatasetSamples.Dataset();
        dataset.Status = DatasetStatusMapper.Map(dataset, Observed(new JobObservation("j", JobStage.Prepare, JobState.Active)), DatasetSamples.Now);
        var later = DatasetSamples.Now.AddMinutes(5);
        var ready = DatasetStatusMapper.Map(dataset, Observed(new JobObservation("j", JobStage.Prepare, JobState.Succeeded), Manifest()), later);
        Assert.Equal(later.UtcDateTime, Conditions.Get(ready.Conditions, Conditions.Ready)!.LastTransitionTime);
    }

    [Theory]
    [InlineData("Complete", JobState.Succeeded)]
    [InlineData("Failed", JobState.Failed)]
    [InlineData(null, JobState.Active)]
    public void JobObservationFrom_JobCondition_GivesState(string? condition, JobState expected)
    {
        var job = new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "j" },
            Status = new V1JobStatus
            {
                Conditions = condition is null ? null : [new V1JobCondition { Type = condition, Status = "True", Reason = "R", Message = "M" }],
            },
        };
        Assert.Equal(expected, JobObservation.From(job, JobStage.Prepare).State);
    }

    [Fact]
    public void TerminationMessage_FailedPods_PicksTheNewestNonEmptyMessage()
    {
        static V1Pod Pod(string? message, int exitCode, DateTime finished) => new()
        {
            Status = new V1PodStatus
            {
                ContainerStatuses =
                [
                    new V1ContainerStatus
                    {
                        Name = "prepare",
                        State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = exitCode, Message = message, FinishedAt = finished } },
                    },
                ],
            },
        };
        var t = DatasetSamples.Now.UtcDateTime;
        var message = JobObservation.TerminationMessage([Pod("old error", 1, t), Pod("new error\n", 1, t.AddMinutes(1)), Pod(null, 1, t.AddMinutes(2)), Pod("fine", 0, t.AddMinutes(3))]);
        Assert.Equal("new error", message);
    }

    private static (string?, string?) Condition(DatasetStatus status, string type) =>
        Conditions.Get(status.Conditions, type) is { } c ? (c.Status, c.Reason) : (null, null);

    private static DatasetObservation Observed(JobObservation? job, DatasetManifest? manifest = null) =>
        new("0123456789", Prefix, Job: job, Manifest: manifest);

    /// <summary>A manifest as <c>detector prepare</c> writes it.</summary>
    public static DatasetManifest Manifest() => new()
    {
        Classes = ["fish", "penguin"],
        Splits = new Dictionary<string, SplitManifest>
        {
            ["train"] = new() { Images = 150, Boxes = 700, BoxesPerClass = new Dictionary<string, long> { ["fish"] = 550, ["penguin"] = 150 }, Rec = "train.rec", Idx = "train.idx", Lst = "train.lst" },
            ["validation"] = new() { Images = 40, Boxes = 200, BoxesPerClass = new Dictionary<string, long> { ["fish"] = 150, ["penguin"] = 50 }, Rec = "validation.rec", Idx = "validation.idx", Lst = "validation.lst" },
        },
        LabelWidth = 12,
        Skipped = new Dictionary<string, long> { ["ZeroSizeBox"] = 2, ["TruncatedJpeg"] = 1 },
        ContentHash = "abc123",
    };
}
