using System.Text.Json.Serialization;
using k8s.Models;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>An Amazon SageMaker training job with the built-in Object Detection (SSD) algorithm on a Ready Dataset.</summary>
[ResourceNames(Plural, "trun")]
[PrinterColumn("Phase", "string", ".status.phase", Order = 1, Description = "Pending, Waiting, Starting, Training, Completed, Failed or Stopped.")]
[PrinterColumn("Dataset", "string", ".spec.datasetRef", Order = 2, Description = "The Dataset trained on.")]
[PrinterColumn("mAP", "number", ".status.mAP", Order = 3, Description = "Final validation mAP.")]
[PrinterColumn("Epoch", "integer", ".status.progress.epoch", Order = 4, Description = "Latest epoch with a validation:mAP while the job runs.")]
[PrinterColumn("Live mAP", "number", ".status.progress.mAP", Order = 5, Description = "Latest validation:mAP while the job runs (SageMaker Metrics).")]
[PrinterColumn("Status", "string", ".status.secondaryStatus", Order = 6, Priority = 1, Description = "SageMaker's secondary status.")]
[PrinterColumn("Job", "string", ".status.trainingJobName", Order = 7, Priority = 1, Description = "SageMaker training job name.")]
[KubernetesEntity(Group = ApiGroup.Name, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
public sealed class TrainingRun : CustomResource<TrainingRunSpec, TrainingRunStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "TrainingRun";

    /// <summary>The plural resource name.</summary>
    public const string Plural = "trainingruns";

    /// <summary>Creates an empty TrainingRun with apiVersion and kind set.</summary>
    public TrainingRun() => Kind = KindName;
}

/// <summary>Desired state of a TrainingRun. Any change starts a new training job.</summary>
public sealed record TrainingRunSpec : ITrainingJobSpec
{
    /// <summary>Name of a Dataset in the same namespace; training waits until it is Ready.</summary>
    [Required, Length(1, Patterns.ObjectNameMaxLength), Pattern(Patterns.ObjectName)]
    [JsonPropertyName("datasetRef")] public string DatasetRef { get; init; } = "";

    /// <summary>IAM role SageMaker assumes; the namespace policy must allow it.</summary>
    [Required, Length(20, 2048), Pattern(Patterns.RoleArn)]
    [JsonPropertyName("roleArn")] public string RoleArn { get; init; } = "";

    /// <summary>Where the model artifact goes.</summary>
    [Required] [JsonPropertyName("output")] public ArtifactOutput Output { get; init; } = new();

    /// <summary>The SSD network: backbone, pretrained weights, input size.</summary>
    [JsonPropertyName("algorithm")] public ObjectDetectionAlgorithm Algorithm { get; init; } = new();

    /// <summary>Typed, range-checked Object Detection hyperparameters.</summary>
    [JsonPropertyName("hyperparameters")] public ObjectDetectionHyperparameters Hyperparameters { get; init; } = new();

    /// <summary>Instances, volume and warm pool.</summary>
    [JsonPropertyName("resources")] public TrainingResources Resources { get; init; } = new();

    /// <summary>When SageMaker stops the job.</summary>
    [JsonPropertyName("stoppingCondition")] public StoppingCondition StoppingCondition { get; init; } = new();

    /// <summary>Managed spot training and checkpoints.</summary>
    [JsonPropertyName("spot")] public SpotTraining? Spot { get; init; }

    /// <summary>VPC the training containers join; none when unset.</summary>
    [JsonPropertyName("vpcConfig")] public VpcConfig? VpcConfig { get; init; }

    /// <summary>Cut the training container off the network (EnableNetworkIsolation).</summary>
    [JsonPropertyName("networkIsolation")] public bool NetworkIsolation { get; init; }

    /// <summary>Encrypt traffic between training instances (EnableInterContainerTrafficEncryption).</summary>
    [JsonPropertyName("interContainerTrafficEncryption")] public bool InterContainerTrafficEncryption { get; init; }

    /// <summary>Tags on the SageMaker job (at most 50; keys 1-128, values up to 256 characters), besides the operator's own.</summary>
    [MaxProperties(Patterns.MaxTags), Length(0, 256)]
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Times SageMaker restarts the job after an internal server error (RetryStrategy, 1-30); none when unset.</summary>
    [Minimum(1), Maximum(30)] [JsonPropertyName("maxRetryAttempts")] public int? MaxRetryAttempts { get; init; }

    /// <summary>Stop (default) stops a running job when the TrainingRun is deleted; Retain lets it finish.</summary>
    [Enum(JobDeletionPolicy.Stop, JobDeletionPolicy.Retain)]
    [JsonPropertyName("deletionPolicy")] public string DeletionPolicy { get; init; } = JobDeletionPolicy.Stop;
}

/// <summary>Observed state of a TrainingRun.</summary>
public sealed record TrainingRunStatus
{
    /// <summary>Pending, Waiting, Starting, Training, Completed, Failed or Stopped.</summary>
    [Enum(TrainingRunPhase.Pending, TrainingRunPhase.Waiting, TrainingRunPhase.Starting, TrainingRunPhase.Training,
        TrainingRunPhase.Completed, TrainingRunPhase.Failed, TrainingRunPhase.Stopped)]
    [JsonPropertyName("phase")] public string? Phase { get; init; }

    /// <summary>The generation this status describes.</summary>
    [JsonPropertyName("observedGeneration")] public long? ObservedGeneration { get; init; }

    /// <summary>kstatus conditions: Ready (the declared state is reached), Reconciling (work in flight) and Stalled (needs a person); exactly one is True. See docs/gitops.md.</summary>
    [JsonPropertyName("conditions")] public IReadOnlyList<V1Condition> Conditions { get; init; } = [];

    /// <summary>SageMaker training job name for the current spec.</summary>
    [JsonPropertyName("trainingJobName")] public string? TrainingJobName { get; init; }

    /// <summary>SageMaker training job ARN.</summary>
    [JsonPropertyName("trainingJobArn")] public string? TrainingJobArn { get; init; }

    /// <summary>SageMaker's TrainingJobStatus: InProgress, Completed, Failed, Stopping or Stopped.</summary>
    [JsonPropertyName("trainingJobStatus")] public string? TrainingJobStatus { get; init; }

    /// <summary>SageMaker's SecondaryStatus, e.g. Downloading, Training, Uploading, Interrupted.</summary>
    [JsonPropertyName("secondaryStatus")] public string? SecondaryStatus { get; init; }

    /// <summary>SageMaker's message for the latest secondary status, e.g. "Training image download completed".</summary>
    [JsonPropertyName("statusMessage")] public string? StatusMessage { get; init; }

    /// <summary>Final validation mAP (validation:mAP).</summary>
    [JsonPropertyName("mAP")] public double? MAP { get; init; }

    /// <summary>Live progress of a running job (latest epoch and validation:mAP from SageMaker Metrics); kept after the job ends.</summary>
    [JsonPropertyName("progress")] public TrainingProgress? Progress { get; init; }

    /// <summary>Every final metric SageMaker reported (validation:mAP, train:cross_entropy, ...), sorted by name.</summary>
    [JsonPropertyName("finalMetrics")] public IReadOnlyList<MetricValue> FinalMetrics { get; init; } = [];

    /// <summary>S3 URI of model.tar.gz.</summary>
    [JsonPropertyName("modelArtifactUri")] public string? ModelArtifactUri { get; init; }

    /// <summary>Content hash of the Dataset the job trained on.</summary>
    [JsonPropertyName("datasetContentHash")] public string? DatasetContentHash { get; init; }

    /// <summary>Seconds the instances trained.</summary>
    [JsonPropertyName("trainingTimeSeconds")] public long? TrainingTimeSeconds { get; init; }

    /// <summary>Seconds billed (less than trainingTimeSeconds with spot).</summary>
    [JsonPropertyName("billableTimeSeconds")] public long? BillableTimeSeconds { get; init; }

    /// <summary>With spot: percent of the training time not billed, 100 × (1 − billable / training), rounded to one decimal.</summary>
    [JsonPropertyName("spotSavingsPercent")] public double? SpotSavingsPercent { get; init; }

    /// <summary>CloudWatch console link to the job's logs.</summary>
    [JsonPropertyName("logsUrl")] public string? LogsUrl { get; init; }

    /// <summary>When training started.</summary>
    [JsonPropertyName("startTime")] public DateTime? StartTime { get; init; }

    /// <summary>When training ended.</summary>
    [JsonPropertyName("endTime")] public DateTime? EndTime { get; init; }

    /// <summary>Human-readable summary of the last failure, if any.</summary>
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }

    /// <summary>Earlier jobs of this TrainingRun (previous specs), newest first.</summary>
    [JsonPropertyName("history")] public IReadOnlyList<JobHistoryEntry> History { get; init; } = [];
}

/// <summary>The phases of a TrainingRun.</summary>
public static class TrainingRunPhase
{
    /// <summary>Accepted; nothing started yet.</summary>
    public const string Pending = "Pending";

    /// <summary>The Dataset is not Ready yet.</summary>
    public const string Waiting = "Waiting";

    /// <summary>The job is created and getting instances or data.</summary>
    public const string Starting = "Starting";

    /// <summary>The job is training.</summary>
    public const string Training = "Training";

    /// <summary>The job completed; the artifact and metrics are in status.</summary>
    public const string Completed = "Completed";

    /// <summary>The spec is invalid or the job failed; see the Ready condition.</summary>
    public const string Failed = "Failed";

    /// <summary>The job was stopped.</summary>
    public const string Stopped = "Stopped";
}
