using System.Text.Json.Serialization;
using k8s.Models;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>Observed state of a TuningRun.</summary>
public sealed record TuningRunStatus
{
    /// <summary>Pending, Waiting, Tuning, Completed, Failed or Stopped.</summary>
    [Enum(TuningRunPhase.Pending, TuningRunPhase.Waiting, TuningRunPhase.Tuning, TuningRunPhase.Completed,
        TuningRunPhase.Failed, TuningRunPhase.Stopped)]
    [JsonPropertyName("phase")] public string? Phase { get; init; }

    /// <summary>The generation this status describes.</summary>
    [JsonPropertyName("observedGeneration")] public long? ObservedGeneration { get; init; }

    /// <summary>kstatus conditions: Ready (the declared state is reached), Reconciling (work in flight) and Stalled (needs a person); exactly one is True. See docs/gitops.md.</summary>
    [JsonPropertyName("conditions")] public IReadOnlyList<V1Condition> Conditions { get; init; } = [];

    /// <summary>SageMaker tuning job name for the current spec.</summary>
    [JsonPropertyName("tuningJobName")] public string? TuningJobName { get; init; }

    /// <summary>SageMaker tuning job ARN.</summary>
    [JsonPropertyName("tuningJobArn")] public string? TuningJobArn { get; init; }

    /// <summary>SageMaker's HyperParameterTuningJobStatus.</summary>
    [JsonPropertyName("tuningJobStatus")] public string? TuningJobStatus { get; init; }

    /// <summary>Training job counts by state.</summary>
    [JsonPropertyName("counters")] public TuningCounters? Counters { get; init; }

    /// <summary>The best training job so far.</summary>
    [JsonPropertyName("bestTrainingJob")] public BestTrainingJob? BestTrainingJob { get; init; }

    /// <summary>The best training jobs by validation mAP (at most 5), best first.</summary>
    [JsonPropertyName("topTrials")] public IReadOnlyList<TuningTrial> TopTrials { get; init; } = [];

    /// <summary>Live figures while the tuning job runs (running trials' latest validation:mAP, best so far); kept after it ends.</summary>
    [JsonPropertyName("progress")] public TuningProgress? Progress { get; init; }

    /// <summary>Content hash of the Dataset the jobs train on.</summary>
    [JsonPropertyName("datasetContentHash")] public string? DatasetContentHash { get; init; }

    /// <summary>When tuning started.</summary>
    [JsonPropertyName("startTime")] public DateTime? StartTime { get; init; }

    /// <summary>When tuning ended.</summary>
    [JsonPropertyName("endTime")] public DateTime? EndTime { get; init; }

    /// <summary>Human-readable summary of the last failure, if any.</summary>
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }

    /// <summary>Earlier tuning jobs of this TuningRun (previous specs), newest first.</summary>
    [JsonPropertyName("history")] public IReadOnlyList<JobHistoryEntry> History { get; init; } = [];
}

/// <summary>Training job counts of a tuning job.</summary>
public sealed record TuningCounters
{
    /// <summary>Completed training jobs.</summary>
    [JsonPropertyName("completed")] public int Completed { get; init; }

    /// <summary>Training jobs in progress.</summary>
    [JsonPropertyName("inProgress")] public int InProgress { get; init; }

    /// <summary>Failed training jobs (retryable and not).</summary>
    [JsonPropertyName("failed")] public int Failed { get; init; }

    /// <summary>Stopped training jobs (including early-stopped ones).</summary>
    [JsonPropertyName("stopped")] public int Stopped { get; init; }

    /// <summary>Training jobs that reported the objective metric.</summary>
    [JsonPropertyName("objectiveSucceeded")] public int ObjectiveSucceeded { get; init; }
}

/// <summary>One training job of a tuning job.</summary>
public sealed record TuningTrial
{
    /// <summary>Training job name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>SageMaker's TrainingJobStatus.</summary>
    [JsonPropertyName("status")] public string? Status { get; init; }

    /// <summary>Its final validation mAP.</summary>
    [JsonPropertyName("mAP")] public double? MAP { get; init; }

    /// <summary>The values tuning chose, by SageMaker hyperparameter name.</summary>
    [JsonPropertyName("tunedHyperparameters")] public IReadOnlyDictionary<string, string> TunedHyperparameters { get; init; } = new Dictionary<string, string>();
}

/// <summary>The best training job of a tuning job.</summary>
public sealed record BestTrainingJob
{
    /// <summary>Training job name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Its final validation mAP.</summary>
    [JsonPropertyName("mAP")] public double? MAP { get; init; }

    /// <summary>The values tuning chose, by SageMaker hyperparameter name.</summary>
    [JsonPropertyName("tunedHyperparameters")] public IReadOnlyDictionary<string, string> TunedHyperparameters { get; init; } = new Dictionary<string, string>();

    /// <summary>S3 URI of its model.tar.gz.</summary>
    [JsonPropertyName("modelArtifactUri")] public string? ModelArtifactUri { get; init; }

    /// <summary>Its SageMaker TrainingJobStatus.</summary>
    [JsonPropertyName("status")] public string? Status { get; init; }
}

/// <summary>The phases of a TuningRun.</summary>
public static class TuningRunPhase
{
    /// <summary>Accepted; nothing started yet.</summary>
    public const string Pending = "Pending";

    /// <summary>The Dataset is not Ready yet.</summary>
    public const string Waiting = "Waiting";

    /// <summary>The tuning job is running.</summary>
    public const string Tuning = "Tuning";

    /// <summary>The tuning job completed; the best job is in status.</summary>
    public const string Completed = "Completed";

    /// <summary>The spec is invalid or the tuning job failed; see the Ready condition.</summary>
    public const string Failed = "Failed";

    /// <summary>The tuning job was stopped.</summary>
    public const string Stopped = "Stopped";
}
