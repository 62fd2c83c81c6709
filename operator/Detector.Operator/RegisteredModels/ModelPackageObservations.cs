using System.Globalization;
using Detector.Operator.Aws;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// Pure: the metadata the operator writes on each version, and DescribeModelPackage → <see cref="PackageObservation"/>.
/// The source job and metric are kept in CustomerMetadataProperties because ListModelPackages and the inference
/// specification do not carry them, and status must be rebuildable from SageMaker alone after a restart.
/// </summary>
public static class ModelPackageObservations
{
    /// <summary>Metadata key of the training job that produced the artifact.</summary>
    public const string SourceJobKey = "detector.dev/source-job";

    /// <summary>Metadata key of the source run (kind/name).</summary>
    public const string SourceRunKey = "detector.dev/source-run";

    /// <summary>Metadata key of the validation mAP.</summary>
    public const string MetricKey = "detector.dev/validation-mAP";

    /// <summary>The metadata of a new version.</summary>
    public static Dictionary<string, string> Metadata(SourceObservation source, SourceArtifact artifact)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SourceJobKey] = artifact.JobName,
            [SourceRunKey] = $"{source.Kind}/{source.Name}",
        };
        if (artifact.Metric is { } metric)
            metadata[MetricKey] = metric.ToString("R", CultureInfo.InvariantCulture);
        return metadata;
    }

    /// <summary>Maps a described versioned package; null for an unversioned one (it is not part of a group).</summary>
    public static PackageObservation? From(DescribeModelPackageResponse package)
    {
        if (package.ModelPackageVersion is not { } version)
            return null;
        var metadata = package.CustomerMetadataProperties;
        var failure = package.ModelPackageStatusDetails.ValidationStatuses
            .Concat(package.ModelPackageStatusDetails.ImageScanStatuses ?? [])
            .FirstOrDefault(s => s.Status == DetailedModelPackageStatus.Failed);
        return new PackageObservation(
            version,
            package.ModelPackageArn,
            package.ModelPackageStatus,
            package.ModelApprovalStatus,
            metadata?.GetValueOrDefault(SourceJobKey),
            package.InferenceSpecification?.Containers.FirstOrDefault()?.ModelDataUrl,
            double.TryParse(metadata?.GetValueOrDefault(MetricKey), NumberStyles.Float, CultureInfo.InvariantCulture, out var metric) ? metric : null,
            package.CreationTime,
            // Create has no ApprovalDescription, so the operator's reason is in the package description until someone sets one.
            package.ApprovalDescription ?? package.ModelPackageDescription,
            failure is null ? null : $"{failure.Name}: {failure.FailureReason ?? "failed"}");
    }
}
