// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Specifies the training algorithm to use in a CreateTrainingJob request.</summary>
public sealed record AlgorithmSpecification
{
    /// <summary>The registry path of the Docker image that contains the training algorithm. Length 0–255.</summary>
    public string? TrainingImage { get; init; }
    /// <summary>The name of the algorithm resource to use for the training job. Length 1–170.</summary>
    public string? AlgorithmName { get; init; }
    /// <summary>Required. The training input mode that the algorithm supports. Values in <see cref="Detector.Operator.Aws.TrainingInputMode"/>.</summary>
    public required string TrainingInputMode { get; init; }
    /// <summary>A list of metric definition objects. Items 0–40.</summary>
    public List<MetricDefinition>? MetricDefinitions { get; init; }
    /// <summary>To generate and save time-series metrics during training, set to true.</summary>
    public bool? EnableSageMakerMetricsTimeSeries { get; init; }
    /// <summary>The entrypoint script for a Docker container used to run a training job. Items 1–100.</summary>
    public List<string>? ContainerEntrypoint { get; init; }
    /// <summary>The arguments for a container used to run a training job. Items 1–100.</summary>
    public List<string>? ContainerArguments { get; init; }
    /// <summary>The configuration to use an image from a private Docker registry for a training job.</summary>
    public TrainingImageConfig? TrainingImageConfig { get; init; }
}

/// <summary>Configuration information for the Amazon SageMaker Debugger output tensor collections.</summary>
public sealed record CollectionConfiguration
{
    /// <summary>The name of the tensor collection. Length 1–256.</summary>
    public string? CollectionName { get; init; }
    /// <summary>Parameter values for the tensor collection. Entries 0–20.</summary>
    public Dictionary<string, string>? CollectionParameters { get; init; }
}

/// <summary>Configuration information for the Amazon SageMaker Debugger hook parameters, metric and tensor collections, and storage paths.</summary>
public sealed record DebugHookConfig
{
    /// <summary>Path to local storage location for metrics and tensors. Length 0–4096.</summary>
    public string? LocalPath { get; init; }
    /// <summary>Required. Path to Amazon S3 storage location for metrics and tensors. Length 0–1024.</summary>
    public required string S3OutputPath { get; init; }
    /// <summary>Configuration information for the Amazon SageMaker Debugger hook parameters. Entries 0–20.</summary>
    public Dictionary<string, string>? HookParameters { get; init; }
    /// <summary>Configuration information for Amazon SageMaker Debugger tensor collections. Items 0–20.</summary>
    public List<CollectionConfiguration>? CollectionConfigurations { get; init; }
}

/// <summary>Configuration information for SageMaker Debugger rules for debugging.</summary>
public sealed record DebugRuleConfiguration
{
    /// <summary>Required. The name of the rule configuration. Length 1–256.</summary>
    public required string RuleConfigurationName { get; init; }
    /// <summary>Path to local storage location for output of rules. Length 0–4096.</summary>
    public string? LocalPath { get; init; }
    /// <summary>Path to Amazon S3 storage location for rules. Length 0–1024.</summary>
    public string? S3OutputPath { get; init; }
    /// <summary>Required. The Amazon Elastic Container (ECR) Image for the managed rule evaluation. Length 0–255.</summary>
    public required string RuleEvaluatorImage { get; init; }
    /// <summary>The instance type to deploy a custom rule for debugging a training job. One of the ProcessingInstanceType values.</summary>
    public string? InstanceType { get; init; }
    /// <summary>The size, in GB, of the ML storage volume attached to the processing instance. Range at least 0.</summary>
    public int? VolumeSizeInGB { get; init; }
    /// <summary>Runtime configuration for rule container. Entries 0–100.</summary>
    public Dictionary<string, string>? RuleParameters { get; init; }
}

