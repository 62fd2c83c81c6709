using System.Text.Json.Serialization;
using k8s.Models;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>
/// A SageMaker Model Registry model package group. Each new artifact of its source (a TrainingRun, or the best job
/// of a TuningRun) becomes a new model package version with an approval status.
/// </summary>
[ResourceNames(Plural, "rmodel")]
[PrinterColumn("Phase", "string", ".status.phase", Order = 1, Description = "Pending, Waiting, Registering, Ready or Failed.")]
[PrinterColumn("Latest", "integer", ".status.latestVersion", Order = 2, Description = "Newest registered version.")]
[PrinterColumn("Approved", "integer", ".status.latestApprovedVersion", Order = 3, Description = "Newest approved version.")]
[PrinterColumn("Group", "string", ".status.modelPackageGroupName", Order = 4, Priority = 1, Description = "Model package group.")]
[KubernetesEntity(Group = ApiGroup.Name, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
public sealed class RegisteredModel : CustomResource<RegisteredModelSpec, RegisteredModelStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "RegisteredModel";

    /// <summary>The plural resource name.</summary>
    public const string Plural = "registeredmodels";

    /// <summary>Creates an empty RegisteredModel with apiVersion and kind set.</summary>
    public RegisteredModel() => Kind = KindName;
}

/// <summary>Desired state of a RegisteredModel.</summary>
public sealed record RegisteredModelSpec
{
    /// <summary>Where versions come from; cannot change (create another RegisteredModel instead).</summary>
    [Required, Immutable] [JsonPropertyName("source")] public ModelSource Source { get; init; } = new();

    /// <summary>How new versions are approved.</summary>
    [JsonPropertyName("approval")] public ModelApproval Approval { get; init; } = new();

    /// <summary>Description of the model package group.</summary>
    [Length(0, 1024)] [JsonPropertyName("description")] public string? Description { get; init; }

    /// <summary>Tags on the model package group (at most 50; keys 1-128, values up to 256 characters).</summary>
    [MaxProperties(Patterns.MaxTags), Length(0, 256)]
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

/// <summary>The run whose artifacts are registered; exactly one reference is set.</summary>
[ExactlyOneOf("trainingRunRef", "tuningRunRef")]
public sealed record ModelSource
{
    /// <summary>Name of a TrainingRun in the same namespace.</summary>
    [Length(1, Patterns.ObjectNameMaxLength), Pattern(Patterns.ObjectName)]
    [JsonPropertyName("trainingRunRef")] public string? TrainingRunRef { get; init; }

    /// <summary>Name of a TuningRun in the same namespace; its best training job is registered.</summary>
    [Length(1, Patterns.ObjectNameMaxLength), Pattern(Patterns.ObjectName)]
    [JsonPropertyName("tuningRunRef")] public string? TuningRunRef { get; init; }
}

/// <summary>Approval of new versions.</summary>
public sealed record ModelApproval
{
    /// <summary>Manual (default): versions wait for approval in SageMaker; Automatic: approved when mAP ≥ minMetric.</summary>
    [Enum("Manual", "Automatic")] [JsonPropertyName("mode")] public string Mode { get; init; } = "Manual";

    /// <summary>With Automatic: the validation mAP a version needs to be approved (0-1).</summary>
    [Minimum(0), Maximum(1)] [JsonPropertyName("minMetric")] public double? MinMetric { get; init; }
}

/// <summary>Observed state of a RegisteredModel.</summary>
public sealed record RegisteredModelStatus
{
    /// <summary>Pending, Waiting, Registering, Ready or Failed.</summary>
    [Enum(RegisteredModelPhase.Pending, RegisteredModelPhase.Waiting, RegisteredModelPhase.Registering,
        RegisteredModelPhase.Ready, RegisteredModelPhase.Failed)]
    [JsonPropertyName("phase")] public string? Phase { get; init; }

    /// <summary>The generation this status describes.</summary>
    [JsonPropertyName("observedGeneration")] public long? ObservedGeneration { get; init; }

    /// <summary>kstatus conditions: Ready (the declared state is reached), Reconciling (work in flight) and Stalled (needs a person); exactly one is True. See docs/gitops.md.</summary>
    [JsonPropertyName("conditions")] public IReadOnlyList<V1Condition> Conditions { get; init; } = [];

    /// <summary>Model package group name.</summary>
    [JsonPropertyName("modelPackageGroupName")] public string? ModelPackageGroupName { get; init; }

    /// <summary>Model package group ARN.</summary>
    [JsonPropertyName("modelPackageGroupArn")] public string? ModelPackageGroupArn { get; init; }

    /// <summary>Registered versions, oldest first (the newest 100; SageMaker keeps them all).</summary>
    [Items(0, RegisteredModelLimits.MaxVersions)]
    [JsonPropertyName("versions")] public IReadOnlyList<ModelVersion> Versions { get; init; } = [];

    /// <summary>Newest version number.</summary>
    [JsonPropertyName("latestVersion")] public int? LatestVersion { get; init; }

    /// <summary>Newest Approved version number.</summary>
    [JsonPropertyName("latestApprovedVersion")] public int? LatestApprovedVersion { get; init; }

    /// <summary>Human-readable summary of the last failure, if any.</summary>
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }

    /// <summary>
    /// The last detector.dev/approve-version annotation value the operator acted on, so an approval withdrawn later in
    /// the console is not overridden by the same annotation again.
    /// </summary>
    [Length(0, 16)] [JsonPropertyName("appliedApproveVersion")] public string? AppliedApproveVersion { get; init; }
}

/// <summary>Bounds of RegisteredModel status lists (they keep the object small and CEL costs in budget).</summary>
public static class RegisteredModelLimits
{
    /// <summary>Most versions listed in status.</summary>
    public const int MaxVersions = 100;
}

/// <summary>One model package version.</summary>
public sealed record ModelVersion
{
    /// <summary>Version number within the group.</summary>
    [JsonPropertyName("version")] public int Version { get; init; }

    /// <summary>Model package ARN.</summary>
    [JsonPropertyName("arn")] public string? Arn { get; init; }

    /// <summary>The training job that produced the artifact.</summary>
    [JsonPropertyName("sourceJobName")] public string? SourceJobName { get; init; }

    /// <summary>S3 URI of model.tar.gz.</summary>
    [JsonPropertyName("modelArtifactUri")] public string? ModelArtifactUri { get; init; }

    /// <summary>Validation mAP of the source job.</summary>
    [JsonPropertyName("mAP")] public double? MAP { get; init; }

    /// <summary>Approved, Rejected or PendingManualApproval, as SageMaker reports it (console changes show up here).</summary>
    [JsonPropertyName("approvalStatus")] public string? ApprovalStatus { get; init; }

    /// <summary>When the version was registered.</summary>
    [JsonPropertyName("createdAt")] public DateTime? CreatedAt { get; init; }

    /// <summary>SageMaker's ModelPackageStatus: Pending, InProgress, Completed, Failed or Deleting.</summary>
    [JsonPropertyName("packageStatus")] public string? PackageStatus { get; init; }

    /// <summary>Why the version has its approval status (e.g. the metric below the threshold), as SageMaker keeps it.</summary>
    [JsonPropertyName("approvalDescription")] public string? ApprovalDescription { get; init; }
}

/// <summary>The phases of a RegisteredModel.</summary>
public static class RegisteredModelPhase
{
    /// <summary>Accepted; nothing started yet.</summary>
    public const string Pending = "Pending";

    /// <summary>The source run is not completed yet.</summary>
    public const string Waiting = "Waiting";

    /// <summary>A version is being registered.</summary>
    public const string Registering = "Registering";

    /// <summary>Every completed artifact of the source is registered.</summary>
    public const string Ready = "Ready";

    /// <summary>The spec is invalid or registration failed; see the Ready condition.</summary>
    public const string Failed = "Failed";
}
