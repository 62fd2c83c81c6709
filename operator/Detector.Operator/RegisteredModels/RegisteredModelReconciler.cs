using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Preprocessing.Storage;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// The I/O shell of the RegisteredModel controller. Each reconcile reads (the model, its source run, the model package
/// group and its versions), lets <see cref="RegistrationStep.Next"/> choose one change — create the group, approve what
/// the approve-version annotation names, or register the source's new artifact (its model-quality report in S3 first) —
/// makes it (RegisteredModelReconciler.Steps.cs), and writes the status once if it changed; a step that leaves work to
/// do requeues at once. Decisions live in <see cref="ModelSources"/>, <see cref="RegistrationStep"/>,
/// <see cref="RegistrationDecisions"/>, <see cref="ModelQualityReport"/>, <see cref="RegisteredModelRequests"/>,
/// <see cref="RegisteredModelStatusMapper"/> and <see cref="RegisteredModelEvents"/>.
/// Removing the finalizer calls nothing: versions and the group are never deleted implicitly.
/// </summary>
public sealed partial class RegisteredModelReconciler(
    IKubeStore<RegisteredModel> models,
    IKubeStore<TrainingRun> trainingRuns,
    IKubeStore<TuningRun> tuningRuns,
    ISageMakerRegistry sageMaker,
    Func<StorageUri, IObjectStore> stores,
    IEventRecorder events,
    RegisteredModelMetrics metrics,
    SageMakerRunSettings settings,
    TimeProvider clock,
    ILogger<RegisteredModelReconciler> log) : IReconciler<RegisteredModel>
{
    /// <summary>The finalizer: it only lets metrics forget the model (the registry keeps everything).</summary>
    public const string Finalizer = Finalizers.Cleanup;

    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        if (await models.GetAsync(key, ct) is not { } model)
        {
            metrics.Forget(key);
            return ReconcileResult.Done;
        }
        if (Annotations.IsPaused(model))
            return ReconcileResult.Done;
        if (model.IsBeingDeleted())
            return await FinalizeAsync(model, ct);
        if (model.AddFinalizer(Finalizer))
            model = await models.UpdateFinalizersAsync(model, ct);

        // Read, decide the one change (pure), make it, map: each step is its own small effect.
        var observed = await ObserveAsync(model, ct);
        var step = RegistrationStep.Next(observed, RequestedApproval(model));
        observed = await PerformAsync(model, step, observed, ct);
        var status = RegisteredModelStatusMapper.Map(model, observed, clock.GetUtcNow());
        foreach (var recorded in RegisteredModelEvents.Versions(model.Status, status))
            events.Record(model, recorded);
        events.Report(log, RegisteredModel.KindName, model, RegisteredModelEvents.Transition(model.Status, status));
        metrics.Observe(key, status.Versions);
        await models.UpdateStatusIfChangedAsync(model, status, ct);
        if (WaitsForEdit(status) || status.Phase == RegisteredModelPhase.Waiting)
            return ReconcileResult.Done;                     // The source's watch brings it back when it has an artifact.
        // A step that changed something and left work to do (a version to register after the group or an approval, a
        // version not yet listed): look again at once for the next step.
        return step.Action != RegistrationAction.None && observed.Rejected is null && !RegisteredModelStatusMapper.IsSettled(status)
            ? ReconcileResult.After(TimeSpan.Zero)
            : ReconcileResult.After(settings.PollInterval);
    }

    private static string? RequestedApproval(RegisteredModel model) =>
        model.Metadata.Annotations?.TryGetValue(RegistrationDecisions.ApproveVersionAnnotation, out var value) == true ? value : null;

    // Only an edit (of the spec or the operator's settings) helps these; everything else polls, Ready included: a new
    // artifact of the source and approvals changed in the console show up on the next poll.
    private static bool WaitsForEdit(RegisteredModelStatus status) =>
        Conditions.Get(status.Conditions, Conditions.Stalled) is { Status: Conditions.True } stalled
        && stalled.Reason is Reasons.InvalidSpec or Reasons.SageMakerRejected or Reasons.OperatorMisconfigured;

    private async Task<RegisteredModelObservation> ObserveAsync(RegisteredModel model, CancellationToken ct)
    {
        var group = RegisteredModelNames.Group(model);
        if (ObjectDetectionImage.Problem(settings.Region) is { } problem)
            return new(group, Misconfigured: problem);
        if ((RegisteredModelAdmission.Problem(model) ?? ModelSources.Problem(model.Spec.Source)) is { } invalid)
            return new(group, InvalidSpec: invalid);
        if (Reasons.RefusedThisGeneration(model.Status?.Conditions, model.Metadata.Generation) is { } rejected)
            return new(group, Rejected: rejected);           // Refused for this generation: no retry loop.

        // A model with no version yet whose source has no artifact waits without a SageMaker call: the group is made
        // with the first version. The mapper reads "group usable, no versions, source not ready" as WaitingForSource.
        var source = await ReadSourceAsync(model, ct);
        if (source.Artifact is null && model.Status is null or { Versions.Count: 0 })
            return new(group, GroupArn: model.Status?.ModelPackageGroupArn, GroupStatus: ModelPackageGroupStatus.Completed, Source: source, Packages: []);

        if (await FindGroupAsync(group, ct) is not { } described)
            return new(group, Source: source, AppliedApproveVersion: model.Status?.AppliedApproveVersion);
        var observed = new RegisteredModelObservation(group, GroupArn: described.ModelPackageGroupArn, GroupStatus: described.ModelPackageGroupStatus,
            AppliedApproveVersion: model.Status?.AppliedApproveVersion);
        if (described.ModelPackageGroupStatus != ModelPackageGroupStatus.Completed)
            return observed;
        return observed with { Source = source, Packages = await ListPackagesAsync(model, group, ct) };
    }

    private async Task<DescribeModelPackageGroupResponse?> FindGroupAsync(string group, CancellationToken ct)
    {
        try
        {
            return await sageMaker.DescribeModelPackageGroupAsync(new DescribeModelPackageGroupRequest { ModelPackageGroupName = group }, ct);
        }
        catch (SageMakerException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private async Task<SourceObservation> ReadSourceAsync(RegisteredModel model, CancellationToken ct)
    {
        var ns = model.Metadata.NamespaceProperty ?? "";
        if (model.Spec.Source.TrainingRunRef is { Length: > 0 } training)
            return ModelSources.FromTrainingRun(training, await trainingRuns.GetAsync(new ObjectKey(ns, training), ct));
        var tuning = model.Spec.Source.TuningRunRef!;
        return ModelSources.FromTuningRun(tuning, await tuningRuns.GetAsync(new ObjectKey(ns, tuning), ct));
    }

    /// <summary>
    /// Every version of the group. A version already in status whose listed package and approval status did not change
    /// is taken from status; the others are described (their metadata is only in DescribeModelPackage).
    /// </summary>
    private async Task<IReadOnlyList<PackageObservation>> ListPackagesAsync(RegisteredModel model, string group, CancellationToken ct)
    {
        var known = (model.Status?.Versions ?? []).ToDictionary(v => v.Arn ?? "", StringComparer.Ordinal);
        var packages = new List<PackageObservation>();
        string? next = null;
        do
        {
            var page = await sageMaker.ListModelPackagesAsync(RegisteredModelRequests.BuildListPackages(group, next), ct);
            foreach (var summary in page.ModelPackageSummaryList)
            {
                if (known.TryGetValue(summary.ModelPackageArn, out var v) && v.ApprovalStatus == summary.ModelApprovalStatus
                    && v.PackageStatus == summary.ModelPackageStatus && summary.ModelPackageStatus == ModelPackageStatus.Completed)
                    packages.Add(FromStatus(v, summary));
                else if (ModelPackageObservations.From(await sageMaker.DescribeModelPackageAsync(
                             new DescribeModelPackageRequest { ModelPackageName = summary.ModelPackageArn }, ct)) is { } described)
                    packages.Add(described);
            }
            next = page.NextToken;
        } while (!string.IsNullOrEmpty(next));
        return packages;
    }

    private static PackageObservation FromStatus(ModelVersion v, ModelPackageSummary summary) =>
        new(v.Version, summary.ModelPackageArn, summary.ModelPackageStatus, summary.ModelApprovalStatus, v.SourceJobName, v.ModelArtifactUri,
            v.MAP, summary.CreationTime, v.ApprovalDescription);

    private async Task<ReconcileResult> FinalizeAsync(RegisteredModel model, CancellationToken ct)
    {
        if (!model.HasFinalizer(Finalizer))
            return ReconcileResult.Done;
        // DESIGN: versions are never deleted implicitly, so neither is the group that holds them.
        model.RemoveFinalizer(Finalizer);
        await models.UpdateFinalizersAsync(model, ct);
        metrics.Forget(model.Key());
        return ReconcileResult.Done;
    }
}
