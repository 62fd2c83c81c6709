using System.Text.Json.Serialization;
using k8s.Models;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>Observed state of a DetectionEndpoint.</summary>
public sealed record DetectionEndpointStatus
{
    /// <summary>Pending, Waiting, Creating, InService, Updating, RollingBack or Failed.</summary>
    [Enum(DetectionEndpointPhase.Pending, DetectionEndpointPhase.Waiting, DetectionEndpointPhase.Creating,
        DetectionEndpointPhase.InService, DetectionEndpointPhase.Updating, DetectionEndpointPhase.RollingBack,
        DetectionEndpointPhase.Failed)]
    [JsonPropertyName("phase")] public string? Phase { get; init; }

    /// <summary>The generation this status describes.</summary>
    [JsonPropertyName("observedGeneration")] public long? ObservedGeneration { get; init; }

    /// <summary>kstatus conditions: Ready (the declared state is reached), Reconciling (work in flight) and Stalled (needs a person); exactly one is True. See docs/gitops.md.</summary>
    [JsonPropertyName("conditions")] public IReadOnlyList<V1Condition> Conditions { get; init; } = [];

    /// <summary>SageMaker endpoint name.</summary>
    [JsonPropertyName("endpointName")] public string? EndpointName { get; init; }

    /// <summary>SageMaker endpoint ARN.</summary>
    [JsonPropertyName("endpointArn")] public string? EndpointArn { get; init; }

    /// <summary>SageMaker's EndpointStatus.</summary>
    [JsonPropertyName("endpointStatus")] public string? EndpointStatus { get; init; }

    /// <summary>Current endpoint config name.</summary>
    [JsonPropertyName("endpointConfigName")] public string? EndpointConfigName { get; init; }

    /// <summary>Current SageMaker model name.</summary>
    [JsonPropertyName("modelName")] public string? ModelName { get; init; }

    /// <summary>Current inference component name (InferenceComponent mode).</summary>
    [JsonPropertyName("inferenceComponentName")] public string? InferenceComponentName { get; init; }

    /// <summary>Invocation URL (SageMaker Runtime InvokeEndpoint).</summary>
    [JsonPropertyName("url")] public string? Url { get; init; }

    /// <summary>The model version being served.</summary>
    [JsonPropertyName("deployedVersion")] public int? DeployedVersion { get; init; }

    /// <summary>The version served before the last rollout.</summary>
    [JsonPropertyName("previousVersion")] public int? PreviousVersion { get; init; }

    /// <summary>The last rollout: InProgress while it runs, then its outcome.</summary>
    [JsonPropertyName("lastRollout")] public RolloutResult? LastRollout { get; init; }

    /// <summary>Finished rollouts, newest first (at most 10).</summary>
    [Items(0, DetectionEndpointLimits.MaxRolloutHistory)]
    [JsonPropertyName("rolloutHistory")] public IReadOnlyList<RolloutResult> RolloutHistory { get; init; } = [];

    /// <summary>A version whose rollout failed; it is not tried again until the spec changes or a newer version is approved.</summary>
    [JsonPropertyName("failedVersion")] public int? FailedVersion { get; init; }

    /// <summary>The generation in which <c>failedVersion</c> failed.</summary>
    [JsonPropertyName("failedGeneration")] public long? FailedGeneration { get; init; }

    /// <summary>The SageMaker model of the previous version, deleted once the new version serves.</summary>
    [JsonPropertyName("previousModelName")] public string? PreviousModelName { get; init; }

    /// <summary>The endpoint config used before the last config change, deleted once the endpoint no longer uses it.</summary>
    [JsonPropertyName("previousEndpointConfigName")] public string? PreviousEndpointConfigName { get; init; }

    /// <summary>Human-readable summary of the last failure, if any.</summary>
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }

    /// <summary>Invocations, p50/p99 model latency and 4XX/5XX rates over the health window (CloudWatch), while in service.</summary>
    [JsonPropertyName("health")] public EndpointHealthStatus? Health { get; init; }
}

/// <summary>Outcome of a rollout.</summary>
public sealed record RolloutResult
{
    /// <summary>The version rolled out.</summary>
    [JsonPropertyName("version")] public int? Version { get; init; }

    /// <summary>The version served before the rollout.</summary>
    [JsonPropertyName("fromVersion")] public int? FromVersion { get; init; }

    /// <summary>The SageMaker model of the version rolled out.</summary>
    [JsonPropertyName("modelName")] public string? ModelName { get; init; }

    /// <summary>InProgress, Succeeded, RolledBack or Failed.</summary>
    [Enum(RolloutResults.InProgress, RolloutResults.Succeeded, RolloutResults.RolledBack, RolloutResults.Failed)]
    [JsonPropertyName("result")] public string? Result { get; init; }

    /// <summary>When the rollout started.</summary>
    [JsonPropertyName("startedAt")] public DateTime? StartedAt { get; init; }

    /// <summary>When the rollout finished.</summary>
    [JsonPropertyName("finishedAt")] public DateTime? FinishedAt { get; init; }

    /// <summary>Details, e.g. the alarm that fired.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }
}

/// <summary>The results of a rollout.</summary>
public static class RolloutResults
{
    /// <summary>The rollout is running.</summary>
    public const string InProgress = "InProgress";

    /// <summary>The new version serves.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>SageMaker rolled the update back; the previous version serves.</summary>
    public const string RolledBack = "RolledBack";

    /// <summary>The new version could not be deployed.</summary>
    public const string Failed = "Failed";
}

/// <summary>Bounds of DetectionEndpoint status lists (they keep the object small and CEL costs in budget).</summary>
public static class DetectionEndpointLimits
{
    /// <summary>Most finished rollouts kept in status.</summary>
    public const int MaxRolloutHistory = 10;
}

/// <summary>The phases of a DetectionEndpoint.</summary>
public static class DetectionEndpointPhase
{
    /// <summary>Accepted; nothing started yet.</summary>
    public const string Pending = "Pending";

    /// <summary>No Approved version of the RegisteredModel yet.</summary>
    public const string Waiting = "Waiting";

    /// <summary>The endpoint is being created.</summary>
    public const string Creating = "Creating";

    /// <summary>The endpoint serves the deployed version.</summary>
    public const string InService = "InService";

    /// <summary>A new version is rolling out.</summary>
    public const string Updating = "Updating";

    /// <summary>A rollout failed and is being rolled back.</summary>
    public const string RollingBack = "RollingBack";

    /// <summary>The spec is invalid or the endpoint failed; see the Ready condition.</summary>
    public const string Failed = "Failed";
}
