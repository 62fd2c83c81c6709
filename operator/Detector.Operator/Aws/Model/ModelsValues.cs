// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Values of the SageMaker ContainerMode enumeration (the wire carries plain strings).</summary>
public static class ContainerMode
{
    /// <summary>The value <c>SingleModel</c>.</summary>
    public const string SingleModel = "SingleModel";
    /// <summary>The value <c>MultiModel</c>.</summary>
    public const string MultiModel = "MultiModel";
}

/// <summary>Values of the SageMaker InferenceExecutionMode enumeration (the wire carries plain strings).</summary>
public static class InferenceExecutionMode
{
    /// <summary>The value <c>Serial</c>.</summary>
    public const string Serial = "Serial";
    /// <summary>The value <c>Direct</c>.</summary>
    public const string Direct = "Direct";
}

/// <summary>Values of the SageMaker ModelCacheSetting enumeration (the wire carries plain strings).</summary>
public static class ModelCacheSetting
{
    /// <summary>The value <c>Enabled</c>.</summary>
    public const string Enabled = "Enabled";
    /// <summary>The value <c>Disabled</c>.</summary>
    public const string Disabled = "Disabled";
}

/// <summary>Values of the SageMaker RecommendationStatus enumeration (the wire carries plain strings).</summary>
public static class RecommendationStatus
{
    /// <summary>The value <c>IN_PROGRESS</c>.</summary>
    public const string IN_PROGRESS = "IN_PROGRESS";
    /// <summary>The value <c>COMPLETED</c>.</summary>
    public const string COMPLETED = "COMPLETED";
    /// <summary>The value <c>FAILED</c>.</summary>
    public const string FAILED = "FAILED";
    /// <summary>The value <c>NOT_APPLICABLE</c>.</summary>
    public const string NOT_APPLICABLE = "NOT_APPLICABLE";
}

/// <summary>Values of the SageMaker RepositoryAccessMode enumeration (the wire carries plain strings).</summary>
public static class RepositoryAccessMode
{
    /// <summary>The value <c>Platform</c>.</summary>
    public const string Platform = "Platform";
    /// <summary>The value <c>Vpc</c>.</summary>
    public const string Vpc = "Vpc";
}
