// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>A channel is a named input source that training algorithms can consume.</summary>
public sealed record Channel
{
    /// <summary>Required. The name of the channel. Length 1–64.</summary>
    public required string ChannelName { get; init; }
    /// <summary>Required. The location of the channel data.</summary>
    public required DataSource DataSource { get; init; }
    /// <summary>The MIME type of the data. Length 0–256.</summary>
    public string? ContentType { get; init; }
    /// <summary>If training data is compressed, the compression type. Values in <see cref="Detector.Operator.Aws.CompressionType"/>.</summary>
    public string? CompressionType { get; init; }
    /// <summary>Specify RecordIO as the value when input data is in raw format but the training algorithm requires the RecordIO format. Values in <see cref="Detector.Operator.Aws.RecordWrapper"/>.</summary>
    public string? RecordWrapperType { get; init; }
    /// <summary>(Optional) The input mode to use for the data channel in a training job. Values in <see cref="Detector.Operator.Aws.TrainingInputMode"/>.</summary>
    public string? InputMode { get; init; }
    /// <summary>A configuration for a shuffle option for input data in a channel.</summary>
    public ShuffleConfig? ShuffleConfig { get; init; }
}

/// <summary>Contains information about the output location for managed spot training checkpoint data.</summary>
public sealed record CheckpointConfig
{
    /// <summary>Required. Identifies the S3 path where you want SageMaker to store checkpoints. Length 0–1024.</summary>
    public required string S3Uri { get; init; }
    /// <summary>(Optional) The local directory where checkpoints are written. Length 0–4096.</summary>
    public string? LocalPath { get; init; }
}

/// <summary>Describes the location of the channel data.</summary>
public sealed record DataSource
{
    /// <summary>The S3 location of the data source that is associated with a channel.</summary>
    public S3DataSource? S3DataSource { get; init; }
    /// <summary>The file system that is associated with a channel.</summary>
    public FileSystemDataSource? FileSystemDataSource { get; init; }
    /// <summary>The dataset resource that's associated with a channel.</summary>
    public DatasetSource? DatasetSource { get; init; }
}

/// <summary>Specifies a dataset source for a channel.</summary>
public sealed record DatasetSource
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the dataset resource. Length 0–2048.</summary>
    public required string DatasetArn { get; init; }
}

/// <summary>Specifies a file system data source for a channel.</summary>
public sealed record FileSystemDataSource
{
    /// <summary>Required. The file system id. Length 11–21.</summary>
    public required string FileSystemId { get; init; }
    /// <summary>Required. The access mode of the mount of the directory associated with the channel. Values in <see cref="Detector.Operator.Aws.FileSystemAccessMode"/>.</summary>
    public required string FileSystemAccessMode { get; init; }
    /// <summary>Required. The file system type. Values in <see cref="Detector.Operator.Aws.FileSystemType"/>.</summary>
    public required string FileSystemType { get; init; }
    /// <summary>Required. The full path to the directory to associate with the channel. Length 0–4096.</summary>
    public required string DirectoryPath { get; init; }
}

/// <summary>The configuration for a private hub model reference that points to a public SageMaker JumpStart model.</summary>
public sealed record HubAccessConfig
{
    /// <summary>Required. The ARN of your private model hub content. Length 0–255.</summary>
    public required string HubContentArn { get; init; }
}

/// <summary>Defines an instance group for heterogeneous cluster training.</summary>
public sealed record InstanceGroup
{
    /// <summary>Required. Specifies the instance type of the instance group. One of the TrainingInstanceType values.</summary>
    public required string InstanceType { get; init; }
    /// <summary>Required. Specifies the number of instances of the instance group. Range at least 0.</summary>
    public required int InstanceCount { get; init; }
    /// <summary>Required. Specifies the name of the instance group. Length 1–64.</summary>
    public required string InstanceGroupName { get; init; }
}

/// <summary>Configuration for how instances are placed and allocated within UltraServers.</summary>
public sealed record InstancePlacementConfig
{
    /// <summary>If set to true, allows multiple jobs to share the same UltraServer instances.</summary>
    public bool? EnableMultipleJobs { get; init; }
    /// <summary>A list of specifications for how instances should be placed on specific UltraServers. Items 0–10.</summary>
    public List<PlacementSpecification>? PlacementSpecifications { get; init; }
}

/// <summary>Specifies a metric that the training algorithm writes to stderr or stdout.</summary>
public sealed record MetricDefinition
{
    /// <summary>Required. The name of the metric. Length 1–255.</summary>
    public required string Name { get; init; }
    /// <summary>Required. A regular expression that searches the output of a training job and gets the value of the metric. Length 1–500.</summary>
    public required string Regex { get; init; }
}

/// <summary>The access configuration file to control access to the ML model.</summary>
public sealed record ModelAccessConfig
{
    /// <summary>Required. Specifies agreement to the model end-user license agreement (EULA).</summary>
    public required bool AcceptEula { get; init; }
}

/// <summary>Provides information about how to store model training results (model artifacts).</summary>
public sealed record OutputDataConfig
{
    /// <summary>The Amazon Web Services Key Management Service (Amazon Web Services KMS) key that SageMaker uses to encrypt the model artifacts at rest using Amazon S3 server-side encryption. Length 0–2048.</summary>
    public string? KmsKeyId { get; init; }
    /// <summary>Required. Identifies the S3 path where you want SageMaker to store the model artifacts. Length 0–1024.</summary>
    public required string S3OutputPath { get; init; }
    /// <summary>The model output compression type. Values in <see cref="Detector.Operator.Aws.OutputCompressionType"/>.</summary>
    public string? CompressionType { get; init; }
}

