// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Specifies the maximum number of training jobs and parallel training jobs that a hyperparameter tuning job can launch.</summary>
public sealed record ResourceLimits
{
    /// <summary>The maximum number of training jobs that a hyperparameter tuning job can launch. Range at least 1.</summary>
    public int? MaxNumberOfTrainingJobs { get; init; }
    /// <summary>Required. The maximum number of concurrent training jobs that a hyperparameter tuning job can launch. Range at least 1.</summary>
    public required int MaxParallelTrainingJobs { get; init; }
    /// <summary>The maximum time in seconds that a hyperparameter tuning job can run. Range 120–15768000.</summary>
    public int? MaxRuntimeInSeconds { get; init; }
}

/// <summary>The numbers of training jobs launched by a hyperparameter tuning job, categorized by status.</summary>
public sealed record TrainingJobStatusCounters
{
    /// <summary>The number of completed training jobs launched by the hyperparameter tuning job. Range at least 0.</summary>
    public int? Completed { get; init; }
    /// <summary>The number of in-progress training jobs launched by a hyperparameter tuning job. Range at least 0.</summary>
    public int? InProgress { get; init; }
    /// <summary>The number of training jobs that failed, but can be retried. Range at least 0.</summary>
    public int? RetryableError { get; init; }
    /// <summary>The number of training jobs that failed and can't be retried. Range at least 0.</summary>
    public int? NonRetryableError { get; init; }
    /// <summary>The number of training jobs launched by a hyperparameter tuning job that were manually stopped. Range at least 0.</summary>
    public int? Stopped { get; init; }
}

/// <summary>The job completion criteria.</summary>
public sealed record TuningJobCompletionCriteria
{
    /// <summary>The value of the objective metric.</summary>
    public double? TargetObjectiveMetricValue { get; init; }
    /// <summary>A flag to stop your hyperparameter tuning job if model performance fails to improve as evaluated against an objective function.</summary>
    public BestObjectiveNotImproving? BestObjectiveNotImproving { get; init; }
    /// <summary>A flag to top your hyperparameter tuning job if automatic model tuning (AMT) has detected that your model has converged as evaluated against your objective function.</summary>
    public ConvergenceDetected? ConvergenceDetected { get; init; }
}