/// <summary>Information about the status of the rule evaluation.</summary>
public sealed record DebugRuleEvaluationStatus
{
    /// <summary>The name of the rule configuration. Length 1–256.</summary>
    public string? RuleConfigurationName { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of the rule evaluation job. Length 0–256.</summary>
    public string? RuleEvaluationJobArn { get; init; }
    /// <summary>Status of the rule evaluation. Values in <see cref="Detector.Operator.Aws.RuleEvaluationStatus"/>.</summary>
    public string? RuleEvaluationStatus { get; init; }
    /// <summary>Details from the rule evaluation. Length 0–1024.</summary>
    public string? StatusDetails { get; init; }
    /// <summary>Timestamp when the rule evaluation status was last modified.</summary>
    public DateTimeOffset? LastModifiedTime { get; init; }
}

/// <summary>Associates a SageMaker job as a trial component with an experiment and trial.</summary>
public sealed record ExperimentConfig
{
    /// <summary>The name of an existing experiment to associate with the trial component. Length 1–120.</summary>
    public string? ExperimentName { get; init; }
    /// <summary>The name of an existing trial to associate the trial component with. Length 1–120.</summary>
    public string? TrialName { get; init; }
    /// <summary>The display name for the trial component. Length 1–120.</summary>
    public string? TrialComponentDisplayName { get; init; }
    /// <summary>The name of the experiment run to associate with the trial component. Length 1–120.</summary>
    public string? RunName { get; init; }
}

/// <summary>Configuration information for the infrastructure health check of a training job.</summary>
public sealed record InfraCheckConfig
{
    /// <summary>Enables an infrastructure health check.</summary>
    public bool? EnableInfraCheck { get; init; }
}

/// <summary>The name, value, and date and time of a metric that was emitted to Amazon CloudWatch.</summary>
public sealed record MetricData
{
    /// <summary>The name of the metric. Length 1–255.</summary>
    public string? MetricName { get; init; }
    /// <summary>The value of the metric.</summary>
    public double? Value { get; init; }
    /// <summary>The date and time that the algorithm emitted the metric.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}

/// <summary>The MLflow configuration using SageMaker managed MLflow.</summary>
public sealed record MlflowConfig
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the MLflow resource. Length 0–2048.</summary>
    public required string MlflowResourceArn { get; init; }
    /// <summary>The MLflow experiment name used for this job. Length 1–256.</summary>
    public string? MlflowExperimentName { get; init; }
    /// <summary>The MLflow run name used for this job. Length 1–256.</summary>
    public string? MlflowRunName { get; init; }
}

/// <summary>The MLflow details of this job.</summary>
public sealed record MlflowDetails
{
    /// <summary>The MLflow experiment ID used for this job. Length 1–256.</summary>
    public string? MlflowExperimentId { get; init; }
    /// <summary>The MLflow run ID used for this job. Length 1–256.</summary>
    public string? MlflowRunId { get; init; }
}

/// <summary>Provides information about the location that is configured for storing model artifacts.</summary>
public sealed record ModelArtifacts
{
    /// <summary>Required. The path of the S3 object that contains the model artifacts. Length 0–1024.</summary>
    public required string S3ModelArtifacts { get; init; }
}

/// <summary>The configuration for the Model package.</summary>
public sealed record ModelPackageConfig
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the model package group of output model package. Length 1–2048.</summary>
    public required string ModelPackageGroupArn { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of the source model package used for continued fine-tuning and custom model evaluation. Length 1–2048.</summary>
    public string? SourceModelPackageArn { get; init; }
}

/// <summary>Configuration information for Amazon SageMaker Debugger system monitoring, framework profiling, and storage paths.</summary>
public sealed record ProfilerConfig
{
    /// <summary>Path to Amazon S3 storage location for system and framework metrics. Length 0–1024.</summary>
    public string? S3OutputPath { get; init; }
    /// <summary>A time interval for capturing system metrics in milliseconds.</summary>
    public long? ProfilingIntervalInMilliseconds { get; init; }
    /// <summary>Configuration information for capturing framework metrics. Entries 0–20.</summary>
    public Dictionary<string, string>? ProfilingParameters { get; init; }
    /// <summary>Configuration to turn off Amazon SageMaker Debugger's system monitoring and profiling functionality.</summary>
    public bool? DisableProfiler { get; init; }
}

/// <summary>Configuration information for profiling rules.</summary>
public sealed record ProfilerRuleConfiguration
{
    /// <summary>Required. The name of the rule configuration. Length 1–256.</summary>
    public required string RuleConfigurationName { get; init; }
    /// <summary>Path to local storage location for output of rules. Length 0–4096.</summary>
    public string? LocalPath { get; init; }
    /// <summary>Path to Amazon S3 storage location for rules. Length 0–1024.</summary>
    public string? S3OutputPath { get; init; }
    /// <summary>Required. The Amazon Elastic Container Registry Image for the managed rule evaluation. Length 0–255.</summary>
    public required string RuleEvaluatorImage { get; init; }
    /// <summary>The instance type to deploy a custom rule for profiling a training job. One of the ProcessingInstanceType values.</summary>
    public string? InstanceType { get; init; }
    /// <summary>The size, in GB, of the ML storage volume attached to the processing instance. Range at least 0.</summary>
    public int? VolumeSizeInGB { get; init; }
    /// <summary>Runtime configuration for rule container. Entries 0–100.</summary>
    public Dictionary<string, string>? RuleParameters { get; init; }
}

/// <summary>Information about the status of the rule evaluation.</summary>
public sealed record ProfilerRuleEvaluationStatus
{
    /// <summary>The name of the rule configuration. Length 1–256.</summary>
    public string? RuleConfigurationName { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of the rule evaluation job. Length 0–256.</summary>
    public string? RuleEvaluationJobArn { get; init; }
    /// <summary>Status of the rule evaluation. Values in <see cref="Detector.Operator.Aws.RuleEvaluationStatus"/>.</summary>
    public string? RuleEvaluationStatus { get; init; }
    /// <summary>Details from the rule evaluation. Length 0–1024.</summary>
    public string? StatusDetails { get; init; }
    /// <summary>Timestamp when the rule evaluation status was last modified.</summary>
    public DateTimeOffset? LastModifiedTime { get; init; }
}

/// <summary>Configuration for remote debugging for the CreateTrainingJob API.</summary>
public sealed record RemoteDebugConfig
{
    /// <summary>If set to True, enables remote debugging.</summary>
    public bool? EnableRemoteDebug { get; init; }
}

/// <summary>An array element of SecondaryStatusTransitions for DescribeTrainingJob.</summary>
public sealed record SecondaryStatusTransition
{
    /// <summary>Required. Contains a secondary status information from a training job. Values in <see cref="Detector.Operator.Aws.SecondaryStatus"/>.</summary>
    public required string Status { get; init; }
    /// <summary>Required. A timestamp that shows when the training job transitioned to the current secondary status state.</summary>
    public required DateTimeOffset StartTime { get; init; }
    /// <summary>A timestamp that shows when the training job transitioned out of this secondary status state into another secondary status state or when the training job has ended.</summary>
    public DateTimeOffset? EndTime { get; init; }
    /// <summary>A detailed description of the progress within a secondary status.</summary>
    public string? StatusMessage { get; init; }
}

/// <summary>The configuration for the serverless training job.</summary>
public sealed record ServerlessJobConfig
{
    /// <summary>Required. The base model Amazon Resource Name (ARN) in SageMaker Public Hub. Length 1–2048.</summary>
    public required string BaseModelArn { get; init; }
    /// <summary>Specifies agreement to the model end-user license agreement (EULA).</summary>
    public bool? AcceptEula { get; init; }
    /// <summary>Required. The serverless training job type. Values in <see cref="Detector.Operator.Aws.ServerlessJobType"/>.</summary>
    public required string JobType { get; init; }
    /// <summary>The model customization technique. Values in <see cref="Detector.Operator.Aws.CustomizationTechnique"/>.</summary>
    public string? CustomizationTechnique { get; init; }
    /// <summary>The parameter-efficient fine-tuning configuration. Values in <see cref="Detector.Operator.Aws.Peft"/>.</summary>
    public string? Peft { get; init; }
    /// <summary>The evaluation job type. Values in <see cref="Detector.Operator.Aws.EvaluationType"/>.</summary>
    public string? EvaluationType { get; init; }
    /// <summary>The evaluator Amazon Resource Name (ARN) used as reward function or reward prompt.</summary>
    public string? EvaluatorArn { get; init; }
    /// <summary>The maximum sequence length, in tokens, that the customization job supports. Length 1–50.</summary>
    public string? SequenceLength { get; init; }
}

/// <summary>Contains information about attribute-based access control (ABAC) for a training job.</summary>
public sealed record SessionChainingConfig
{
    /// <summary>Set to True to allow SageMaker to extract session tags from a training job creation role and reuse these tags when assuming the training job execution role.</summary>
    public bool? EnableSessionTagChaining { get; init; }
}

/// <summary>Configuration of storage locations for the Amazon SageMaker Debugger TensorBoard output data.</summary>
public sealed record TensorBoardOutputConfig
{
    /// <summary>Path to local storage location for tensorBoard output. Length 0–4096.</summary>
    public string? LocalPath { get; init; }
    /// <summary>Required. Path to Amazon S3 storage location for TensorBoard output. Length 0–1024.</summary>
    public required string S3OutputPath { get; init; }
}

/// <summary>The configuration to use an image from a private Docker registry for a training job.</summary>
public sealed record TrainingImageConfig
{
    /// <summary>Required. The method that your training job will use to gain access to the images in your private Docker registry. Values in <see cref="Detector.Operator.Aws.TrainingRepositoryAccessMode"/>.</summary>
    public required string TrainingRepositoryAccessMode { get; init; }
    /// <summary>An object containing authentication information for a private Docker registry containing your training images.</summary>
    public TrainingRepositoryAuthConfig? TrainingRepositoryAuthConfig { get; init; }
}

/// <summary>The serverless training job progress information.</summary>
public sealed record TrainingProgressInfo
{
    /// <summary>The total step count per epoch. Range at least 0.</summary>
    public long? TotalStepCountPerEpoch { get; init; }
    /// <summary>The current step number. Range at least 0.</summary>
    public long? CurrentStep { get; init; }
    /// <summary>The current epoch number. Range at least 0.</summary>
    public long? CurrentEpoch { get; init; }
    /// <summary>The maximum number of epochs for this job. Range at least 0.</summary>
    public long? MaxEpoch { get; init; }
}

/// <summary>An object containing authentication information for a private Docker registry.</summary>
public sealed record TrainingRepositoryAuthConfig
{
    /// <summary>Required. The Amazon Resource Name (ARN) of an Amazon Web Services Lambda function used to give SageMaker access credentials to your private Docker registry. Length 1–2048.</summary>
    public required string TrainingRepositoryCredentialsProviderArn { get; init; }
}

/// <summary>Status and billing information about the warm pool.</summary>
public sealed record WarmPoolStatus
{
    /// <summary>Required. The status of the warm pool. Values in <see cref="Detector.Operator.Aws.WarmPoolResourceStatus"/>.</summary>
    public required string Status { get; init; }
    /// <summary>The billable time in seconds used by the warm pool. Range at least 0.</summary>
    public int? ResourceRetainedBillableTimeInSeconds { get; init; }
    /// <summary>The name of the matching training job that reused the warm pool. Length 1–63.</summary>
    public string? ReusedByJob { get; init; }
}
