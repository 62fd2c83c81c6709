// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Request of CreateTrainingJob: starts a model training job.</summary>
public sealed record CreateTrainingJobRequest
{
    /// <summary>Required. The name of the training job. Length 1–63.</summary>
    public required string TrainingJobName { get; init; }
    /// <summary>Algorithm-specific parameters that influence the quality of the model. Entries 0–100.</summary>
    public Dictionary<string, string>? HyperParameters { get; init; }
    /// <summary>The registry path of the Docker image that contains the training algorithm and algorithm-specific metadata, including the input mode.</summary>
    public AlgorithmSpecification? AlgorithmSpecification { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of an IAM role that SageMaker can assume to perform tasks on your behalf. Length 20–2048.</summary>
    public required string RoleArn { get; init; }
    /// <summary>An array of Channel objects. Items 1–20.</summary>
    public List<Channel>? InputDataConfig { get; init; }
    /// <summary>Required. Specifies the path to the S3 location where you want to store model artifacts.</summary>
    public required OutputDataConfig OutputDataConfig { get; init; }
    /// <summary>The resources, including the ML compute instances and ML storage volumes, to use for model training.</summary>
    public ResourceConfig? ResourceConfig { get; init; }
    /// <summary>A VpcConfig object that specifies the VPC that you want your training job to connect to.</summary>
    public VpcConfig? VpcConfig { get; init; }
    /// <summary>Specifies a limit to how long a model training job can run.</summary>
    public StoppingCondition? StoppingCondition { get; init; }
    /// <summary>An array of key-value pairs. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
    /// <summary>Isolates the training container.</summary>
    public bool? EnableNetworkIsolation { get; init; }
    /// <summary>To encrypt all communications between ML compute instances in distributed training, choose True.</summary>
    public bool? EnableInterContainerTrafficEncryption { get; init; }
    /// <summary>To train models using managed spot training, choose True.</summary>
    public bool? EnableManagedSpotTraining { get; init; }
    /// <summary>Contains information about the output location for managed spot training checkpoint data.</summary>
    public CheckpointConfig? CheckpointConfig { get; init; }
    /// <summary>Configuration information for the Amazon SageMaker Debugger hook parameters, metric and tensor collections, and storage paths.</summary>
    public DebugHookConfig? DebugHookConfig { get; init; }
    /// <summary>Configuration information for Amazon SageMaker Debugger rules for debugging output tensors. Items 0–20.</summary>
    public List<DebugRuleConfiguration>? DebugRuleConfigurations { get; init; }
    /// <summary>Configuration of storage locations for the Amazon SageMaker Debugger TensorBoard output data.</summary>
    public TensorBoardOutputConfig? TensorBoardOutputConfig { get; init; }
    /// <summary>Associates a SageMaker job as a trial component with an experiment and trial.</summary>
    public ExperimentConfig? ExperimentConfig { get; init; }
    /// <summary>Configuration information for Amazon SageMaker Debugger system monitoring, framework profiling, and storage paths.</summary>
    public ProfilerConfig? ProfilerConfig { get; init; }
    /// <summary>Configuration information for Amazon SageMaker Debugger rules for profiling system and framework metrics. Items 0–20.</summary>
    public List<ProfilerRuleConfiguration>? ProfilerRuleConfigurations { get; init; }
    /// <summary>The environment variables to set in the Docker container. Entries 0–100.</summary>
    public Dictionary<string, string>? Environment { get; init; }
    /// <summary>The number of times to retry the job when the job fails due to an InternalServerError.</summary>
    public RetryStrategy? RetryStrategy { get; init; }
    /// <summary>Configuration for remote debugging.</summary>
    public RemoteDebugConfig? RemoteDebugConfig { get; init; }
    /// <summary>Contains information about the infrastructure health check configuration for the training job.</summary>
    public InfraCheckConfig? InfraCheckConfig { get; init; }
    /// <summary>Contains information about attribute-based access control (ABAC) for the training job.</summary>
    public SessionChainingConfig? SessionChainingConfig { get; init; }
    /// <summary>The configuration for serverless training jobs.</summary>
    public ServerlessJobConfig? ServerlessJobConfig { get; init; }
    /// <summary>The MLflow configuration using SageMaker managed MLflow.</summary>
    public MlflowConfig? MlflowConfig { get; init; }
    /// <summary>The configuration for the model package.</summary>
    public ModelPackageConfig? ModelPackageConfig { get; init; }
}

/// <summary>Response of CreateTrainingJob.</summary>
public sealed record CreateTrainingJobResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the training job. Length 0–256.</summary>
    public required string TrainingJobArn { get; init; }
}

