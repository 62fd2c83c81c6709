// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>The name and an example value of the hyperparameter that you want to use in Autotune.</summary>
public sealed record AutoParameter
{
    /// <summary>Required. The name of the hyperparameter to optimize using Autotune. Length 0–256.</summary>
    public required string Name { get; init; }
    /// <summary>Required. An example value of the hyperparameter to optimize using Autotune. Length 0–256.</summary>
    public required string ValueHint { get; init; }
}

/// <summary>A flag to indicate if you want to use Autotune to automatically find optimal values for the following fields: ParameterRanges: The names and ranges of parameters that a hyperparameter tuning job can optimize.</summary>
public sealed record Autotune
{
    /// <summary>Required. Set Mode to Enabled if you want to use Autotune. Values in <see cref="Detector.Operator.Aws.AutotuneMode"/>.</summary>
    public required string Mode { get; init; }
}

/// <summary>A structure that keeps track of which training jobs launched by your hyperparameter tuning job are not improving model performance as evaluated against an objective function.</summary>
public sealed record BestObjectiveNotImproving
{
    /// <summary>The number of training jobs that have failed to improve model performance by 1% or greater over prior training jobs as evaluated against an objective function. Range at least 3.</summary>
    public int? MaxNumberOfTrainingJobsNotImproving { get; init; }
}

/// <summary>A list of categorical hyperparameters to tune.</summary>
public sealed record CategoricalParameterRange
{
    /// <summary>Required. The name of the categorical hyperparameter to tune. Length 0–256.</summary>
    public required string Name { get; init; }
    /// <summary>Required. A list of the categories for the hyperparameter. Items 1–30.</summary>
    public required List<string> Values { get; init; }
}

/// <summary>A list of continuous hyperparameters to tune.</summary>
public sealed record ContinuousParameterRange
{
    /// <summary>Required. The name of the continuous hyperparameter to tune. Length 0–256.</summary>
    public required string Name { get; init; }
    /// <summary>Required. The minimum value for the hyperparameter. Length 0–256.</summary>
    public required string MinValue { get; init; }
    /// <summary>Required. The maximum value for the hyperparameter. Length 0–256.</summary>
    public required string MaxValue { get; init; }
    /// <summary>The scale that hyperparameter tuning uses to search the hyperparameter range. Values in <see cref="Detector.Operator.Aws.HyperParameterScalingType"/>.</summary>
    public string? ScalingType { get; init; }
}

/// <summary>A flag to indicating that automatic model tuning (AMT) has detected model convergence, defined as a lack of significant improvement (1% or less) against an objective metric.</summary>
public sealed record ConvergenceDetected
{
    /// <summary>A flag to stop a tuning job once AMT has detected that the job has converged. Values in <see cref="Detector.Operator.Aws.CompleteOnConvergence"/>.</summary>
    public string? CompleteOnConvergence { get; init; }
}

/// <summary>Shows the latest objective metric emitted by a training job that was launched by a hyperparameter tuning job.</summary>
public sealed record FinalHyperParameterTuningJobObjectiveMetric
{
    /// <summary>Select if you want to minimize or maximize the objective metric during hyperparameter tuning. Values in <see cref="Detector.Operator.Aws.HyperParameterTuningJobObjectiveType"/>.</summary>
    public string? Type { get; init; }
    /// <summary>Required. The name of the objective metric. Length 1–255.</summary>
    public required string MetricName { get; init; }
    /// <summary>Required. The value of the objective metric.</summary>
    public required double Value { get; init; }
}

