// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Values of the SageMaker CustomizationTechnique enumeration (the wire carries plain strings).</summary>
public static class CustomizationTechnique
{
    /// <summary>The value <c>SFT</c>.</summary>
    public const string SFT = "SFT";
    /// <summary>The value <c>DPO</c>.</summary>
    public const string DPO = "DPO";
    /// <summary>The value <c>RLVR</c>.</summary>
    public const string RLVR = "RLVR";
    /// <summary>The value <c>RLAIF</c>.</summary>
    public const string RLAIF = "RLAIF";
}

/// <summary>Values of the SageMaker EvaluationType enumeration (the wire carries plain strings).</summary>
public static class EvaluationType
{
    /// <summary>The value <c>LLMAJEvaluation</c>.</summary>
    public const string LLMAJEvaluation = "LLMAJEvaluation";
    /// <summary>The value <c>CustomScorerEvaluation</c>.</summary>
    public const string CustomScorerEvaluation = "CustomScorerEvaluation";
    /// <summary>The value <c>BenchmarkEvaluation</c>.</summary>
    public const string BenchmarkEvaluation = "BenchmarkEvaluation";
}

/// <summary>Values of the SageMaker Peft enumeration (the wire carries plain strings).</summary>
public static class Peft
{
    /// <summary>The value <c>LORA</c>.</summary>
    public const string LORA = "LORA";
}

/// <summary>Values of the SageMaker ProfilingStatus enumeration (the wire carries plain strings).</summary>
public static class ProfilingStatus
{
    /// <summary>The value <c>Enabled</c>.</summary>
    public const string Enabled = "Enabled";
    /// <summary>The value <c>Disabled</c>.</summary>
    public const string Disabled = "Disabled";
}

/// <summary>Values of the SageMaker RuleEvaluationStatus enumeration (the wire carries plain strings).</summary>
public static class RuleEvaluationStatus
{
    /// <summary>The value <c>InProgress</c>.</summary>
    public const string InProgress = "InProgress";
    /// <summary>The value <c>NoIssuesFound</c>.</summary>
    public const string NoIssuesFound = "NoIssuesFound";
    /// <summary>The value <c>IssuesFound</c>.</summary>
    public const string IssuesFound = "IssuesFound";
    /// <summary>The value <c>Error</c>.</summary>
    public const string Error = "Error";
    /// <summary>The value <c>Stopping</c>.</summary>
    public const string Stopping = "Stopping";
    /// <summary>The value <c>Stopped</c>.</summary>
    public const string Stopped = "Stopped";
}

/// <summary>Values of the SageMaker SecondaryStatus enumeration (the wire carries plain strings).</summary>
public static class SecondaryStatus
{
    /// <summary>The value <c>Starting</c>.</summary>
    public const string Starting = "Starting";
    /// <summary>The value <c>LaunchingMLInstances</c>.</summary>
    public const string LaunchingMLInstances = "LaunchingMLInstances";
    /// <summary>The value <c>PreparingTrainingStack</c>.</summary>
    public const string PreparingTrainingStack = "PreparingTrainingStack";
    /// <summary>The value <c>Downloading</c>.</summary>
    public const string Downloading = "Downloading";
    /// <summary>The value <c>DownloadingTrainingImage</c>.</summary>
    public const string DownloadingTrainingImage = "DownloadingTrainingImage";
    /// <summary>The value <c>Training</c>.</summary>
    public const string Training = "Training";
    /// <summary>The value <c>Uploading</c>.</summary>
    public const string Uploading = "Uploading";
    /// <summary>The value <c>Stopping</c>.</summary>
    public const string Stopping = "Stopping";
    /// <summary>The value <c>Stopped</c>.</summary>
    public const string Stopped = "Stopped";
    /// <summary>The value <c>MaxRuntimeExceeded</c>.</summary>
    public const string MaxRuntimeExceeded = "MaxRuntimeExceeded";
    /// <summary>The value <c>Completed</c>.</summary>
    public const string Completed = "Completed";
    /// <summary>The value <c>Failed</c>.</summary>
    public const string Failed = "Failed";
    /// <summary>The value <c>Interrupted</c>.</summary>
    public const string Interrupted = "Interrupted";
    /// <summary>The value <c>MaxWaitTimeExceeded</c>.</summary>
    public const string MaxWaitTimeExceeded = "MaxWaitTimeExceeded";
    /// <summary>The value <c>Updating</c>.</summary>
    public const string Updating = "Updating";
    /// <summary>The value <c>Restarting</c>.</summary>
    public const string Restarting = "Restarting";
    /// <summary>The value <c>Pending</c>.</summary>
    public const string Pending = "Pending";
}

/// <summary>Values of the SageMaker ServerlessJobType enumeration (the wire carries plain strings).</summary>
public static class ServerlessJobType
{
    /// <summary>The value <c>FineTuning</c>.</summary>
    public const string FineTuning = "FineTuning";
    /// <summary>The value <c>Evaluation</c>.</summary>
    public const string Evaluation = "Evaluation";
}

/// <summary>Values of the SageMaker TrainingRepositoryAccessMode enumeration (the wire carries plain strings).</summary>
public static class TrainingRepositoryAccessMode
{
    /// <summary>The value <c>Platform</c>.</summary>
    public const string Platform = "Platform";
    /// <summary>The value <c>Vpc</c>.</summary>
    public const string Vpc = "Vpc";
}

/// <summary>Values of the SageMaker WarmPoolResourceStatus enumeration (the wire carries plain strings).</summary>
public static class WarmPoolResourceStatus
{
    /// <summary>The value <c>Available</c>.</summary>
    public const string Available = "Available";
    /// <summary>The value <c>Terminated</c>.</summary>
    public const string Terminated = "Terminated";
    /// <summary>The value <c>Reused</c>.</summary>
    public const string Reused = "Reused";
    /// <summary>The value <c>InUse</c>.</summary>
    public const string InUse = "InUse";
}
