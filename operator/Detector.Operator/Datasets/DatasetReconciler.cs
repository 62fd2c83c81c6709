using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Preprocessing.Storage;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Datasets;

/// <summary>
/// The I/O shell of the Dataset controller: reads the Dataset, its Jobs and manifest.json, takes one step (finalizer,
/// Job create or delete), writes the status once if it changed. Decisions live in <see cref="DatasetNames"/>,
/// <see cref="DatasetRequests"/> and <see cref="DatasetStatusMapper"/>.
/// </summary>
public sealed partial class DatasetReconciler(
    IKubeStore<Dataset> datasets,
    DatasetJobTracker jobs,
    Func<StorageUri, IObjectStore> stores,
    IEventRecorder events,
    DatasetReconcilerSettings settings,
    TimeProvider clock,
    ILogger<DatasetReconciler> log) : IReconciler<Dataset>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        if (await datasets.GetAsync(key, ct) is not { } dataset)
            return ReconcileResult.Done;                        // Gone; the finalizer already cleaned up.
        if (Annotations.IsPaused(dataset))
        {
            LogPaused(key.Namespace, key.Name);
            return ReconcileResult.Done;                        // Paused means no writes at all, status included.
        }
        if (dataset.IsBeingDeleted())
            return await FinalizeAsync(dataset, ct);
        if (dataset.AddFinalizer(DatasetNames.Finalizer))
            dataset = await datasets.UpdateFinalizersAsync(dataset, ct); // Before any Job exists, so nothing can outlive the Dataset.

        var observed = await ObserveAsync(dataset, ct);
        var status = DatasetStatusMapper.Map(dataset, observed, clock.GetUtcNow());
        RecordTransition(dataset, dataset.Status, status);
        await datasets.UpdateStatusIfChangedAsync(dataset, status, ct);
        // Job changes come through the Job watch; the poll finds what is not watched (a pod that cannot start, a service
        // account created later) and backs off for long preparations.
        return DatasetStatusMapper.IsSettled(status)
            ? ReconcileResult.Done
            : ReconcileResult.After(PollSchedule.After(settings.PollInterval, status.Conditions, dataset.Metadata.CreationTimestamp, clock.GetUtcNow()));
    }

    private async Task<DatasetObservation> ObserveAsync(Dataset dataset, CancellationToken ct)
    {
        if (settings.Admit(dataset) is { Count: > 0 } errors)
            return DatasetObservation.Invalid(string.Join("; ", errors));
        var hash = DatasetNames.SpecHash(dataset);
        var prefix = DatasetNames.OutputPrefix(dataset, hash);
        if (dataset.Status?.SpecHash is { } oldHash && oldHash != hash)
            // The spec now describes other data: stop the old Job. Its output folder stays (other runs may read it).
            await jobs.DeleteOwnedAsync(dataset, keepSpecHash: hash, ct);

        var job = await jobs.GetAsync(dataset, DatasetNames.PrepareJob(dataset, hash), JobStage.Prepare, ct);
        if (job is null)
        {
            // Data prepared earlier for this exact spec (Job since removed by its TTL, or a re-created Dataset) is reused;
            // an operator without S3 access cannot look, so it prepares again rather than not at all.
            if (settings.StorageProblem is null && await ReadManifestAsync(prefix, ct) is { Manifest: not null } reused)
                return new DatasetObservation(hash, prefix, Manifest: reused.Manifest);
            var prepare = DatasetRequests.BuildPrepareJob(dataset, hash, settings.Jobs);
            if (await jobs.MissingServiceAccountAsync(prepare, ct) is { } missing)
                return new DatasetObservation(hash, prefix, Blocked: (DatasetPhases.ServiceAccountNotFoundReason, missing));
            job = await jobs.CreateAsync(dataset, prepare, JobStage.Prepare, ct);
            events.Normal(dataset, Reasons.JobCreated, $"Created Job {job.Name} to prepare the data into {prefix}");
        }
        if (DatasetRequests.IsSharded(dataset) && job.State == JobState.Succeeded)
        {
            job = job with { Stage = JobStage.Shards };
            var merge = await jobs.GetAsync(dataset, DatasetNames.MergeJob(dataset, hash), JobStage.Merge, ct);
            if (merge is null)
            {
                var mergeJob = DatasetRequests.BuildMergeJob(dataset, hash, settings.Jobs);
                if (await jobs.MissingServiceAccountAsync(mergeJob, ct) is { } missing)
                    return new DatasetObservation(hash, prefix, Job: job, Blocked: (DatasetPhases.ServiceAccountNotFoundReason, missing));
                merge = await jobs.CreateAsync(dataset, mergeJob, JobStage.Merge, ct);
                events.Normal(dataset, Reasons.JobCreated, $"Created Job {merge.Name} to merge {dataset.Spec.Parallelism} shards");
            }
            job = merge;
        }
        else if (DatasetRequests.IsSharded(dataset))
            job = job with { Stage = JobStage.Shards };
        if (JobObservation.RetryRequested(job, Annotations.ReconcileRequestedAt(dataset)))
        {
            // Deleting the failed Job is the retry: its deletion event brings the next reconcile, which creates it anew.
            await jobs.DeleteAsync(dataset, job.Name, ct);
            events.Normal(dataset, "RetryRequested", $"Deleted failed Job {job.Name} to retry, as reconcile-requested-at asked");
            return new DatasetObservation(hash, prefix);
        }
        if (settings.StorageProblem is { } noStorage && job.State != JobState.Failed)
            return new DatasetObservation(hash, prefix, Job: job, Blocked: (DatasetPhases.OperatorMisconfiguredReason,
                $"Job {job.Name} {(job.State == JobState.Succeeded ? "has prepared" : "is preparing")} the data, but the operator " +
                $"cannot read its result from S3: {noStorage}"));
        if (job.State != JobState.Succeeded)
            return new DatasetObservation(hash, prefix, Job: job);
        var read = await ReadManifestAsync(prefix, ct);
        return new DatasetObservation(hash, prefix, Job: job, Manifest: read.Manifest, ManifestError: read.Error);
    }

    private async Task<ReconcileResult> FinalizeAsync(Dataset dataset, CancellationToken ct)
    {
        if (!dataset.HasFinalizer(DatasetNames.Finalizer))
            return ReconcileResult.Done;
        await jobs.DeleteOwnedAsync(dataset, keepSpecHash: null, ct);
        if (dataset.Spec.DeletionPolicy == DataDeletionPolicy.Delete && settings.Admit(dataset).Count == 0)
        {
            var prefix = DatasetNames.OutputPrefix(dataset, DatasetNames.SpecHash(dataset));
            var uri = StorageUri.Parse(prefix);
            await stores(uri).DeletePrefixAsync(uri, ct);
            LogDeletedData(dataset.Metadata.NamespaceProperty, dataset.Metadata.Name, prefix);
        }
        dataset.RemoveFinalizer(DatasetNames.Finalizer);
        await datasets.UpdateFinalizersAsync(dataset, ct);
        return ReconcileResult.Done;
    }

    private async Task<(Preprocessing.Outputs.DatasetManifest? Manifest, string? Error)> ReadManifestAsync(string prefix, CancellationToken ct)
    {
        var uri = StorageUri.Parse(DatasetNames.ManifestUri(prefix));
        try
        {
            await using var stream = await stores(uri).OpenReadAsync(uri, ct);
            var manifest = await System.Text.Json.JsonSerializer.DeserializeAsync<Preprocessing.Outputs.DatasetManifest>(
                stream, Preprocessing.Outputs.DatasetManifest.JsonOptions, ct);
            return manifest is null ? (null, "it is empty") : (manifest, null);
        }
        catch (ObjectNotFoundException)
        {
            return (null, null);
        }
        catch (System.Text.Json.JsonException e)
        {
            // Not retried: the file will not fix itself, and the user must see why the Dataset is not Ready.
            return (null, "it is not valid JSON: " + e.Message);
        }
    }

    private void RecordTransition(Dataset dataset, DatasetStatus? before, DatasetStatus after)
    {
        var ready = Conditions.Get(after.Conditions, Conditions.Ready)!;
        var warning = after.Phase == DatasetPhases.Failed || DatasetPhases.NeedsUser(ready.Reason);
        if (PhaseTransitions.Decide(before?.Phase, Conditions.Get(before?.Conditions, Conditions.Ready)?.Reason, after.Phase!,
                ready, warning, DatasetPhases.Pending) is not { } moved)
            return;
        LogPhaseChanged(dataset.Metadata.NamespaceProperty, dataset.Metadata.Name, moved.OldPhase, moved.NewPhase, moved.Reason);
        if (moved.Event is { } recorded)
            events.Record(dataset, recorded);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped paused Dataset {Namespace}/{Name}")]
    private partial void LogPaused(string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved Dataset {Namespace}/{Name} from {OldPhase} to {NewPhase} ({Reason})")]
    private partial void LogPhaseChanged(string? @namespace, string name, string oldPhase, string newPhase, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the prepared data {Prefix} of Dataset {Namespace}/{Name}")]
    private partial void LogDeletedData(string? @namespace, string name, string prefix);
}
