using System.Text.Json.Serialization;
using k8s.Models;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>
/// A SageMaker real-time endpoint serving an approved version of a RegisteredModel, by default through an inference
/// component. A newly approved version rolls out automatically with a rolling update and auto-rollback.
/// </summary>
[ResourceNames(Plural, "detep")]
[PrinterColumn("Phase", "string", ".status.phase", Order = 1, Description = "Pending, Waiting, Creating, InService, Updating, RollingBack or Failed.")]
[PrinterColumn("Model", "string", ".spec.modelRef.name", Order = 2, Description = "The RegisteredModel served.")]
[PrinterColumn("Version", "integer", ".status.deployedVersion", Order = 3, Description = "The model version being served.")]
[PrinterColumn("Instance", "string", ".spec.instanceType", Order = 4, Priority = 1, Description = "Instance type.")]
[PrinterColumn("URL", "string", ".status.url", Order = 5, Priority = 1, Description = "Invocation URL.")]
[KubernetesEntity(Group = ApiGroup.Name, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
public sealed class DetectionEndpoint : CustomResource<DetectionEndpointSpec, DetectionEndpointStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "DetectionEndpoint";

    /// <summary>The plural resource name.</summary>
    public const string Plural = "detectionendpoints";

    /// <summary>Creates an empty DetectionEndpoint with apiVersion and kind set.</summary>
    public DetectionEndpoint() => Kind = KindName;
}

/// <summary>Desired state of a DetectionEndpoint.</summary>
public sealed record DetectionEndpointSpec
{
    /// <summary>The RegisteredModel and version to serve.</summary>
    [Required] [JsonPropertyName("modelRef")] public ModelReference ModelRef { get; init; } = new();

    /// <summary>IAM role SageMaker assumes to pull the model; the namespace policy must allow it.</summary>
    [Required, Length(20, 2048), Pattern(Patterns.RoleArn)]
    [JsonPropertyName("roleArn")] public string RoleArn { get; init; } = "";

    /// <summary>InferenceComponent (default) or SingleModel (a classic variant with a model); cannot change.</summary>
    [Immutable, Enum(EndpointDeploymentMode.InferenceComponent, EndpointDeploymentMode.SingleModel)]
    [JsonPropertyName("deploymentMode")] public string DeploymentMode { get; init; } = EndpointDeploymentMode.InferenceComponent;

    /// <summary>SageMaker hosting instance type.</summary>
    [Length(1, 64), Pattern(Patterns.InstanceType)]
    [JsonPropertyName("instanceType")] public string InstanceType { get; init; } = "ml.g4dn.xlarge";

    /// <summary>Initial number of instances.</summary>
    [Minimum(1), Maximum(100)] [JsonPropertyName("instanceCount")] public int InstanceCount { get; init; } = 1;

    /// <summary>Managed instance scaling of the variant (InferenceComponent mode); fixed instanceCount when unset.</summary>
    [JsonPropertyName("scaling")] public InstanceScaling? Scaling { get; init; }

    /// <summary>Compute reserved for each copy of the model (InferenceComponent mode).</summary>
    [JsonPropertyName("compute")] public ComponentCompute Compute { get; init; } = new();

    /// <summary>How the endpoint routes requests to instances: LEAST_OUTSTANDING_REQUESTS or RANDOM; SageMaker's default when unset.</summary>
    [Enum("LEAST_OUTSTANDING_REQUESTS", "RANDOM")]
    [JsonPropertyName("routingStrategy")] public string? RoutingStrategy { get; init; }

    /// <summary>Copies of the model across the instances (InferenceComponent mode).</summary>
    [Minimum(1), Maximum(1000)] [JsonPropertyName("copies")] public int Copies { get; init; } = 1;

    /// <summary>Capture of requests and responses to S3; off when unset.</summary>
    [JsonPropertyName("dataCapture")] public DataCapture? DataCapture { get; init; }

    /// <summary>Health figures from CloudWatch and the thresholds of the Degraded condition; default: 5-minute window, no thresholds.</summary>
    [JsonPropertyName("health")] public EndpointHealthSpec? Health { get; init; }

    /// <summary>How a new version rolls out.</summary>
    [JsonPropertyName("rollout")] public RolloutPolicy Rollout { get; init; } = new();

    /// <summary>KMS key that encrypts the instances' storage volumes.</summary>
    [Length(1, Patterns.KmsKeyIdMaxLength), Pattern(Patterns.KmsKeyId)]
    [JsonPropertyName("kmsKeyId")] public string? KmsKeyId { get; init; }

    /// <summary>VPC the model containers join; none when unset.</summary>
    [JsonPropertyName("vpcConfig")] public VpcConfig? VpcConfig { get; init; }

    /// <summary>Cut the model container off the network (EnableNetworkIsolation).</summary>
    [JsonPropertyName("networkIsolation")] public bool NetworkIsolation { get; init; }

    /// <summary>Tags on the endpoint, its config, model and component (at most 50; keys 1-128, values up to 256 characters).</summary>
    [MaxProperties(Patterns.MaxTags), Length(0, 256)]
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Delete (default) removes the endpoint, component, config and model with the object; Retain keeps them.</summary>
    [Enum("Delete", "Retain")] [JsonPropertyName("deletionPolicy")] public string DeletionPolicy { get; init; } = "Delete";
}

/// <summary>How a DetectionEndpoint hosts its model.</summary>
public static class EndpointDeploymentMode
{
    /// <summary>An endpoint without a model on its variant, serving through an inference component.</summary>
    public const string InferenceComponent = "InferenceComponent";

    /// <summary>A classic production variant naming a model, for containers that cannot run as inference components.</summary>
    public const string SingleModel = "SingleModel";
}

/// <summary>A RegisteredModel version.</summary>
public sealed record ModelReference
{
    /// <summary>Name of a RegisteredModel in the same namespace.</summary>
    [Required, Length(1, Patterns.ObjectNameMaxLength), Pattern(Patterns.ObjectName)]
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>LatestApproved (default: follows approvals) or a version number; only Approved versions are served.</summary>
    [Length(1, 16), Pattern("^(LatestApproved|[1-9][0-9]*)$")]
    [JsonPropertyName("version")] public string Version { get; init; } = "LatestApproved";
}

/// <summary>Managed instance scaling bounds.</summary>
public sealed record InstanceScaling
{
    /// <summary>Fewest instances (0 lets the endpoint scale in completely).</summary>
    [Minimum(0), Maximum(100)] [JsonPropertyName("minInstanceCount")] public int MinInstanceCount { get; init; } = 1;

    /// <summary>Most instances; at least minInstanceCount and instanceCount.</summary>
    [Required, Minimum(1), Maximum(100)] [JsonPropertyName("maxInstanceCount")] public int MaxInstanceCount { get; init; } = 1;
}

/// <summary>Compute reserved per model copy.</summary>
public sealed record ComponentCompute
{
    /// <summary>Memory in MB (at least 128).</summary>
    [Minimum(128), Maximum(4_194_304)] [JsonPropertyName("minMemoryMb")] public int MinMemoryMb { get; init; } = 2048;

    /// <summary>CPU cores (at least 0.25); unset lets SageMaker decide.</summary>
    [Minimum(0.25), Maximum(1024)] [JsonPropertyName("cpuCores")] public double? CpuCores { get; init; }

    /// <summary>GPUs or other accelerators (at least 1) on accelerated instances.</summary>
    [Minimum(1), Maximum(64)] [JsonPropertyName("acceleratorDevices")] public double? AcceleratorDevices { get; init; }
}

/// <summary>Data capture of an endpoint.</summary>
public sealed record DataCapture
{
    /// <summary>Capture is on.</summary>
    [JsonPropertyName("enabled")] public bool Enabled { get; init; } = true;

    /// <summary>Percentage of requests captured (0-100).</summary>
    [Minimum(0), Maximum(100)] [JsonPropertyName("samplingPercentage")] public int SamplingPercentage { get; init; } = 100;

    /// <summary>S3 prefix the captures go to.</summary>
    [Required, Length(1, Patterns.S3UriMaxLength), Pattern(Patterns.S3Uri)]
    [JsonPropertyName("destinationS3Uri")] public string DestinationS3Uri { get; init; } = "";

    /// <summary>KMS key that encrypts the captures.</summary>
    [Length(1, Patterns.KmsKeyIdMaxLength), Pattern(Patterns.KmsKeyId)]
    [JsonPropertyName("kmsKeyId")] public string? KmsKeyId { get; init; }

    /// <summary>Capture requests.</summary>
    [JsonPropertyName("captureRequests")] public bool CaptureRequests { get; init; } = true;

    /// <summary>Capture responses.</summary>
    [JsonPropertyName("captureResponses")] public bool CaptureResponses { get; init; } = true;
}

/// <summary>Rolling update with auto-rollback.</summary>
public sealed record RolloutPolicy
{
    /// <summary>Unit of batchSize: CapacityPercent (default) or CopyCount.</summary>
    [Enum("CapacityPercent", "CopyCount")] [JsonPropertyName("batchSizeType")] public string BatchSizeType { get; init; } = "CapacityPercent";

    /// <summary>How much capacity moves to the new version per step.</summary>
    [Minimum(1), Maximum(1000)] [JsonPropertyName("batchSize")] public int BatchSize { get; init; } = 50;

    /// <summary>How much capacity moves back per step when SageMaker rolls back (same unit as batchSize); all at once when unset.</summary>
    [Minimum(1), Maximum(1000)] [JsonPropertyName("rollbackBatchSize")] public int? RollbackBatchSize { get; init; }

    /// <summary>Seconds to watch the alarms after each step (0-3600).</summary>
    [Minimum(0), Maximum(3600)] [JsonPropertyName("waitSeconds")] public int WaitSeconds { get; init; } = 300;

    /// <summary>Longest time in seconds the whole rollout may take (600-28800).</summary>
    [Minimum(600), Maximum(28_800)] [JsonPropertyName("maxExecutionSeconds")] public int MaxExecutionSeconds { get; init; } = 3600;

    /// <summary>CloudWatch alarms that roll the update back when they fire (at most 10).</summary>
    [Items(0, 10), Length(1, 255), Pattern(Patterns.AlarmName)]
    [JsonPropertyName("rollbackAlarms")] public IReadOnlyList<string> RollbackAlarms { get; init; } = [];
}
