using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runtime;

namespace Detector.Operator.RegisteredModels;

/// <summary>Pure: what the reconciler observed → the RegisteredModel status (phase, conditions, versions).</summary>
public static class RegisteredModelStatusMapper
{
    /// <summary>Maps an observation to the status; conditions keep their transition times when their status does not flip.</summary>
    public static RegisteredModelStatus Map(RegisteredModel model, RegisteredModelObservation observed, DateTimeOffset now)
    {
        var packages = observed.Packages ?? [];
        var view = View(observed, packages);
        var generation = model.Metadata.Generation;
        var state = RegisteredModelPhaseTable.Table.StateOf(view.Phase, view.Reason);
        var conditions = Conditions.SetSummary(model.Status?.Conditions, state, view.Reason, view.Message, generation, now);
        if (observed.AnnotationProblem is { } problem)
            conditions = Conditions.Set(conditions, RegisteredModelReasons.ApproveVersionCondition, false,
                RegisteredModelReasons.InvalidAnnotation, problem, generation, now);
        else if (observed.AppliedApproveVersion is { } applied)
            conditions = Conditions.Set(conditions, RegisteredModelReasons.ApproveVersionCondition, true,
                RegisteredModelReasons.Applied, $"Version {applied} is Approved ({RegistrationDecisions.ApproveVersionAnnotation})", generation, now);
        var versions = Versions(packages);
        return new RegisteredModelStatus
        {
            Phase = view.Phase,
            ObservedGeneration = generation,
            Conditions = conditions,
            ModelPackageGroupName = observed.GroupArn is null ? null : observed.GroupName,
            ModelPackageGroupArn = observed.GroupArn,
            Versions = versions,
            LatestVersion = packages.Count == 0 ? null : packages.Max(p => p.Version),
            LatestApprovedVersion = LatestApproved(packages),
            FailureReason = state == ReconcileState.Stalled ? view.Message : null,
            AppliedApproveVersion = observed.AppliedApproveVersion,
        };
    }

    /// <summary>True when nothing more happens without a change elsewhere (a new artifact, an approval): Ready or Failed.</summary>
    public static bool IsSettled(RegisteredModelStatus status) =>
        status.Phase is RegisteredModelPhase.Ready or RegisteredModelPhase.Failed;

    /// <summary>
    /// The newest version that is Approved and usable (not Failed); console approvals and rejections count as they are.
    /// </summary>
    public static int? LatestApproved(IReadOnlyList<PackageObservation> packages) =>
        packages.Where(p => p.ApprovalStatus == ModelApprovalStatus.Approved && p.PackageStatus != ModelPackageStatus.Failed
                && p.PackageStatus != ModelPackageStatus.Deleting)
            .Select(p => (int?)p.Version).Max();

    /// <summary>The versions for status: sorted oldest first, the newest <see cref="RegisteredModelLimits.MaxVersions"/>.</summary>
    public static IReadOnlyList<ModelVersion> Versions(IReadOnlyList<PackageObservation> packages) =>
        [.. packages.OrderBy(p => p.Version).TakeLast(RegisteredModelLimits.MaxVersions).Select(p => new ModelVersion
        {
            Version = p.Version,
            Arn = p.Arn,
            SourceJobName = p.SourceJobName,
            ModelArtifactUri = p.ArtifactUri,
            MAP = p.Metric,
            ApprovalStatus = p.ApprovalStatus,
            CreatedAt = p.CreatedAt.UtcDateTime,
            PackageStatus = p.PackageStatus,
            ApprovalDescription = Truncate(p.ApprovalDescription),
        })];

    private static PhaseView View(RegisteredModelObservation observed, IReadOnlyList<PackageObservation> packages)
    {
        if (observed.Misconfigured is { } misconfigured)
            return Failed(Reasons.OperatorMisconfigured, misconfigured);
        if (observed.InvalidSpec is { } invalid)
            return Failed(Reasons.InvalidSpec, invalid);
        if (observed.Rejected is { } rejected)
            return Failed(Reasons.SageMakerRejected, rejected);
        switch (observed.GroupStatus)
        {
            case null:
                return new(RegisteredModelPhase.Pending, RegisteredModelReasons.GroupPending,
                    $"Creating model package group {observed.GroupName}");
            case ModelPackageGroupStatus.Failed or ModelPackageGroupStatus.DeleteFailed or ModelPackageGroupStatus.Deleting:
                return Failed(RegisteredModelReasons.GroupFailed, $"Model package group {observed.GroupName} is {observed.GroupStatus}");
            case ModelPackageGroupStatus.Pending or ModelPackageGroupStatus.InProgress:
                return new(RegisteredModelPhase.Pending, RegisteredModelReasons.GroupPending,
                    $"Model package group {observed.GroupName} is {observed.GroupStatus}");
        }
        if (packages.FirstOrDefault(p => p.PackageStatus is ModelPackageStatus.Pending or ModelPackageStatus.InProgress) is { } busy)
            return Registering($"Version {busy.Version} is {busy.PackageStatus}");
        if (RegistrationDecisions.NewArtifact(observed.Source, packages) is { } artifact)
            return Registering(observed.Registered
                ? $"Registered the artifact of training job {artifact.JobName}; waiting for it to be listed"
                : $"Registering the artifact of training job {artifact.JobName}");
        if (packages.Count == 0)
            return new(RegisteredModelPhase.Waiting, RegisteredModelReasons.WaitingForSource,
                observed.Source?.NotReady ?? "The source run has no completed artifact yet");
        var newest = packages.MaxBy(p => p.Version)!;
        if (newest.PackageStatus == ModelPackageStatus.Failed)
            return Failed(RegisteredModelReasons.VersionFailed,
                $"Version {newest.Version} failed: {newest.FailureReason ?? "no reason given"}");
        var approved = LatestApproved(packages);
        return new(RegisteredModelPhase.Ready, RegisteredModelReasons.Registered,
            $"{packages.Count} version(s); latest {newest.Version} is {newest.ApprovalStatus ?? "without approval status"}" +
            (approved is { } a ? $"; latest approved is {a}" : "; none approved"));
    }

    private static PhaseView Registering(string message) =>
        new(RegisteredModelPhase.Registering, RegisteredModelReasons.Registering, message);

    private static PhaseView Failed(string reason, string message) => new(RegisteredModelPhase.Failed, reason, message);

    // Status must stay small (etcd object size, kubectl output).
    private static string? Truncate(string? text) => text is null || text.Length <= 1024 ? text : text[..1024] + "…";

    private sealed record PhaseView(string Phase, string Reason, string Message);
}
