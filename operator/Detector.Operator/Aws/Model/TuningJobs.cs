// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Request of CreateHyperParameterTuningJob: starts a hyperparameter tuning job.</summary>
public sealed record CreateHyperParameterTuningJobRequest
{
    /// <summary>Required. The name of the tuning job. Length 1–32.</summary>
    public required string HyperParameterTuningJobName { get; init; }
    /// <summary>Required. The HyperParameterTuningJobConfig object that describes the tuning job, including the search strategy, the objective metric used to evaluate training jobs, ranges of parameters to search, and resource limits for the...</summary>
    public required HyperParameterTuningJobConfig HyperParameterTuningJobConfig { get; init; }
    /// <summary>The HyperParameterTrainingJobDefinition object that describes the training jobs that this tuning job launches, including static hyperparameters, input data configuration, output data configuration, resource...</summary>
    public HyperParameterTrainingJobDefinition? TrainingJobDefinition { get; init; }
    /// <summary>A list of the HyperParameterTrainingJobDefinition objects launched for this tuning job. Items 1–10.</summary>
    public List<HyperParameterTrainingJobDefinition>? TrainingJobDefinitions { get; init; }
    /// <summary>Specifies the configuration for starting the hyperparameter tuning job using one or more previous tuning jobs as a starting point.</summary>
    public HyperParameterTuningJobWarmStartConfig? WarmStartConfig { get; init; }
    /// <summary>An array of key-value pairs. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
    /// <summary>Configures SageMaker Automatic model tuning (AMT) to automatically find optimal parameters for the following fields: ParameterRanges: The names and ranges of parameters that a hyperparameter tuning job can optimize.</summary>
    public Autotune? Autotune { get; init; }
}

/// <summary>Response of CreateHyperParameterTuningJob.</summary>
public sealed record CreateHyperParameterTuningJobResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the tuning job. Length 0–256.</summary>
    public required string HyperParameterTuningJobArn { get; init; }
}

/// <summary>Request of DescribeHyperParameterTuningJob: returns a description of a hyperparameter tuning job, depending on the fields selected.</summary>
public sealed record DescribeHyperParameterTuningJobRequest
{
    /// <summary>Required. The name of the tuning job. Length 1–32.</summary>
    public required string HyperParameterTuningJobName { get; init; }
}