/// <summary>Specifies how instances should be placed on a specific UltraServer.</summary>
public sealed record PlacementSpecification
{
    /// <summary>The unique identifier of the UltraServer where instances should be placed. Length 0–256.</summary>
    public string? UltraServerId { get; init; }
    /// <summary>Required. The number of ML compute instances required to be placed together on the same UltraServer. Range at least 0.</summary>
    public required int InstanceCount { get; init; }
}

/// <summary>Describes the resources, including machine learning (ML) compute instances and ML storage volumes, to use for model training.</summary>
public sealed record ResourceConfig
{
    /// <summary>The ML compute instance type. One of the TrainingInstanceType values.</summary>
    public string? InstanceType { get; init; }
    /// <summary>The number of ML compute instances to use. Range at least 0.</summary>
    public int? InstanceCount { get; init; }
    /// <summary>The size of the ML storage volume that you want to provision. Range at least 0.</summary>
    public int? VolumeSizeInGB { get; init; }
    /// <summary>The Amazon Web Services KMS key that SageMaker uses to encrypt data on the storage volume attached to the ML compute instance(s) that run the training job. Length 0–2048.</summary>
    public string? VolumeKmsKeyId { get; init; }
    /// <summary>The duration of time in seconds to retain configured resources in a warm pool for subsequent training jobs. Range 0–21600.</summary>
    public int? KeepAlivePeriodInSeconds { get; init; }
    /// <summary>The configuration of a heterogeneous cluster in JSON format. Items 0–5.</summary>
    public List<InstanceGroup>? InstanceGroups { get; init; }
    /// <summary>The Amazon Resource Name (ARN); of the training plan to use for this resource configuration. Length 50–2048.</summary>
    public string? TrainingPlanArn { get; init; }
    /// <summary>Configuration for how training job instances are placed and allocated within UltraServers.</summary>
    public InstancePlacementConfig? InstancePlacementConfig { get; init; }
}

/// <summary>The retry strategy to use when a training job fails due to an InternalServerError.</summary>
public sealed record RetryStrategy
{
    /// <summary>Required. The number of times to retry the job. Range 1–30.</summary>
    public required int MaximumRetryAttempts { get; init; }
}

/// <summary>Describes the S3 data source.</summary>
public sealed record S3DataSource
{
    /// <summary>Required. If you choose S3Prefix, S3Uri identifies a key name prefix. Values in <see cref="Detector.Operator.Aws.S3DataType"/>.</summary>
    public required string S3DataType { get; init; }
    /// <summary>Required. Depending on the value specified for the S3DataType, identifies either a key name prefix or a manifest. Length 0–1024.</summary>
    public required string S3Uri { get; init; }
    /// <summary>If you want SageMaker to replicate the entire dataset on each ML compute instance that is launched for model training, specify FullyReplicated. Values in <see cref="Detector.Operator.Aws.S3DataDistribution"/>.</summary>
    public string? S3DataDistributionType { get; init; }
    /// <summary>A list of one or more attribute names to use that are found in a specified augmented manifest file. Items 0–16.</summary>
    public List<string>? AttributeNames { get; init; }
    /// <summary>A list of names of instance groups that get data from the S3 data source. Items 0–5.</summary>
    public List<string>? InstanceGroupNames { get; init; }
    /// <summary>The access configuration file to control access to the ML model.</summary>
    public ModelAccessConfig? ModelAccessConfig { get; init; }
    /// <summary>The configuration for a private hub model reference that points to a SageMaker JumpStart public hub model.</summary>
    public HubAccessConfig? HubAccessConfig { get; init; }
}

/// <summary>A configuration for a shuffle option for input data in a channel.</summary>
public sealed record ShuffleConfig
{
    /// <summary>Required. Determines the shuffling order in ShuffleConfig value.</summary>
    public required long Seed { get; init; }
}

/// <summary>Specifies a limit to how long a job can run.</summary>
public sealed record StoppingCondition
{
    /// <summary>The maximum length of time, in seconds, that a training or compilation job can run before it is stopped. Range at least 1.</summary>
    public int? MaxRuntimeInSeconds { get; init; }
    /// <summary>The maximum length of time, in seconds, that a managed Spot training job has to complete. Range at least 1.</summary>
    public int? MaxWaitTimeInSeconds { get; init; }
    /// <summary>The maximum length of time, in seconds, that a training or compilation job can be pending before it is stopped. Range 7200–2419200.</summary>
    public int? MaxPendingTimeInSeconds { get; init; }
}

/// <summary>A tag object that consists of a key and an optional value, used to manage metadata for SageMaker Amazon Web Services resources.</summary>
public sealed record Tag
{
    /// <summary>Required. The tag key. Length 1–128.</summary>
    public required string Key { get; init; }
    /// <summary>Required. The tag value. Length 0–256.</summary>
    public required string Value { get; init; }
}

/// <summary>Specifies an Amazon Virtual Private Cloud (VPC) that your SageMaker jobs, hosted models, and compute resources have access to.</summary>
public sealed record VpcConfig
{
    /// <summary>Required. The VPC security group IDs, in the form sg-xxxxxxxx. Items 1–5.</summary>
    public required List<string> SecurityGroupIds { get; init; }
    /// <summary>Required. The ID of the subnets in the VPC to which you want to connect your training job or model. Items 1–16.</summary>
    public required List<string> Subnets { get; init; }
}