/// <summary>Request of DescribeTrainingJob: returns information about a training job.</summary>
public sealed record DescribeTrainingJobRequest
{
    /// <summary>Required. The name of the training job. Length 1–63.</summary>
    public required string TrainingJobName { get; init; }
}

/// <summary>Response of DescribeTrainingJob.</summary>
public sealed record DescribeTrainingJobResponse
{
    /// <summary>Required. Name of the model training job. Length 1–63.</summary>
    public required string TrainingJobName { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the training job. Length 0–256.</summary>
    public required string TrainingJobArn { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of the associated hyperparameter tuning job if the training job was launched by a hyperparameter tuning job. Length 0–256.</summary>
    public string? TuningJobArn { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of the SageMaker Ground Truth labeling job that created the transform or training job. Length 0–2048.</summary>
    public string? LabelingJobArn { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of an AutoML job. Length 1–256.</summary>
    public string? AutoMLJobArn { get; init; }
    /// <summary>Required. Information about the Amazon S3 location that is configured for storing model artifacts.</summary>
    public required ModelArtifacts ModelArtifacts { get; init; }
    /// <summary>Required. The status of the training job. Values in <see cref="Detector.Operator.Aws.TrainingJobStatus"/>.</summary>
    public required string TrainingJobStatus { get; init; }
    /// <summary>Required. Provides detailed information about the state of the training job. Values in <see cref="Detector.Operator.Aws.SecondaryStatus"/>.</summary>
    public required string SecondaryStatus { get; init; }
    /// <summary>If the training job failed, the reason it failed. Length 0–1024.</summary>
    public string? FailureReason { get; init; }
    /// <summary>Algorithm-specific parameters. Entries 0–100.</summary>
    public Dictionary<string, string>? HyperParameters { get; init; }
    /// <summary>Information about the algorithm used for training, and algorithm metadata.</summary>
    public AlgorithmSpecification? AlgorithmSpecification { get; init; }
    /// <summary>The Amazon Web Services Identity and Access Management (IAM) role configured for the training job. Length 20–2048.</summary>
    public string? RoleArn { get; init; }
    /// <summary>An array of Channel objects that describes each data input channel. Items 1–20.</summary>
    public List<Channel>? InputDataConfig { get; init; }
    /// <summary>The S3 path where model artifacts that you configured when creating the job are stored.</summary>
    public OutputDataConfig? OutputDataConfig { get; init; }
    /// <summary>Resources, including ML compute instances and ML storage volumes, that are configured for model training.</summary>
    public ResourceConfig? ResourceConfig { get; init; }
    /// <summary>The status of the warm pool associated with the training job.</summary>
    public WarmPoolStatus? WarmPoolStatus { get; init; }
    /// <summary>A VpcConfig object that specifies the VPC that this training job has access to.</summary>
    public VpcConfig? VpcConfig { get; init; }
    /// <summary>Required. Specifies a limit to how long a model training job can run.</summary>
    public required StoppingCondition StoppingCondition { get; init; }
    /// <summary>Required. A timestamp that indicates when the training job was created.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>Indicates the time when the training job starts on training instances.</summary>
    public DateTimeOffset? TrainingStartTime { get; init; }
    /// <summary>Indicates the time when the training job ends on training instances.</summary>
    public DateTimeOffset? TrainingEndTime { get; init; }
    /// <summary>A timestamp that indicates when the status of the training job was last modified.</summary>
    public DateTimeOffset? LastModifiedTime { get; init; }
    /// <summary>A history of all of the secondary statuses that the training job has transitioned through.</summary>
    public List<SecondaryStatusTransition>? SecondaryStatusTransitions { get; init; }
    /// <summary>A collection of MetricData objects that specify the names, values, and dates and times that the training algorithm emitted to Amazon CloudWatch. Items 0–40.</summary>
    public List<MetricData>? FinalMetricDataList { get; init; }
    /// <summary>If you want to allow inbound or outbound network calls, except for calls between peers within a training cluster for distributed training, choose True.</summary>
    public bool? EnableNetworkIsolation { get; init; }
    /// <summary>To encrypt all communications between ML compute instances in distributed training, choose True.</summary>
    public bool? EnableInterContainerTrafficEncryption { get; init; }
    /// <summary>A Boolean indicating whether managed spot training is enabled (True) or not (False).</summary>
    public bool? EnableManagedSpotTraining { get; init; }
    /// <summary>Contains information about the output location for managed spot training checkpoint data.</summary>
    public CheckpointConfig? CheckpointConfig { get; init; }
    /// <summary>The training time in seconds. Range at least 1.</summary>
    public int? TrainingTimeInSeconds { get; init; }
    /// <summary>The billable time in seconds. Range at least 1.</summary>
    public int? BillableTimeInSeconds { get; init; }
    /// <summary>The billable token count for eligible serverless training jobs. Range at least 0.</summary>
    public long? BillableTokenCount { get; init; }
    /// <summary>Configuration information for the Amazon SageMaker Debugger hook parameters, metric and tensor collections, and storage paths.</summary>
    public DebugHookConfig? DebugHookConfig { get; init; }
    /// <summary>Associates a SageMaker job as a trial component with an experiment and trial.</summary>
    public ExperimentConfig? ExperimentConfig { get; init; }
    /// <summary>Configuration information for Amazon SageMaker Debugger rules for debugging output tensors. Items 0–20.</summary>
    public List<DebugRuleConfiguration>? DebugRuleConfigurations { get; init; }
    /// <summary>Configuration of storage locations for the Amazon SageMaker Debugger TensorBoard output data.</summary>
    public TensorBoardOutputConfig? TensorBoardOutputConfig { get; init; }
    /// <summary>Evaluation status of Amazon SageMaker Debugger rules for debugging on a training job. Items 0–20.</summary>
    public List<DebugRuleEvaluationStatus>? DebugRuleEvaluationStatuses { get; init; }
    /// <summary>Configuration information for Amazon SageMaker Debugger system monitoring, framework profiling, and storage paths.</summary>
    public ProfilerConfig? ProfilerConfig { get; init; }
    /// <summary>Configuration information for Amazon SageMaker Debugger rules for profiling system and framework metrics. Items 0–20.</summary>
    public List<ProfilerRuleConfiguration>? ProfilerRuleConfigurations { get; init; }
    /// <summary>Evaluation status of Amazon SageMaker Debugger rules for profiling on a training job. Items 0–20.</summary>
    public List<ProfilerRuleEvaluationStatus>? ProfilerRuleEvaluationStatuses { get; init; }
    /// <summary>Profiling status of a training job. Values in <see cref="Detector.Operator.Aws.ProfilingStatus"/>.</summary>
    public string? ProfilingStatus { get; init; }
    /// <summary>The environment variables to set in the Docker container. Entries 0–100.</summary>
    public Dictionary<string, string>? Environment { get; init; }
    /// <summary>The number of times to retry the job when the job fails due to an InternalServerError.</summary>
    public RetryStrategy? RetryStrategy { get; init; }
    /// <summary>Configuration for remote debugging.</summary>
    public RemoteDebugConfig? RemoteDebugConfig { get; init; }
    /// <summary>Contains information about the infrastructure health check configuration for the training job.</summary>
    public InfraCheckConfig? InfraCheckConfig { get; init; }
    /// <summary>The configuration for serverless training jobs.</summary>
    public ServerlessJobConfig? ServerlessJobConfig { get; init; }
    /// <summary>The MLflow configuration using SageMaker managed MLflow.</summary>
    public MlflowConfig? MlflowConfig { get; init; }
    /// <summary>The configuration for the model package.</summary>
    public ModelPackageConfig? ModelPackageConfig { get; init; }
    /// <summary>The MLflow details of this job.</summary>
    public MlflowDetails? MlflowDetails { get; init; }
    /// <summary>The Serverless training job progress information.</summary>
    public TrainingProgressInfo? ProgressInfo { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of the output model package containing model weights or checkpoints. Length 1–2048.</summary>
    public string? OutputModelPackageArn { get; init; }
}

/// <summary>Request of StopTrainingJob: stops a training job.</summary>
public sealed record StopTrainingJobRequest
{
    /// <summary>Required. The name of the training job to stop. Length 1–63.</summary>
    public required string TrainingJobName { get; init; }
}

/// <summary>Response of StopTrainingJob (the operation returns no members).</summary>
public sealed record StopTrainingJobResponse;
