using System.Text.Json.Serialization;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>Where SageMaker writes model artifacts.</summary>
public sealed record ArtifactOutput
{
    /// <summary>S3 prefix; SageMaker writes &lt;job name&gt;/output/model.tar.gz below it.</summary>
    [Required] [JsonPropertyName("s3")] public S3Output S3 { get; init; } = new();

    /// <summary>KMS key (id, alias or ARN) that encrypts the artifacts; the bucket's default encryption when unset.</summary>
    [Length(1, Patterns.KmsKeyIdMaxLength), Pattern(Patterns.KmsKeyId)]
    [JsonPropertyName("kmsKeyId")] public string? KmsKeyId { get; init; }
}

/// <summary>The spec fields TrainingRun and TuningRun share: everything that shapes one SageMaker training job.</summary>
public interface ITrainingJobSpec
{
    /// <summary>Name of a Dataset in the same namespace.</summary>
    string DatasetRef { get; }

    /// <summary>IAM role SageMaker assumes.</summary>
    string RoleArn { get; }

    /// <summary>Where the model artifacts go.</summary>
    ArtifactOutput Output { get; }

    /// <summary>The SSD network.</summary>
    ObjectDetectionAlgorithm Algorithm { get; }

    /// <summary>The hyperparameters.</summary>
    ObjectDetectionHyperparameters Hyperparameters { get; }

    /// <summary>Instances and volume.</summary>
    TrainingResources Resources { get; }

    /// <summary>When SageMaker stops a job.</summary>
    StoppingCondition StoppingCondition { get; }

    /// <summary>Managed spot training.</summary>
    SpotTraining? Spot { get; }

    /// <summary>VPC of the training containers.</summary>
    VpcConfig? VpcConfig { get; }

    /// <summary>EnableNetworkIsolation.</summary>
    bool NetworkIsolation { get; }

    /// <summary>EnableInterContainerTrafficEncryption.</summary>
    bool InterContainerTrafficEncryption { get; }

    /// <summary>RetryStrategy.MaximumRetryAttempts.</summary>
    int? MaxRetryAttempts { get; }

    /// <summary>The user's tags.</summary>
    IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>Stop or Retain on delete.</summary>
    string DeletionPolicy { get; }
}

/// <summary>The Object Detection (SSD) network: fixed per run, never tuned.</summary>
public sealed record ObjectDetectionAlgorithm
{
    /// <summary>Backbone: vgg-16 (default) or resnet-50 (base_network).</summary>
    [Enum("vgg-16", "resnet-50")] [JsonPropertyName("baseNetwork")] public string BaseNetwork { get; init; } = "vgg-16";

    /// <summary>Start from an ImageNet-pretrained backbone (use_pretrained_model); true by default (transfer learning).</summary>
    [JsonPropertyName("usePretrainedModel")] public bool UsePretrainedModel { get; init; } = true;

    /// <summary>Side of the square network input in pixels (image_shape, at least 300); 512 matches the Dataset default.</summary>
    [Minimum(300), Maximum(1024)] [JsonPropertyName("imageShape")] public int ImageShape { get; init; } = 512;

    /// <summary>File (default: the channels are copied to the instance first) or Pipe (streamed; RecordIO supports both).</summary>
    [Enum("File", "Pipe")] [JsonPropertyName("inputMode")] public string InputMode { get; init; } = "File";
}

/// <summary>The instances a training job runs on.</summary>
public sealed record TrainingResources
{
    /// <summary>SageMaker training instance type; Object Detection needs a GPU instance (ml.p* or ml.g*).</summary>
    [Length(1, 64), Pattern(Patterns.InstanceType)]
    [JsonPropertyName("instanceType")] public string InstanceType { get; init; } = "ml.p3.2xlarge";

    /// <summary>Number of instances; more than one trains distributed (see kvStore).</summary>
    [Minimum(1), Maximum(100)] [JsonPropertyName("instanceCount")] public int InstanceCount { get; init; } = 1;

    /// <summary>Size of the ML storage volume per instance in GB.</summary>
    [Minimum(1), Maximum(16384)] [JsonPropertyName("volumeSizeGB")] public int VolumeSizeGB { get; init; } = 50;

