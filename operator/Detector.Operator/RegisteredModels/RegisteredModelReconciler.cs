using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Preprocessing.Storage;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// The I/O shell of the RegisteredModel controller: reads the model and its source run, creates or adopts the model
/// package group, lists (and where needed describes) its versions, applies the approve-version annotation, registers
/// the source's new artifact (with its model-quality report in S3) and writes the status once if it changed. Decisions
/// live in <see cref="ModelSources"/>, <see cref="RegistrationDecisions"/>, <see cref="ModelQualityReport"/>,
/// <see cref="RegisteredModelRequests"/> and <see cref="RegisteredModelStatusMapper"/>.
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

        var observed = await ObserveAsync(model, ct);
        var status = RegisteredModelStatusMapper.Map(model, observed, clock.GetUtcNow());
        foreach (var recorded in RegisteredModelEvents.Versions(model.Status, status))
            events.Record(model, recorded);
        events.Report(log, RegisteredModel.KindName, model, RegisteredModelEvents.Transition(model.Status, status));
        metrics.Observe(key, status.Versions);
        await models.UpdateStatusIfChangedAsync(model, status, ct);
        if (WaitsForEdit(status) || status.Phase == RegisteredModelPhase.Waiting)
            return ReconcileResult.Done;                     // The source's watch brings it back when it has an artifact.
        // A group just created or a version just registered and not yet usable: look again at once for the next step.
        var stepped = observed.Registered || model.Status?.ModelPackageGroupArn is null && status.ModelPackageGroupArn is not null;
        return stepped && !RegisteredModelStatusMapper.IsSettled(status)
            ? ReconcileResult.After(TimeSpan.Zero)
            : ReconcileResult.After(settings.PollInterval);
    }

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

        DescribeModelPackageGroupResponse described;
        try
        {
            described = await FindOrCreateGroupAsync(model, group, ct);
        }
        catch (SageMakerException e) when (e.Kind == SageMakerErrorKind.Validation)
        {
            return new(group, Rejected: $"SageMaker refused model package group {group}: {e.Message}");
        }
        var observed = new RegisteredModelObservation(group, GroupArn: described.ModelPackageGroupArn, GroupStatus: described.ModelPackageGroupStatus,
            AppliedApproveVersion: model.Status?.AppliedApproveVersion);
        if (described.ModelPackageGroupStatus != ModelPackageGroupStatus.Completed)
            return observed;

        var packages = await ListPackagesAsync(model, group, ct);
        observed = observed with { Source = source, Packages = packages };

        string? requested = null;
        model.Metadata.Annotations?.TryGetValue(RegistrationDecisions.ApproveVersionAnnotation, out requested);
        var annotation = RegistrationDecisions.ApproveByAnnotation(requested, model.Status?.AppliedApproveVersion, packages);
        if (annotation.Approve is { } approve)
        {
            await sageMaker.UpdateModelPackageAsync(RegisteredModelRequests.BuildApprove(approve), ct);
            LogApproved(approve.Version, model.Metadata.NamespaceProperty, model.Metadata.Name);
            packages = [.. packages.Select(p => p.Version == approve.Version ? p with { ApprovalStatus = ModelApprovalStatus.Approved } : p)];
        }
        observed = observed with { Packages = packages, AnnotationProblem = annotation.Problem, AppliedApproveVersion = annotation.Applied };

        if (RegistrationDecisions.NewArtifact(source, packages) is not { } artifact)
            return observed;
        var report = ModelQualityReport.For(source, artifact);
        if (report is not null && !await WriteReportAsync(model, report, ct))
            report = null;
        var request = RegisteredModelRequests.BuildCreatePackage(model, source, artifact, ObjectDetectionImage.For(settings.Region)!,
            RegistrationDecisions.Approval(model.Spec.Approval, artifact), report);
        try
        {
            var created = await sageMaker.CreateModelPackageAsync(request, ct);
            LogRegistered(created.ModelPackageArn, artifact.JobName, model.Metadata.NamespaceProperty, model.Metadata.Name);
            var version = ModelPackageObservations.From(await sageMaker.DescribeModelPackageAsync(
                new DescribeModelPackageRequest { ModelPackageName = created.ModelPackageArn }, ct));
            return observed with
            {
                Registered = true,
                // The ClientToken may have returned a version this reconcile already listed: keep one entry per version.
                Packages = version is null ? packages : [.. packages.Where(p => p.Version != version.Version), version],
            };
        }
        catch (SageMakerException e) when (e.Kind == SageMakerErrorKind.Validation)
        {
            return observed with { Rejected = $"SageMaker refused a new version of {group} for training job {artifact.JobName}: {e.Message}" };
        }
    }

    // Written before the version that points at it; the same bytes each time, so a retry overwrites it harmlessly.
    // A passing failure (network, 5xx, throttling) is retried before anything is registered. A refusal that only a
    // person can fix (no s3:PutObject on the training output, a missing bucket) must not hold the version back: it is
    // registered without ModelMetrics (the mAP stays in its metadata) and a Warning Event says what to grant.
    private async Task<bool> WriteReportAsync(RegisteredModel model, ModelQualityReport report, CancellationToken ct)
    {
        try
        {
            await stores(report.Uri).PutAsync(report.Uri, report.Content, ModelQualityReport.ContentType, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = ReconcileErrors.Classify(e);
            var message = $"Could not write the model-quality report {report.Uri}: {failure.Message}";
            if (!failure.NeedsPerson)
                throw new RetryableException(message, e);
            LogReportRefused(report.Uri.ToString(), failure.Message, model.Metadata.NamespaceProperty, model.Metadata.Name);
            events.Warning(model, RegisteredModelReasons.ModelMetricsNotWritten,
                $"{message}; the version is registered without ModelMetrics (grant the operator s3:PutObject there to keep them)");
            return false;
        }
    }

    private async Task<DescribeModelPackageGroupResponse> FindOrCreateGroupAsync(RegisteredModel model, string group, CancellationToken ct)
    {
        if (await FindGroupAsync(group, ct) is { } existing)
            return existing;
        try
        {
            await sageMaker.CreateModelPackageGroupAsync(RegisteredModelRequests.BuildCreateGroup(model), ct);
            LogGroupCreated(group, model.Metadata.NamespaceProperty, model.Metadata.Name);
            events.Normal(model, RegisteredModelReasons.GroupCreated, $"Created model package group {group}");
        }
        catch (SageMakerException e) when (e.IsAlreadyExists)
        {
            // Created meanwhile (an earlier reconcile whose answer was lost, or a RegisteredModel applied again): adopt it.
            LogGroupAdopted(group, model.Metadata.NamespaceProperty, model.Metadata.Name);
        }
        return await FindGroupAsync(group, ct)
            ?? throw new InvalidOperationException($"Model package group {group} was created but cannot be described yet");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Created model package group {Group} for RegisteredModel {Namespace}/{Name}")]
    private partial void LogGroupCreated(string group, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted existing model package group {Group} for RegisteredModel {Namespace}/{Name}")]
    private partial void LogGroupAdopted(string group, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {PackageArn} from training job {JobName} for RegisteredModel {Namespace}/{Name}")]
    private partial void LogRegistered(string packageArn, string jobName, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering without ModelMetrics for RegisteredModel {Namespace}/{Name}: {Report} refused: {Error}")]
    private partial void LogReportRefused(string report, string error, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approved version {Version} of RegisteredModel {Namespace}/{Name} (annotation)")]
    private partial void LogApproved(int version, string? @namespace, string name);
}
