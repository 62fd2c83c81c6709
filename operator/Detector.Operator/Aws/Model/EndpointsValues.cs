// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Values of the SageMaker CapacitySizeType enumeration (the wire carries plain strings).</summary>
public static class CapacitySizeType
{
    /// <summary>The value <c>INSTANCE_COUNT</c>.</summary>
    public const string INSTANCE_COUNT = "INSTANCE_COUNT";
    /// <summary>The value <c>CAPACITY_PERCENT</c>.</summary>
    public const string CAPACITY_PERCENT = "CAPACITY_PERCENT";
}

/// <summary>Values of the SageMaker CaptureStatus enumeration (the wire carries plain strings).</summary>
public static class CaptureStatus
{
    /// <summary>The value <c>Started</c>.</summary>
    public const string Started = "Started";
    /// <summary>The value <c>Stopped</c>.</summary>
    public const string Stopped = "Stopped";
}

/// <summary>Values of the SageMaker EndpointStatus enumeration (the wire carries plain strings).</summary>
public static class EndpointStatus
{
    /// <summary>The value <c>OutOfService</c>.</summary>
    public const string OutOfService = "OutOfService";
    /// <summary>The value <c>Creating</c>.</summary>
    public const string Creating = "Creating";
    /// <summary>The value <c>Updating</c>.</summary>
    public const string Updating = "Updating";
    /// <summary>The value <c>SystemUpdating</c>.</summary>
    public const string SystemUpdating = "SystemUpdating";
    /// <summary>The value <c>RollingBack</c>.</summary>
    public const string RollingBack = "RollingBack";
    /// <summary>The value <c>InService</c>.</summary>
    public const string InService = "InService";
    /// <summary>The value <c>Deleting</c>.</summary>
    public const string Deleting = "Deleting";
    /// <summary>The value <c>Failed</c>.</summary>
    public const string Failed = "Failed";
    /// <summary>The value <c>UpdateRollbackFailed</c>.</summary>
    public const string UpdateRollbackFailed = "UpdateRollbackFailed";
}

/// <summary>Values of the SageMaker TrafficRoutingConfigType enumeration (the wire carries plain strings).</summary>
public static class TrafficRoutingConfigType
{
    /// <summary>The value <c>ALL_AT_ONCE</c>.</summary>
    public const string ALL_AT_ONCE = "ALL_AT_ONCE";
    /// <summary>The value <c>CANARY</c>.</summary>
    public const string CANARY = "CANARY";
    /// <summary>The value <c>LINEAR</c>.</summary>
    public const string LINEAR = "LINEAR";
}

/// <summary>Values of the SageMaker VariantPropertyType enumeration (the wire carries plain strings).</summary>
public static class VariantPropertyType
{
    /// <summary>The value <c>DesiredInstanceCount</c>.</summary>
    public const string DesiredInstanceCount = "DesiredInstanceCount";
    /// <summary>The value <c>DesiredWeight</c>.</summary>
    public const string DesiredWeight = "DesiredWeight";
    /// <summary>The value <c>DataCaptureConfig</c>.</summary>
    public const string DataCaptureConfig = "DataCaptureConfig";
}

/// <summary>Values of the SageMaker VariantStatus enumeration (the wire carries plain strings).</summary>
public static class VariantStatus
{
    /// <summary>The value <c>Creating</c>.</summary>
    public const string Creating = "Creating";
    /// <summary>The value <c>Updating</c>.</summary>
    public const string Updating = "Updating";
    /// <summary>The value <c>Deleting</c>.</summary>
    public const string Deleting = "Deleting";
    /// <summary>The value <c>ActivatingTraffic</c>.</summary>
    public const string ActivatingTraffic = "ActivatingTraffic";
    /// <summary>The value <c>Baking</c>.</summary>
    public const string Baking = "Baking";
}
