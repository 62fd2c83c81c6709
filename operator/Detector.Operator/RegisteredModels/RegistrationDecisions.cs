using System.Globalization;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;

namespace Detector.Operator.RegisteredModels;

/// <summary>The approval a new version is created with, and why.</summary>
/// <param name="Status">ModelApprovalStatus: Approved or PendingManualApproval.</param>
/// <param name="Description">The ApprovalDescription: names the rule, the metric and the threshold.</param>
public sealed record ApprovalDecision(string Status, string Description);

/// <summary>What the approve-version annotation asks for.</summary>
/// <param name="Approve">The version to set Approved with UpdateModelPackage; null when nothing is to be done.</param>
/// <param name="Applied">The annotation value to record as acted on (also when the version is already Approved).</param>
/// <param name="Problem">Why the annotation cannot be acted on, or null.</param>
public sealed record AnnotationDecision(PackageObservation? Approve, string? Applied, string? Problem);

/// <summary>Pure decisions of the RegisteredModel reconciler: what to register and with which approval.</summary>
public static class RegistrationDecisions
{
    /// <summary>The annotation that approves one version: <c>kubectl annotate rmodel/x detector.dev/approve-version=3</c>.</summary>
    public const string ApproveVersionAnnotation = ApiGroup.Name + "/approve-version";

    /// <summary>
    /// The source's artifact when no version has it yet (matched by source job name, or by artifact URI for versions
    /// registered before the metadata existed); null when there is nothing new. Names compare case-insensitively
    /// because SageMaker names are.
    /// </summary>
    public static SourceArtifact? NewArtifact(SourceObservation? source, IReadOnlyList<PackageObservation> packages)
    {
        if (source?.Artifact is not { } artifact)
            return null;
        var known = packages.Any(p =>
            string.Equals(p.SourceJobName, artifact.JobName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.ArtifactUri, artifact.ArtifactUri, StringComparison.Ordinal));
        return known ? null : artifact;
    }

    /// <summary>
    /// The approval of a new version. Manual: PendingManualApproval. Automatic: Approved when the metric reaches
    /// minMetric, otherwise left PendingManualApproval with a description naming the metric and the threshold (a person
    /// can still approve it).
    /// </summary>
    public static ApprovalDecision Approval(ModelApproval approval, SourceArtifact artifact)
    {
        if (approval.Mode != "Automatic")
            return new(ModelApprovalStatus.PendingManualApproval,
                $"Manual approval: approve in SageMaker or annotate {ApproveVersionAnnotation}=<version>");
        if (approval.MinMetric is not { } min)
            return new(ModelApprovalStatus.PendingManualApproval,
                "Automatic approval needs approval.minMetric; left for manual approval");
        if (artifact.Metric is not { } metric)
            return new(ModelApprovalStatus.PendingManualApproval,
                $"Training job {artifact.JobName} reported no {RunJobs.MapMetric}; automatic approval needs it ≥ approval.minMetric {Format(min)}");
        return metric >= min
            ? new(ModelApprovalStatus.Approved, $"Automatically approved: {RunJobs.MapMetric} {Format(metric)} ≥ approval.minMetric {Format(min)}")
            : new(ModelApprovalStatus.PendingManualApproval,
                $"{RunJobs.MapMetric} {Format(metric)} is below approval.minMetric {Format(min)}; left for manual approval");
    }

    /// <summary>
    /// What <c>detector.dev/approve-version=&lt;n&gt;</c> asks for. A value already acted on is ignored, so a version
    /// rejected later in the console is not approved again by a stale annotation.
    /// </summary>
    public static AnnotationDecision ApproveByAnnotation(string? value, string? applied, IReadOnlyList<PackageObservation> packages)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value) || value == applied)
            return new(null, applied, null);
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            return new(null, applied, $"Annotation {ApproveVersionAnnotation} must be a version number, got '{value}'");
        var package = packages.FirstOrDefault(p => p.Version == number);
        if (package is null)
            return new(null, applied, $"Annotation {ApproveVersionAnnotation}={number}: version {number} is not registered" +
                (packages.Count == 0 ? "" : $" (latest is {packages.Max(p => p.Version)})"));
        if (package.PackageStatus == ModelPackageStatus.Failed)
            return new(null, applied, $"Annotation {ApproveVersionAnnotation}={number}: version {number} failed validation and cannot be approved");
        return package.ApprovalStatus == ModelApprovalStatus.Approved ? new(null, value, null) : new(package, value, null);
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
