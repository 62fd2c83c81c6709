using k8s.Models;

namespace Detector.Operator.Datasets;

/// <summary>Operator-wide settings that shape every dataset preparation Job.</summary>
public sealed record DatasetJobSettings
{
    /// <summary>The image the Jobs run: the operator's own (it contains <c>detector prepare</c>).</summary>
    public string Image { get; init; } = "detector:dev";

    /// <summary>Service account for Jobs whose Dataset names none; it carries the storage identity (IRSA / Pod Identity).</summary>
    public string? DefaultServiceAccountName { get; init; }

    /// <summary>S3 endpoint override for S3-compatible stores (MinIO, Ceph, s3rver); null for AWS.</summary>
    public string? S3EndpointUrl { get; init; }

    /// <summary>Path-style S3 addressing (bucket in the path), needed by most S3-compatible stores.</summary>
    public bool S3ForcePathStyle { get; init; }

    /// <summary>
    /// Compute and validate checksums only when S3 requires them. S3-compatible stores corrupt the SDK's default
    /// aws-chunked uploads with checksum trailers, so this defaults to on whenever an endpoint override is set.
    /// </summary>
    public bool S3ChecksumWhenRequired { get; init; }

    /// <summary>Pod retries before a Job counts as failed.</summary>
    public int BackoffLimit { get; init; } = 2;

    /// <summary>Seconds a finished Job (and its pods' logs) is kept before Kubernetes deletes it.</summary>
    public int TtlSecondsAfterFinished { get; init; } = 7 * 24 * 3600;

    /// <summary>Resources for Jobs whose Dataset sets none.</summary>
    public V1ResourceRequirements? DefaultResources { get; init; }
}
