// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Values of the SageMaker AsyncNotificationTopicTypes enumeration (the wire carries plain strings).</summary>
public static class AsyncNotificationTopicTypes
{
    /// <summary>The value <c>SUCCESS_NOTIFICATION_TOPIC</c>.</summary>
    public const string SUCCESS_NOTIFICATION_TOPIC = "SUCCESS_NOTIFICATION_TOPIC";
    /// <summary>The value <c>ERROR_NOTIFICATION_TOPIC</c>.</summary>
    public const string ERROR_NOTIFICATION_TOPIC = "ERROR_NOTIFICATION_TOPIC";
}

/// <summary>Values of the SageMaker CapacityReservationPreference enumeration (the wire carries plain strings).</summary>
public static class CapacityReservationPreference
{
    /// <summary>The value <c>capacity-reservations-only</c>.</summary>
    public const string Capacity_reservations_only = "capacity-reservations-only";
}

/// <summary>Values of the SageMaker ClarifyFeatureType enumeration (the wire carries plain strings).</summary>
public static class ClarifyFeatureType
{
    /// <summary>The value <c>numerical</c>.</summary>
    public const string Numerical = "numerical";
    /// <summary>The value <c>categorical</c>.</summary>
    public const string Categorical = "categorical";
    /// <summary>The value <c>text</c>.</summary>
    public const string Text = "text";
}

/// <summary>Values of the SageMaker ClarifyTextGranularity enumeration (the wire carries plain strings).</summary>
public static class ClarifyTextGranularity
{
    /// <summary>The value <c>token</c>.</summary>
    public const string Token = "token";
    /// <summary>The value <c>sentence</c>.</summary>
    public const string Sentence = "sentence";
    /// <summary>The value <c>paragraph</c>.</summary>
    public const string Paragraph = "paragraph";
}

/// <summary>Values of the SageMaker ManagedInstanceScalingScaleInStrategy enumeration (the wire carries plain strings).</summary>
public static class ManagedInstanceScalingScaleInStrategy
{
    /// <summary>The value <c>IDLE_RELEASE</c>.</summary>
    public const string IDLE_RELEASE = "IDLE_RELEASE";
    /// <summary>The value <c>CONSOLIDATION</c>.</summary>
    public const string CONSOLIDATION = "CONSOLIDATION";
}

/// <summary>Values of the SageMaker ManagedInstanceScalingStatus enumeration (the wire carries plain strings).</summary>
public static class ManagedInstanceScalingStatus
{
    /// <summary>The value <c>ENABLED</c>.</summary>
    public const string ENABLED = "ENABLED";
    /// <summary>The value <c>DISABLED</c>.</summary>
    public const string DISABLED = "DISABLED";
}

/// <summary>Values of the SageMaker ModelCompressionType enumeration (the wire carries plain strings).</summary>
public static class ModelCompressionType
{
    /// <summary>The value <c>None</c>.</summary>
    public const string None = "None";
    /// <summary>The value <c>Gzip</c>.</summary>
    public const string Gzip = "Gzip";
}

/// <summary>Values of the SageMaker ProductionVariantAcceleratorType enumeration (the wire carries plain strings).</summary>
public static class ProductionVariantAcceleratorType
{
    /// <summary>The value <c>ml.eia1.medium</c>.</summary>
    public const string Ml_eia1_medium = "ml.eia1.medium";
    /// <summary>The value <c>ml.eia1.large</c>.</summary>
    public const string Ml_eia1_large = "ml.eia1.large";
    /// <summary>The value <c>ml.eia1.xlarge</c>.</summary>
    public const string Ml_eia1_xlarge = "ml.eia1.xlarge";
    /// <summary>The value <c>ml.eia2.medium</c>.</summary>
    public const string Ml_eia2_medium = "ml.eia2.medium";
    /// <summary>The value <c>ml.eia2.large</c>.</summary>
    public const string Ml_eia2_large = "ml.eia2.large";
    /// <summary>The value <c>ml.eia2.xlarge</c>.</summary>
    public const string Ml_eia2_xlarge = "ml.eia2.xlarge";
}

/// <summary>Values of the SageMaker RoutingStrategy enumeration (the wire carries plain strings).</summary>
public static class RoutingStrategy
{
    /// <summary>The value <c>LEAST_OUTSTANDING_REQUESTS</c>.</summary>
    public const string LEAST_OUTSTANDING_REQUESTS = "LEAST_OUTSTANDING_REQUESTS";
    /// <summary>The value <c>RANDOM</c>.</summary>
    public const string RANDOM = "RANDOM";
}

/// <summary>Values of the SageMaker S3ModelDataType enumeration (the wire carries plain strings).</summary>
public static class S3ModelDataType
{
    /// <summary>The value <c>S3Prefix</c>.</summary>
    public const string S3Prefix = "S3Prefix";
    /// <summary>The value <c>S3Object</c>.</summary>
    public const string S3Object = "S3Object";
}