/// <summary>Specifies which training algorithm to use for training jobs that a hyperparameter tuning job launches and the metrics to monitor.</summary>
public sealed record HyperParameterAlgorithmSpecification
{
    /// <summary>The registry path of the Docker image that contains the training algorithm. Length 0–255.</summary>
    public string? TrainingImage { get; init; }
    /// <summary>Required. The training input mode that the algorithm supports. Values in <see cref="Detector.Operator.Aws.TrainingInputMode"/>.</summary>
    public required string TrainingInputMode { get; init; }
    /// <summary>The name of the resource algorithm to use for the hyperparameter tuning job. Length 1–170.</summary>
    public string? AlgorithmName { get; init; }
    /// <summary>An array of MetricDefinition objects that specify the metrics that the algorithm emits. Items 0–40.</summary>
    public List<MetricDefinition>? MetricDefinitions { get; init; }
}

/// <summary>Defines the training jobs launched by a hyperparameter tuning job.</summary>
public sealed record HyperParameterTrainingJobDefinition
{
    /// <summary>The job definition name. Length 1–64.</summary>
    public string? DefinitionName { get; init; }
    /// <summary>Defines the objective metric for a hyperparameter tuning job.</summary>
    public HyperParameterTuningJobObjective? TuningObjective { get; init; }
    /// <summary>Specifies ranges of integer, continuous, and categorical hyperparameters that a hyperparameter tuning job searches.</summary>
    public ParameterRanges? HyperParameterRanges { get; init; }
    /// <summary>Specifies the values of hyperparameters that do not change for the tuning job. Entries 0–100.</summary>
    public Dictionary<string, string>? StaticHyperParameters { get; init; }
    /// <summary>Required. The HyperParameterAlgorithmSpecification object that specifies the resource algorithm to use for the training jobs that the tuning job launches.</summary>
    public required HyperParameterAlgorithmSpecification AlgorithmSpecification { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the IAM role associated with the training jobs that the tuning job launches. Length 20–2048.</summary>
    public required string RoleArn { get; init; }
    /// <summary>An array of Channel objects that specify the input for the training jobs that the tuning job launches. Items 1–20.</summary>
    public List<Channel>? InputDataConfig { get; init; }
    /// <summary>The VpcConfig object that specifies the VPC that you want the training jobs that this hyperparameter tuning job launches to connect to.</summary>
    public VpcConfig? VpcConfig { get; init; }
    /// <summary>Required. Specifies the path to the Amazon S3 bucket where you store model artifacts from the training jobs that the tuning job launches.</summary>
    public required OutputDataConfig OutputDataConfig { get; init; }
    /// <summary>The resources, including the compute instances and storage volumes, to use for the training jobs that the tuning job launches.</summary>
    public ResourceConfig? ResourceConfig { get; init; }
    /// <summary>The configuration for the hyperparameter tuning resources, including the compute instances and storage volumes, used for training jobs launched by the tuning job.</summary>
    public HyperParameterTuningResourceConfig? HyperParameterTuningResourceConfig { get; init; }
    /// <summary>Required. Specifies a limit to how long a model hyperparameter training job can run.</summary>
    public required StoppingCondition StoppingCondition { get; init; }
    /// <summary>Isolates the training container.</summary>
    public bool? EnableNetworkIsolation { get; init; }
    /// <summary>To encrypt all communications between ML compute instances in distributed training, choose True.</summary>
    public bool? EnableInterContainerTrafficEncryption { get; init; }
    /// <summary>A Boolean indicating whether managed spot training is enabled (True) or not (False).</summary>
    public bool? EnableManagedSpotTraining { get; init; }
    /// <summary>Contains information about the output location for managed spot training checkpoint data.</summary>
    public CheckpointConfig? CheckpointConfig { get; init; }
    /// <summary>The number of times to retry the job when the job fails due to an InternalServerError.</summary>
    public RetryStrategy? RetryStrategy { get; init; }
    /// <summary>An environment variable that you can pass into the SageMaker CreateTrainingJob API. Entries 0–48.</summary>
    public Dictionary<string, string>? Environment { get; init; }
}

/// <summary>The container for the summary information about a training job.</summary>
public sealed record HyperParameterTrainingJobSummary
{
    /// <summary>The training job definition name. Length 1–64.</summary>
    public string? TrainingJobDefinitionName { get; init; }
    /// <summary>Required. The name of the training job. Length 1–63.</summary>
    public required string TrainingJobName { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the training job. Length 0–256.</summary>
    public required string TrainingJobArn { get; init; }
    /// <summary>The HyperParameter tuning job that launched the training job. Length 1–32.</summary>
    public string? TuningJobName { get; init; }
    /// <summary>Required. The date and time that the training job was created.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>The date and time that the training job started.</summary>
    public DateTimeOffset? TrainingStartTime { get; init; }
    /// <summary>Specifies the time when the training job ends on training instances.</summary>
    public DateTimeOffset? TrainingEndTime { get; init; }
    /// <summary>Required. The status of the training job. Values in <see cref="Detector.Operator.Aws.TrainingJobStatus"/>.</summary>
    public required string TrainingJobStatus { get; init; }
    /// <summary>Required. A list of the hyperparameters for which you specified ranges to search. Entries 0–100.</summary>
    public required Dictionary<string, string> TunedHyperParameters { get; init; }
    /// <summary>The reason that the training job failed. Length 0–1024.</summary>
    public string? FailureReason { get; init; }
    /// <summary>The FinalHyperParameterTuningJobObjectiveMetric object that specifies the value of the objective metric of the tuning job that launched this training job.</summary>
    public FinalHyperParameterTuningJobObjectiveMetric? FinalHyperParameterTuningJobObjectiveMetric { get; init; }
    /// <summary>The status of the objective metric for the training job: Succeeded: The final objective metric for the training job was evaluated by the hyperparameter tuning job and used in the hyperparameter tuning process. Values in <see cref="Detector.Operator.Aws.ObjectiveStatus"/>.</summary>
    public string? ObjectiveStatus { get; init; }
}

/// <summary>The configuration for hyperparameter tuning resources for use in training jobs launched by the tuning job.</summary>
public sealed record HyperParameterTuningInstanceConfig
{
    /// <summary>Required. The instance type used for processing of hyperparameter optimization jobs. One of the TrainingInstanceType values.</summary>
    public required string InstanceType { get; init; }
    /// <summary>Required. The number of instances of the type specified by InstanceType. Range at least 0.</summary>
    public required int InstanceCount { get; init; }
    /// <summary>Required. The volume size in GB of the data to be processed for hyperparameter optimization (optional). Range at least 1.</summary>
    public required int VolumeSizeInGB { get; init; }
}

/// <summary>A structure that contains runtime information about both current and completed hyperparameter tuning jobs.</summary>
public sealed record HyperParameterTuningJobCompletionDetails
{
    /// <summary>The number of training jobs launched by a tuning job that are not improving (1% or less) as measured by model performance evaluated against an objective function.</summary>
    public int? NumberOfTrainingJobsObjectiveNotImproving { get; init; }
    /// <summary>The time in timestamp format that AMT detected model convergence, as defined by a lack of significant improvement over time based on criteria developed over a wide range of diverse benchmarking tests.</summary>
    public DateTimeOffset? ConvergenceDetectedTime { get; init; }
}

/// <summary>Configures a hyperparameter tuning job.</summary>
public sealed record HyperParameterTuningJobConfig
{
    /// <summary>Required. Specifies how hyperparameter tuning chooses the combinations of hyperparameter values to use for the training job it launches. Values in <see cref="Detector.Operator.Aws.HyperParameterTuningJobStrategyType"/>.</summary>
    public required string Strategy { get; init; }
    /// <summary>The configuration for the Hyperband optimization strategy.</summary>
    public HyperParameterTuningJobStrategyConfig? StrategyConfig { get; init; }
    /// <summary>The HyperParameterTuningJobObjective specifies the objective metric used to evaluate the performance of training jobs launched by this tuning job.</summary>
    public HyperParameterTuningJobObjective? HyperParameterTuningJobObjective { get; init; }
    /// <summary>Required. The ResourceLimits object that specifies the maximum number of training and parallel training jobs that can be used for this hyperparameter tuning job.</summary>
    public required ResourceLimits ResourceLimits { get; init; }
    /// <summary>The ParameterRanges object that specifies the ranges of hyperparameters that this tuning job searches over to find the optimal configuration for the highest model performance against your chosen objective metric.</summary>
    public ParameterRanges? ParameterRanges { get; init; }
    /// <summary>Specifies whether to use early stopping for training jobs launched by the hyperparameter tuning job. Values in <see cref="Detector.Operator.Aws.TrainingJobEarlyStoppingType"/>.</summary>
    public string? TrainingJobEarlyStoppingType { get; init; }
    /// <summary>The tuning job's completion criteria.</summary>
    public TuningJobCompletionCriteria? TuningJobCompletionCriteria { get; init; }
    /// <summary>A value used to initialize a pseudo-random number generator. Range at least 0.</summary>
    public int? RandomSeed { get; init; }
}

/// <summary>The total resources consumed by your hyperparameter tuning job.</summary>
public sealed record HyperParameterTuningJobConsumedResources
{
    /// <summary>The wall clock runtime in seconds used by your hyperparameter tuning job.</summary>
    public int? RuntimeInSeconds { get; init; }
}

/// <summary>Defines the objective metric for a hyperparameter tuning job.</summary>
public sealed record HyperParameterTuningJobObjective
{
    /// <summary>Required. Whether to minimize or maximize the objective metric. Values in <see cref="Detector.Operator.Aws.HyperParameterTuningJobObjectiveType"/>.</summary>
    public required string Type { get; init; }
    /// <summary>Required. The name of the metric to use for the objective metric. Length 1–255.</summary>
    public required string MetricName { get; init; }
}

/// <summary>The configuration for a training job launched by a hyperparameter tuning job.</summary>
public sealed record HyperParameterTuningJobStrategyConfig
{
    /// <summary>The configuration for the object that specifies the Hyperband strategy.</summary>
    public HyperbandStrategyConfig? HyperbandStrategyConfig { get; init; }
}

/// <summary>Specifies the configuration for a hyperparameter tuning job that uses one or more previous hyperparameter tuning jobs as a starting point.</summary>
public sealed record HyperParameterTuningJobWarmStartConfig
{
    /// <summary>Required. An array of hyperparameter tuning jobs that are used as the starting point for the new hyperparameter tuning job. Items 1–5.</summary>
    public required List<ParentHyperParameterTuningJob> ParentHyperParameterTuningJobs { get; init; }
    /// <summary>Required. Specifies one of the following: IDENTICAL_DATA_AND_ALGORITHM The new hyperparameter tuning job uses the same input data and training image as the parent tuning jobs. Values in <see cref="Detector.Operator.Aws.HyperParameterTuningJobWarmStartType"/>.</summary>
    public required string WarmStartType { get; init; }
}

/// <summary>The configuration of resources, including compute instances and storage volumes for use in training jobs launched by hyperparameter tuning jobs.</summary>
public sealed record HyperParameterTuningResourceConfig
{
    /// <summary>The instance type used to run hyperparameter optimization tuning jobs. One of the TrainingInstanceType values.</summary>
    public string? InstanceType { get; init; }
    /// <summary>The number of compute instances of type InstanceType to use. Range at least 0.</summary>
    public int? InstanceCount { get; init; }
    /// <summary>The volume size in GB for the storage volume to be used in processing hyperparameter optimization jobs (optional). Range at least 0.</summary>
    public int? VolumeSizeInGB { get; init; }
    /// <summary>A key used by Amazon Web Services Key Management Service to encrypt data on the storage volume attached to the compute instances used to run the training job. Length 0–2048.</summary>
    public string? VolumeKmsKeyId { get; init; }
    /// <summary>The strategy that determines the order of preference for resources specified in InstanceConfigs used in hyperparameter optimization. Values in <see cref="Detector.Operator.Aws.HyperParameterTuningAllocationStrategy"/>.</summary>
    public string? AllocationStrategy { get; init; }
    /// <summary>A list containing the configuration(s) for one or more resources for processing hyperparameter jobs. Items 1–6.</summary>
    public List<HyperParameterTuningInstanceConfig>? InstanceConfigs { get; init; }
}

/// <summary>The configuration for Hyperband, a multi-fidelity based hyperparameter tuning strategy.</summary>
public sealed record HyperbandStrategyConfig
{
    /// <summary>The minimum number of resources (such as epochs) that can be used by a training job launched by a hyperparameter tuning job. Range at least 1.</summary>
    public int? MinResource { get; init; }
    /// <summary>The maximum number of resources (such as epochs) that can be used by a training job launched by a hyperparameter tuning job. Range at least 1.</summary>
    public int? MaxResource { get; init; }
}

/// <summary>For a hyperparameter of the integer type, specifies the range that a hyperparameter tuning job searches.</summary>
public sealed record IntegerParameterRange
{
    /// <summary>Required. The name of the hyperparameter to search. Length 0–256.</summary>
    public required string Name { get; init; }
    /// <summary>Required. The minimum value of the hyperparameter to search. Length 0–256.</summary>
    public required string MinValue { get; init; }
    /// <summary>Required. The maximum value of the hyperparameter to search. Length 0–256.</summary>
    public required string MaxValue { get; init; }
    /// <summary>The scale that hyperparameter tuning uses to search the hyperparameter range. Values in <see cref="Detector.Operator.Aws.HyperParameterScalingType"/>.</summary>
    public string? ScalingType { get; init; }
}

/// <summary>Specifies the number of training jobs that this hyperparameter tuning job launched, categorized by the status of their objective metric.</summary>
public sealed record ObjectiveStatusCounters
{
    /// <summary>The number of training jobs whose final objective metric was evaluated by the hyperparameter tuning job and used in the hyperparameter tuning process. Range at least 0.</summary>
    public int? Succeeded { get; init; }
    /// <summary>The number of training jobs that are in progress and pending evaluation of their final objective metric. Range at least 0.</summary>
    public int? Pending { get; init; }
    /// <summary>The number of training jobs whose final objective metric was not evaluated and used in the hyperparameter tuning process. Range at least 0.</summary>
    public int? Failed { get; init; }
}

/// <summary>Specifies ranges of integer, continuous, and categorical hyperparameters that a hyperparameter tuning job searches.</summary>
public sealed record ParameterRanges
{
    /// <summary>The array of IntegerParameterRange objects that specify ranges of integer hyperparameters that a hyperparameter tuning job searches. Items 0–30.</summary>
    public List<IntegerParameterRange>? IntegerParameterRanges { get; init; }
    /// <summary>The array of ContinuousParameterRange objects that specify ranges of continuous hyperparameters that a hyperparameter tuning job searches. Items 0–30.</summary>
    public List<ContinuousParameterRange>? ContinuousParameterRanges { get; init; }
    /// <summary>The array of CategoricalParameterRange objects that specify ranges of categorical hyperparameters that a hyperparameter tuning job searches. Items 0–30.</summary>
    public List<CategoricalParameterRange>? CategoricalParameterRanges { get; init; }
    /// <summary>A list containing hyperparameter names and example values to be used by Autotune to determine optimal ranges for your tuning job. Items 0–100.</summary>
    public List<AutoParameter>? AutoParameters { get; init; }
}

/// <summary>A previously completed or stopped hyperparameter tuning job to be used as a starting point for a new hyperparameter tuning job.</summary>
public sealed record ParentHyperParameterTuningJob
{
    /// <summary>The name of the hyperparameter tuning job to be used as a starting point for a new hyperparameter tuning job. Length 1–32.</summary>
    public string? HyperParameterTuningJobName { get; init; }
}
