// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Values of the SageMaker AdditionalS3DataSourceDataType enumeration (the wire carries plain strings).</summary>
public static class AdditionalS3DataSourceDataType
{
    /// <summary>The value <c>S3Object</c>.</summary>
    public const string S3Object = "S3Object";
    /// <summary>The value <c>S3Prefix</c>.</summary>
    public const string S3Prefix = "S3Prefix";
}

/// <summary>Values of the SageMaker AssemblyType enumeration (the wire carries plain strings).</summary>
public static class AssemblyType
{
    /// <summary>The value <c>None</c>.</summary>
    public const string None = "None";
    /// <summary>The value <c>Line</c>.</summary>
    public const string Line = "Line";
}

/// <summary>Values of the SageMaker BatchStrategy enumeration (the wire carries plain strings).</summary>
public static class BatchStrategy
{
    /// <summary>The value <c>MultiRecord</c>.</summary>
    public const string MultiRecord = "MultiRecord";
    /// <summary>The value <c>SingleRecord</c>.</summary>
    public const string SingleRecord = "SingleRecord";
}

/// <summary>Values of the SageMaker DetailedModelPackageStatus enumeration (the wire carries plain strings).</summary>
public static class DetailedModelPackageStatus
{
    /// <summary>The value <c>NotStarted</c>.</summary>
    public const string NotStarted = "NotStarted";
    /// <summary>The value <c>InProgress</c>.</summary>
    public const string InProgress = "InProgress";
    /// <summary>The value <c>Completed</c>.</summary>
    public const string Completed = "Completed";
    /// <summary>The value <c>Failed</c>.</summary>
    public const string Failed = "Failed";
}

/// <summary>Values of the SageMaker IncludedData enumeration (the wire carries plain strings).</summary>
public static class IncludedData
{
    /// <summary>The value <c>AllData</c>.</summary>
    public const string AllData = "AllData";
    /// <summary>The value <c>MetadataOnly</c>.</summary>
    public const string MetadataOnly = "MetadataOnly";
}

/// <summary>Values of the SageMaker ManagedStorageType enumeration (the wire carries plain strings).</summary>
public static class ManagedStorageType
{
    /// <summary>The value <c>Restricted</c>.</summary>
    public const string Restricted = "Restricted";
}

/// <summary>Values of the SageMaker ModelApprovalStatus enumeration (the wire carries plain strings).</summary>
public static class ModelApprovalStatus
{
    /// <summary>The value <c>Approved</c>.</summary>
    public const string Approved = "Approved";
    /// <summary>The value <c>Rejected</c>.</summary>
    public const string Rejected = "Rejected";
    /// <summary>The value <c>PendingManualApproval</c>.</summary>
    public const string PendingManualApproval = "PendingManualApproval";
}

/// <summary>Values of the SageMaker ModelCardStatus enumeration (the wire carries plain strings).</summary>
public static class ModelCardStatus
{
    /// <summary>The value <c>Draft</c>.</summary>
    public const string Draft = "Draft";
    /// <summary>The value <c>PendingReview</c>.</summary>
    public const string PendingReview = "PendingReview";
    /// <summary>The value <c>Approved</c>.</summary>
    public const string Approved = "Approved";
    /// <summary>The value <c>Archived</c>.</summary>
    public const string Archived = "Archived";
}

/// <summary>Values of the SageMaker ModelPackageGroupStatus enumeration (the wire carries plain strings).</summary>
public static class ModelPackageGroupStatus
{
    /// <summary>The value <c>Pending</c>.</summary>
    public const string Pending = "Pending";
    /// <summary>The value <c>InProgress</c>.</summary>
    public const string InProgress = "InProgress";
    /// <summary>The value <c>Completed</c>.</summary>
    public const string Completed = "Completed";
    /// <summary>The value <c>Failed</c>.</summary>
    public const string Failed = "Failed";
    /// <summary>The value <c>Deleting</c>.</summary>
    public const string Deleting = "Deleting";
    /// <summary>The value <c>DeleteFailed</c>.</summary>
    public const string DeleteFailed = "DeleteFailed";
}

/// <summary>Values of the SageMaker ModelPackageRegistrationType enumeration (the wire carries plain strings).</summary>
public static class ModelPackageRegistrationType
{
    /// <summary>The value <c>Logged</c>.</summary>
    public const string Logged = "Logged";
    /// <summary>The value <c>Registered</c>.</summary>
    public const string Registered = "Registered";
}

/// <summary>Values of the SageMaker ModelPackageSortBy enumeration (the wire carries plain strings).</summary>
public static class ModelPackageSortBy
{
    /// <summary>The value <c>Name</c>.</summary>
    public const string Name = "Name";
    /// <summary>The value <c>CreationTime</c>.</summary>
    public const string CreationTime = "CreationTime";
}

/// <summary>Values of the SageMaker ModelPackageStatus enumeration (the wire carries plain strings).</summary>
public static class ModelPackageStatus
{
    /// <summary>The value <c>Pending</c>.</summary>
    public const string Pending = "Pending";
    /// <summary>The value <c>InProgress</c>.</summary>
    public const string InProgress = "InProgress";
    /// <summary>The value <c>Completed</c>.</summary>
    public const string Completed = "Completed";
    /// <summary>The value <c>Failed</c>.</summary>
    public const string Failed = "Failed";
    /// <summary>The value <c>Deleting</c>.</summary>
    public const string Deleting = "Deleting";
}

/// <summary>Values of the SageMaker ModelPackageType enumeration (the wire carries plain strings).</summary>
public static class ModelPackageType
{
    /// <summary>The value <c>Versioned</c>.</summary>
    public const string Versioned = "Versioned";
    /// <summary>The value <c>Unversioned</c>.</summary>
    public const string Unversioned = "Unversioned";
    /// <summary>The value <c>Both</c>.</summary>
    public const string Both = "Both";
}

/// <summary>Values of the SageMaker SkipModelValidation enumeration (the wire carries plain strings).</summary>
public static class SkipModelValidation
{
    /// <summary>The value <c>All</c>.</summary>
    public const string All = "All";
    /// <summary>The value <c>None</c>.</summary>
    public const string None = "None";
}

/// <summary>Values of the SageMaker SplitType enumeration (the wire carries plain strings).</summary>
public static class SplitType
{
    /// <summary>The value <c>None</c>.</summary>
    public const string None = "None";
    /// <summary>The value <c>Line</c>.</summary>
    public const string Line = "Line";
    /// <summary>The value <c>RecordIO</c>.</summary>
    public const string RecordIO = "RecordIO";
    /// <summary>The value <c>TFRecord</c>.</summary>
    public const string TFRecord = "TFRecord";
}
