// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Values of the SageMaker AvailabilityZoneBalanceEnforcementMode enumeration (the wire carries plain strings).</summary>
public static class AvailabilityZoneBalanceEnforcementMode
{
    /// <summary>The value <c>PERMISSIVE</c>.</summary>
    public const string PERMISSIVE = "PERMISSIVE";
}

/// <summary>Values of the SageMaker InferenceComponentCapacitySizeType enumeration (the wire carries plain strings).</summary>
public static class InferenceComponentCapacitySizeType
{
    /// <summary>The value <c>COPY_COUNT</c>.</summary>
    public const string COPY_COUNT = "COPY_COUNT";
    /// <summary>The value <c>CAPACITY_PERCENT</c>.</summary>
    public const string CAPACITY_PERCENT = "CAPACITY_PERCENT";
}

/// <summary>Values of the SageMaker InferenceComponentPlacementStrategy enumeration (the wire carries plain strings).</summary>
public static class InferenceComponentPlacementStrategy
{
    /// <summary>The value <c>SPREAD</c>.</summary>
    public const string SPREAD = "SPREAD";
    /// <summary>The value <c>BINPACK</c>.</summary>
    public const string BINPACK = "BINPACK";
}

/// <summary>Values of the SageMaker InferenceComponentStatus enumeration (the wire carries plain strings).</summary>
public static class InferenceComponentStatus
{
    /// <summary>The value <c>InService</c>.</summary>
    public const string InService = "InService";
    /// <summary>The value <c>Creating</c>.</summary>
    public const string Creating = "Creating";
    /// <summary>The value <c>Updating</c>.</summary>
    public const string Updating = "Updating";
    /// <summary>The value <c>Failed</c>.</summary>
    public const string Failed = "Failed";
    /// <summary>The value <c>Deleting</c>.</summary>
    public const string Deleting = "Deleting";
}
