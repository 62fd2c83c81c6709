// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Values of the SageMaker CompressionType enumeration (the wire carries plain strings).</summary>
public static class CompressionType
{
    /// <summary>The value <c>None</c>.</summary>
    public const string None = "None";
    /// <summary>The value <c>Gzip</c>.</summary>
    public const string Gzip = "Gzip";
}

/// <summary>Values of the SageMaker FileSystemAccessMode enumeration (the wire carries plain strings).</summary>
public static class FileSystemAccessMode
{
    /// <summary>The value <c>rw</c>.</summary>
    public const string Rw = "rw";
    /// <summary>The value <c>ro</c>.</summary>
    public const string Ro = "ro";
}

/// <summary>Values of the SageMaker FileSystemType enumeration (the wire carries plain strings).</summary>
public static class FileSystemType
{
    /// <summary>The value <c>EFS</c>.</summary>
    public const string EFS = "EFS";
    /// <summary>The value <c>FSxLustre</c>.</summary>
    public const string FSxLustre = "FSxLustre";
}

/// <summary>Values of the SageMaker OutputCompressionType enumeration (the wire carries plain strings).</summary>
public static class OutputCompressionType
{
    /// <summary>The value <c>GZIP</c>.</summary>
    public const string GZIP = "GZIP";
    /// <summary>The value <c>NONE</c>.</summary>
    public const string NONE = "NONE";
}

/// <summary>Values of the SageMaker RecordWrapper enumeration (the wire carries plain strings).</summary>
public static class RecordWrapper
{
    /// <summary>The value <c>None</c>.</summary>
    public const string None = "None";
    /// <summary>The value <c>RecordIO</c>.</summary>
    public const string RecordIO = "RecordIO";
}

/// <summary>Values of the SageMaker S3DataDistribution enumeration (the wire carries plain strings).</summary>
public static class S3DataDistribution
{
    /// <summary>The value <c>FullyReplicated</c>.</summary>
    public const string FullyReplicated = "FullyReplicated";
    /// <summary>The value <c>ShardedByS3Key</c>.</summary>
    public const string ShardedByS3Key = "ShardedByS3Key";
}

/// <summary>Values of the SageMaker S3DataType enumeration (the wire carries plain strings).</summary>
public static class S3DataType
{
    /// <summary>The value <c>ManifestFile</c>.</summary>
    public const string ManifestFile = "ManifestFile";
    /// <summary>The value <c>S3Prefix</c>.</summary>
    public const string S3Prefix = "S3Prefix";
    /// <summary>The value <c>AugmentedManifestFile</c>.</summary>
    public const string AugmentedManifestFile = "AugmentedManifestFile";
    /// <summary>The value <c>Converse</c>.</summary>
    public const string Converse = "Converse";
}

/// <summary>Values of the SageMaker TrainingInputMode enumeration (the wire carries plain strings).</summary>
public static class TrainingInputMode
{
    /// <summary>The value <c>Pipe</c>.</summary>
    public const string Pipe = "Pipe";
    /// <summary>The value <c>File</c>.</summary>
    public const string File = "File";
    /// <summary>The value <c>FastFile</c>.</summary>
    public const string FastFile = "FastFile";
}

/// <summary>Values of the SageMaker TrainingJobStatus enumeration (the wire carries plain strings).</summary>
public static class TrainingJobStatus
{
    /// <summary>The value <c>InProgress</c>.</summary>
    public const string InProgress = "InProgress";
    /// <summary>The value <c>Completed</c>.</summary>
    public const string Completed = "Completed";
    /// <summary>The value <c>Failed</c>.</summary>
    public const string Failed = "Failed";
    /// <summary>The value <c>Stopping</c>.</summary>
    public const string Stopping = "Stopping";
    /// <summary>The value <c>Stopped</c>.</summary>
    public const string Stopped = "Stopped";
    /// <summary>The value <c>Deleting</c>.</summary>
    public const string Deleting = "Deleting";
}