    /// <summary>KMS key that encrypts the ML storage volume.</summary>
    [Length(1, Patterns.KmsKeyIdMaxLength), Pattern(Patterns.KmsKeyId)]
    [JsonPropertyName("volumeKmsKeyId")] public string? VolumeKmsKeyId { get; init; }

    /// <summary>Seconds to keep the instances warm after the job for the next one (warm pool, 0-21600); 0 disables it.</summary>
    [Minimum(0), Maximum(21600)] [JsonPropertyName("keepAliveSeconds")] public int KeepAliveSeconds { get; init; }
}

/// <summary>When SageMaker stops a training job.</summary>
public sealed record StoppingCondition
{
    /// <summary>Longest training time in seconds (default 1 day, at most 28 days).</summary>
    [Minimum(1), Maximum(2_419_200)] [JsonPropertyName("maxRuntimeSeconds")] public int MaxRuntimeSeconds { get; init; } = 86_400;
}

/// <summary>Managed spot training: cheaper, interruptible; checkpoints let an interrupted job resume.</summary>
public sealed record SpotTraining
{
    /// <summary>Run on spot capacity.</summary>
    [JsonPropertyName("enabled")] public bool Enabled { get; init; }

    /// <summary>Longest time in seconds to wait for spot capacity plus training; at least maxRuntimeSeconds (default 2 days).</summary>
    [Minimum(1), Maximum(2_419_200)] [JsonPropertyName("maxWaitSeconds")] public int MaxWaitSeconds { get; init; } = 172_800;

    /// <summary>S3 prefix where checkpoints are synchronised; recommended with spot so interruptions resume.</summary>
    [Length(1, Patterns.S3UriMaxLength), Pattern(Patterns.S3Uri)]
    [JsonPropertyName("checkpointS3Uri")] public string? CheckpointS3Uri { get; init; }
}

/// <summary>The VPC that SageMaker's containers join.</summary>
public sealed record VpcConfig
{
    /// <summary>Security group ids (1-5).</summary>
    [Required, Items(1, 5), Length(1, 32), Pattern(Patterns.VpcId)]
    [JsonPropertyName("securityGroupIds")] public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>Subnet ids (1-16).</summary>
    [Required, Items(1, 16), Length(1, 32), Pattern(Patterns.VpcId)]
    [JsonPropertyName("subnets")] public IReadOnlyList<string> Subnets { get; init; } = [];
}

/// <summary>A training job that ran for a spec that has since changed or been retried.</summary>
public sealed record JobHistoryEntry
{
    /// <summary>SageMaker job name.</summary>
    [JsonPropertyName("jobName")] public string JobName { get; init; } = "";

    /// <summary>The last status SageMaker reported.</summary>
    [JsonPropertyName("status")] public string? Status { get; init; }

    /// <summary>The generation of the spec the job ran for.</summary>
    [JsonPropertyName("generation")] public long? Generation { get; init; }

    /// <summary>Final validation mAP, when the job completed.</summary>
    [JsonPropertyName("mAP")] public double? MAP { get; init; }

    /// <summary>S3 URI of the job's model.tar.gz, when it completed.</summary>
    [JsonPropertyName("modelArtifactUri")] public string? ModelArtifactUri { get; init; }

    /// <summary>When the job ended or was replaced.</summary>
    [JsonPropertyName("endTime")] public DateTime? EndTime { get; init; }
}

/// <summary>One final metric of a training job.</summary>
public sealed record MetricValue
{
    /// <summary>Metric name, e.g. validation:mAP.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The final value.</summary>
    [JsonPropertyName("value")] public double Value { get; init; }
}

/// <summary>What deleting a TrainingRun or TuningRun does to a job that is still running.</summary>
public static class JobDeletionPolicy
{
    /// <summary>Stop the running job (default): nobody pays for a run nobody wants.</summary>
    public const string Stop = "Stop";

    /// <summary>Let the job finish on its own.</summary>
    public const string Retain = "Retain";
}