/// <summary>Response of DescribeHyperParameterTuningJob.</summary>
public sealed record DescribeHyperParameterTuningJobResponse
{
    /// <summary>Required. The name of the hyperparameter tuning job. Length 1–32.</summary>
    public required string HyperParameterTuningJobName { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the tuning job. Length 0–256.</summary>
    public required string HyperParameterTuningJobArn { get; init; }
    /// <summary>Required. The HyperParameterTuningJobConfig object that specifies the configuration of the tuning job.</summary>
    public required HyperParameterTuningJobConfig HyperParameterTuningJobConfig { get; init; }
    /// <summary>The HyperParameterTrainingJobDefinition object that specifies the definition of the training jobs that this tuning job launches.</summary>
    public HyperParameterTrainingJobDefinition? TrainingJobDefinition { get; init; }
    /// <summary>A list of the HyperParameterTrainingJobDefinition objects launched for this tuning job. Items 1–10.</summary>
    public List<HyperParameterTrainingJobDefinition>? TrainingJobDefinitions { get; init; }
    /// <summary>Required. The status of the tuning job. Values in <see cref="Detector.Operator.Aws.HyperParameterTuningJobStatus"/>.</summary>
    public required string HyperParameterTuningJobStatus { get; init; }
    /// <summary>Required. The date and time that the tuning job started.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>The date and time that the tuning job ended.</summary>
    public DateTimeOffset? HyperParameterTuningEndTime { get; init; }
    /// <summary>The date and time that the status of the tuning job was modified.</summary>
    public DateTimeOffset? LastModifiedTime { get; init; }
    /// <summary>Required. The TrainingJobStatusCounters object that specifies the number of training jobs, categorized by status, that this tuning job launched.</summary>
    public required TrainingJobStatusCounters TrainingJobStatusCounters { get; init; }
    /// <summary>Required. The ObjectiveStatusCounters object that specifies the number of training jobs, categorized by the status of their final objective metric, that this tuning job launched.</summary>
    public required ObjectiveStatusCounters ObjectiveStatusCounters { get; init; }
    /// <summary>A TrainingJobSummary object that describes the training job that completed with the best current HyperParameterTuningJobObjective.</summary>
    public HyperParameterTrainingJobSummary? BestTrainingJob { get; init; }
    /// <summary>If the hyperparameter tuning job is an warm start tuning job with a WarmStartType of IDENTICAL_DATA_AND_ALGORITHM, this is the TrainingJobSummary for the training job with the best objective metric value of all training...</summary>
    public HyperParameterTrainingJobSummary? OverallBestTrainingJob { get; init; }
    /// <summary>The configuration for starting the hyperparameter parameter tuning job using one or more previous tuning jobs as a starting point.</summary>
    public HyperParameterTuningJobWarmStartConfig? WarmStartConfig { get; init; }
    /// <summary>A flag to indicate if autotune is enabled for the hyperparameter tuning job.</summary>
    public Autotune? Autotune { get; init; }
    /// <summary>If the tuning job failed, the reason it failed. Length 0–1024.</summary>
    public string? FailureReason { get; init; }
    /// <summary>Tuning job completion information returned as the response from a hyperparameter tuning job.</summary>
    public HyperParameterTuningJobCompletionDetails? TuningJobCompletionDetails { get; init; }
    /// <summary>The total resources consumed by your hyperparameter tuning job.</summary>
    public HyperParameterTuningJobConsumedResources? ConsumedResources { get; init; }
}

/// <summary>Request of StopHyperParameterTuningJob: stops a running hyperparameter tuning job and all running training jobs that the tuning job launched.</summary>
public sealed record StopHyperParameterTuningJobRequest
{
    /// <summary>Required. The name of the tuning job to stop. Length 1–32.</summary>
    public required string HyperParameterTuningJobName { get; init; }
}

/// <summary>Response of StopHyperParameterTuningJob (the operation returns no members).</summary>
public sealed record StopHyperParameterTuningJobResponse;

/// <summary>Request of ListTrainingJobsForHyperParameterTuningJob: gets a list of TrainingJobSummary objects that describe the training jobs that a hyperparameter tuning job launched.</summary>
public sealed record ListTrainingJobsForHyperParameterTuningJobRequest
{
    /// <summary>Required. The name of the tuning job whose training jobs you want to list. Length 1–32.</summary>
    public required string HyperParameterTuningJobName { get; init; }
    /// <summary>If the result of the previous ListTrainingJobsForHyperParameterTuningJob request was truncated, the response includes a NextToken. Length 0–8192.</summary>
    public string? NextToken { get; init; }
    /// <summary>The maximum number of training jobs to return. Range 1–100.</summary>
    public int? MaxResults { get; init; }
    /// <summary>A filter that returns only training jobs with the specified status. Values in <see cref="Detector.Operator.Aws.TrainingJobStatus"/>.</summary>
    public string? StatusEquals { get; init; }
    /// <summary>The field to sort results by. Values in <see cref="Detector.Operator.Aws.TrainingJobSortByOptions"/>.</summary>
    public string? SortBy { get; init; }
    /// <summary>The sort order for results. Values in <see cref="Detector.Operator.Aws.SortOrder"/>.</summary>
    public string? SortOrder { get; init; }
}

/// <summary>Response of ListTrainingJobsForHyperParameterTuningJob.</summary>
public sealed record ListTrainingJobsForHyperParameterTuningJobResponse
{
    /// <summary>Required. A list of TrainingJobSummary objects that describe the training jobs that the ListTrainingJobsForHyperParameterTuningJob request returned.</summary>
    public required List<HyperParameterTrainingJobSummary> TrainingJobSummaries { get; init; }
    /// <summary>If the result of this ListTrainingJobsForHyperParameterTuningJob request was truncated, the response includes a NextToken. Length 0–8192.</summary>
    public string? NextToken { get; init; }
}
