namespace Detector.Operator.RegisteredModels;

/// <summary>A completed training job of the source whose artifact can become a version.</summary>
/// <param name="JobName">The training job (for a TuningRun: its best training job).</param>
/// <param name="ArtifactUri">S3 URI of model.tar.gz.</param>
/// <param name="Metric">The job's validation:mAP, when it reported one.</param>
public sealed record SourceArtifact(string JobName, string ArtifactUri, double? Metric);

/// <summary>What the reconciler read of the source run.</summary>
/// <param name="Kind">TrainingRun or TuningRun.</param>
/// <param name="Name">The run's name.</param>
/// <param name="Artifact">The completed artifact; null while the run is not completed.</param>
/// <param name="NotReady">Why there is no artifact (the run is missing, running, failed), naming it; null with an artifact.</param>
public sealed record SourceObservation(string Kind, string Name, SourceArtifact? Artifact, string? NotReady = null);

/// <summary>One versioned model package as SageMaker describes it (DescribeModelPackage, mapped by <see cref="ModelPackageObservations"/>).</summary>
/// <param name="Version">ModelPackageVersion.</param>
/// <param name="Arn">ModelPackageArn.</param>
/// <param name="PackageStatus">ModelPackageStatus: Pending, InProgress, Completed, Failed or Deleting.</param>
/// <param name="ApprovalStatus">ModelApprovalStatus, as changed in the console or by us.</param>
/// <param name="SourceJobName">The training job recorded in the package's metadata (null for packages registered by others).</param>
/// <param name="ArtifactUri">The first container's ModelDataUrl.</param>
/// <param name="Metric">The validation mAP recorded in the package's metadata.</param>
/// <param name="CreatedAt">CreationTime.</param>
/// <param name="ApprovalDescription">ApprovalDescription.</param>
/// <param name="FailureReason">A failed validation or image scan's reason, when PackageStatus is Failed.</param>
public sealed record PackageObservation(
    int Version,
    string Arn,
    string PackageStatus,
    string? ApprovalStatus,
    string? SourceJobName,
    string? ArtifactUri,
    double? Metric,
    DateTimeOffset CreatedAt,
    string? ApprovalDescription = null,
    string? FailureReason = null);

/// <summary>Everything the reconciler observed for one RegisteredModel, as input to <see cref="RegisteredModelStatusMapper.Map"/>.</summary>
/// <param name="GroupName">The derived model package group name.</param>
/// <param name="InvalidSpec">Why the spec cannot be acted on (names the field), or null.</param>
/// <param name="Rejected">Why SageMaker refused a request (its message), or null.</param>
/// <param name="GroupArn">The group's ARN; null while it does not exist.</param>
/// <param name="GroupStatus">ModelPackageGroupStatus; null while it does not exist.</param>
/// <param name="Source">The source run.</param>
/// <param name="Packages">The group's versions (any order).</param>
/// <param name="Registered">A version was created in this reconcile and may not be listed yet.</param>
/// <param name="AnnotationProblem">Why the approve-version annotation cannot be acted on, or null.</param>
/// <param name="AppliedApproveVersion">The approve-version annotation value acted on (this or an earlier reconcile).</param>
/// <param name="Misconfigured">What the operator's settings lack to register versions (e.g. a region without the image), or null.</param>
public sealed record RegisteredModelObservation(
    string GroupName,
    string? InvalidSpec = null,
    string? Rejected = null,
    string? GroupArn = null,
    string? GroupStatus = null,
    SourceObservation? Source = null,
    IReadOnlyList<PackageObservation>? Packages = null,
    bool Registered = false,
    string? AnnotationProblem = null,
    string? AppliedApproveVersion = null,
    string? Misconfigured = null);
