// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Values of the SageMaker AutotuneMode enumeration (the wire carries plain strings).</summary>
public static class AutotuneMode
{
    /// <summary>The value <c>Enabled</c>.</summary>
    public const string Enabled = "Enabled";
}

/// <summary>Values of the SageMaker CompleteOnConvergence enumeration (the wire carries plain strings).</summary>
public static class CompleteOnConvergence
{
    /// <summary>The value <c>Disabled</c>.</summary>
    public const string Disabled = "Disabled";
    /// <summary>The value <c>Enabled</c>.</summary>
    public const string Enabled = "Enabled";
}

/// <summary>Values of the SageMaker HyperParameterScalingType enumeration (the wire carries plain strings).</summary>
public static class HyperParameterScalingType
{
    /// <summary>The value <c>Auto</c>.</summary>
    public const string Auto = "Auto";
    /// <summary>The value <c>Linear</c>.</summary>
    public const string Linear = "Linear";
    /// <summary>The value <c>Logarithmic</c>.</summary>
    public const string Logarithmic = "Logarithmic";
    /// <summary>The value <c>ReverseLogarithmic</c>.</summary>
    public const string ReverseLogarithmic = "ReverseLogarithmic";
}

/// <summary>Values of the SageMaker HyperParameterTuningAllocationStrategy enumeration (the wire carries plain strings).</summary>
public static class HyperParameterTuningAllocationStrategy
{
    /// <summary>The value <c>Prioritized</c>.</summary>
    public const string Prioritized = "Prioritized";
}

/// <summary>Values of the SageMaker HyperParameterTuningJobObjectiveType enumeration (the wire carries plain strings).</summary>
public static class HyperParameterTuningJobObjectiveType
{
    /// <summary>The value <c>Maximize</c>.</summary>
    public const string Maximize = "Maximize";
    /// <summary>The value <c>Minimize</c>.</summary>
    public const string Minimize = "Minimize";
}

/// <summary>Values of the SageMaker HyperParameterTuningJobStatus enumeration (the wire carries plain strings).</summary>
public static class HyperParameterTuningJobStatus
{
    /// <summary>The value <c>Completed</c>.</summary>
    public const string Completed = "Completed";
    /// <summary>The value <c>InProgress</c>.</summary>
    public const string InProgress = "InProgress";
    /// <summary>The value <c>Failed</c>.</summary>
    public const string Failed = "Failed";
    /// <summary>The value <c>Stopped</c>.</summary>
    public const string Stopped = "Stopped";
    /// <summary>The value <c>Stopping</c>.</summary>
    public const string Stopping = "Stopping";
    /// <summary>The value <c>Deleting</c>.</summary>
    public const string Deleting = "Deleting";
    /// <summary>The value <c>DeleteFailed</c>.</summary>
    public const string DeleteFailed = "DeleteFailed";
}

/// <summary>Values of the SageMaker HyperParameterTuningJobStrategyType enumeration (the wire carries plain strings).</summary>
public static class HyperParameterTuningJobStrategyType
{
    /// <summary>The value <c>Bayesian</c>.</summary>
    public const string Bayesian = "Bayesian";
    /// <summary>The value <c>Random</c>.</summary>
    public const string Random = "Random";
    /// <summary>The value <c>Hyperband</c>.</summary>
    public const string Hyperband = "Hyperband";
    /// <summary>The value <c>Grid</c>.</summary>
    public const string Grid = "Grid";
}

/// <summary>Values of the SageMaker HyperParameterTuningJobWarmStartType enumeration (the wire carries plain strings).</summary>
public static class HyperParameterTuningJobWarmStartType
{
    /// <summary>The value <c>IdenticalDataAndAlgorithm</c>.</summary>
    public const string IdenticalDataAndAlgorithm = "IdenticalDataAndAlgorithm";
    /// <summary>The value <c>TransferLearning</c>.</summary>
    public const string TransferLearning = "TransferLearning";
}

/// <summary>Values of the SageMaker ObjectiveStatus enumeration (the wire carries plain strings).</summary>
public static class ObjectiveStatus
{
    /// <summary>The value <c>Succeeded</c>.</summary>
    public const string Succeeded = "Succeeded";
    /// <summary>The value <c>Pending</c>.</summary>
    public const string Pending = "Pending";
    /// <summary>The value <c>Failed</c>.</summary>
    public const string Failed = "Failed";
}

/// <summary>Values of the SageMaker SortOrder enumeration (the wire carries plain strings).</summary>
public static class SortOrder
{
    /// <summary>The value <c>Ascending</c>.</summary>
    public const string Ascending = "Ascending";
    /// <summary>The value <c>Descending</c>.</summary>
    public const string Descending = "Descending";
}

/// <summary>Values of the SageMaker TrainingJobEarlyStoppingType enumeration (the wire carries plain strings).</summary>
public static class TrainingJobEarlyStoppingType
{
    /// <summary>The value <c>Off</c>.</summary>
    public const string Off = "Off";
    /// <summary>The value <c>Auto</c>.</summary>
    public const string Auto = "Auto";
}

/// <summary>Values of the SageMaker TrainingJobSortByOptions enumeration (the wire carries plain strings).</summary>
public static class TrainingJobSortByOptions
{
    /// <summary>The value <c>Name</c>.</summary>
    public const string Name = "Name";
    /// <summary>The value <c>CreationTime</c>.</summary>
    public const string CreationTime = "CreationTime";
    /// <summary>The value <c>Status</c>.</summary>
    public const string Status = "Status";
    /// <summary>The value <c>FinalObjectiveMetricValue</c>.</summary>
    public const string FinalObjectiveMetricValue = "FinalObjectiveMetricValue";
}
