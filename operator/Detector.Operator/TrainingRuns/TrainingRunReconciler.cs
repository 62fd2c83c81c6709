using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.TrainingRuns;

/// <summary>
/// The I/O shell of the TrainingRun controller: reads the run (and its Dataset until the job exists), describes its
/// job, takes one step (finalizer, stop a replaced job, create), writes the status once if it changed. Decisions live
/// in <see cref="RunAdmission"/>, <see cref="TrainingJobNames"/>, <see cref="TrainingRunRequests"/> and
/// <see cref="TrainingRunStatusMapper"/>. SageMaker errors other than "already exists" and a refused create propagate:
/// the runtime retries them with backoff.
/// </summary>
public sealed partial class TrainingRunReconciler(
    IKubeStore<TrainingRun> runs,
    IKubeStore<Dataset> datasets,
    ISageMakerTraining sageMaker,
    IEventRecorder events,
    TrainingMetrics metrics,
    SageMakerRunSettings settings,
    TimeProvider clock,
    ILogger<TrainingRunReconciler> log) : IReconciler<TrainingRun>
{
    /// <summary>The finalizer that stops a running job before the TrainingRun goes.</summary>
    public const string Finalizer = Finalizers.Cleanup;

    private readonly RunShell<TrainingRun, TrainingRunStatus, DescribeTrainingJobResponse> _shell = new(runs,
        new RunJobKind<DescribeTrainingJobResponse>(TrainingRun.KindName, "training job", sageMaker.FindTrainingJobAsync, sageMaker.TryStopTrainingJobAsync,
            job => job.TrainingJobStatus, (name, job, generation, now, status) => TrainingRunStatusMapper.HistoryEntry(name, job, generation, now, status)),
        events, metrics, clock, settings.PollInterval, log);

    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        if (await runs.GetAsync(key, ct) is not { } run)
        {
            metrics.Forget(TrainingRun.KindName, key);
            _shell.Schedule.Forget(key);
            return ReconcileResult.Done;                     // Gone; the finalizer already cleaned up.
        }
        if (Annotations.IsPaused(run))
            return ReconcileResult.Done;                     // Paused means no writes and no SageMaker calls.
        if (run.IsBeingDeleted())
            return await _shell.FinalizeAsync(run, run.Spec.DeletionPolicy,
                RunJobs.ToStop(run.Status?.TrainingJobName, TrainingJobNames.TrainingJob(run), run.Status?.Conditions), ct);
        if (run.AddFinalizer(Finalizer))
            run = await runs.UpdateFinalizersAsync(run, ct);           // Before any SageMaker call, so no job can outlive the run.
        if (await _shell.MetricsOnlyAsync(run, run.Status?.TrainingJobName, Live, ct) is { } refreshed)
            return refreshed;                                // Due only for live metrics: no Describe.

        var observed = await ObserveAsync(run, ct);
        var status = TrainingRunStatusMapper.Map(run, observed, clock.GetUtcNow());
        // Live epoch and mAP of a running job (issue 18); the previous figures stay only for the same job.
        status = await LiveProgress.UpdateAsync(status, run.Status?.TrainingJobName == status.TrainingJobName ? run.Status?.Progress : null,
            settings.LiveMetrics, clock.GetUtcNow(), settings.ProgressInterval, ct);
        _shell.RecordTransition(run, run.Status?.Phase, run.Status?.Conditions, status.Phase!, status.Conditions, TrainingRunPhaseTable.Events);
        metrics.Observe(TrainingRun.KindName, key, status.TrainingJobStatus, [.. status.FinalMetrics.Select(m => (m.Name, m.Value))]);
        await runs.UpdateStatusIfChangedAsync(run, status, ct);
        return Next(run, status);
    }

    // Settled, or waiting for the Dataset (its watch brings the run back): no poll. Waiting on SageMaker: a Describe that
    // backs off for long jobs, with live metrics read at their own cadence in between (Runs/RunCadence).
    private ReconcileResult Next(TrainingRun run, TrainingRunStatus status)
    {
        if (TrainingRunStatusMapper.IsSettled(status) || status.Phase == TrainingRunPhase.Waiting)
        {
            _shell.Schedule.Forget(run.Key());
            return ReconcileResult.Done;
        }
        return _shell.Polled(run, status.TrainingJobName ?? "", status, status.Conditions, Live);
    }

    // Live figures of the running job (issue 18), read at their own cadence while its Describe backs off.
    private RunLiveMetrics<TrainingRunStatus> Live => new(settings.LiveMetrics is not null, settings.ProgressInterval,
        s => s.TrainingJobStatus == TrainingJobStatus.InProgress, (s, now) => LiveProgress.IsDue(s, now, settings.ProgressInterval),
        (s, now, ct) => LiveProgress.UpdateAsync(s, s.Progress, settings.LiveMetrics, now, settings.ProgressInterval, ct), s => s.Progress?.UpdatedAt);

    private async Task<TrainingRunObservation> ObserveAsync(TrainingRun run, CancellationToken ct)
    {
        var name = TrainingJobNames.TrainingJob(run);
        var region = settings.Region;
        if (ObjectDetectionImage.Problem(region) is { } problem)
            return new(name, region, Misconfigured: problem);
        // Before the spec checks: an edit that makes the spec invalid still replaces (stops) the job of the old spec.
        // Only a run that had a job calls SageMaker here; a new invalid run makes no call at all.
        var history = await _shell.ReplaceOldJobAsync(run, run.Status?.TrainingJobName, name, run.Status?.History ?? [], run.Status?.ObservedGeneration, ct);
        if (RunAdmission.Check(run, settings.Policy) is { Count: > 0 } errors)
            return new(name, region, InvalidSpec: RunAdmission.Message(errors), History: history);
        if (RunJobs.RejectedBefore(run.Status?.TrainingJobName, name, run.Status?.Conditions, run.Metadata.Generation) is { } rejected)
            return new(name, region, Rejected: rejected);    // Refused for this generation: no retry loop.

        // A job this generation already has is described; any other run first waits for its Dataset without a
        // SageMaker call, then looks for the job by its derived name (one created before a crash lost the status
        // write) before it creates one.
        var known = run.Status?.TrainingJobName == name;
        if (known && await sageMaker.FindTrainingJobAsync(name, ct) is { } job)
            return new(name, region, Job: job, History: history);

        var (data, waiting) = DatasetInputs.From(run.Spec.DatasetRef,
            await datasets.GetAsync(new ObjectKey(run.Metadata.NamespaceProperty ?? "", run.Spec.DatasetRef), ct));
        if (data is null)
            return new(name, region, WaitingFor: waiting, History: history);
        if (!known && await sageMaker.FindTrainingJobAsync(name, ct) is { } lost)
            return new(name, region, Job: lost, History: history);
        if (ObjectDetectionHyperparameterWire.Check(run.Spec.Hyperparameters, data) is { Count: > 0 } dataErrors)
            return new(name, region, InvalidSpec: RunAdmission.Message(dataErrors), History: history);
        var request = TrainingRunRequests.BuildCreateTrainingJob(run, data, ObjectDetectionImage.For(region)!);
        try
        {
            var created = await sageMaker.CreateTrainingJobAsync(request, ct);
            LogCreated(name, run.Metadata.NamespaceProperty, run.Metadata.Name);
            events.Normal(run, Reasons.JobCreated, $"Created SageMaker training job {name} on Dataset {data.DatasetName}");
            return new(name, region, CreatedArn: created.TrainingJobArn, Data: data, History: history);
        }
        catch (SageMakerException e) when (e.IsAlreadyExists)
        {
            // Created by an earlier reconcile that crashed before writing status: adopt it.
            LogAdopted(name, run.Metadata.NamespaceProperty, run.Metadata.Name);
            return new(name, region, Job: await sageMaker.FindTrainingJobAsync(name, ct), Data: data, History: history);
        }
        catch (SageMakerException e) when (e.Kind == SageMakerErrorKind.Validation)
        {
            return new(name, region, Rejected: $"SageMaker refused training job {name}: {e.Message}", History: history);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created SageMaker training job {JobName} for TrainingRun {Namespace}/{Name}")]
    private partial void LogCreated(string jobName, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted existing SageMaker training job {JobName} for TrainingRun {Namespace}/{Name}")]
    private partial void LogAdopted(string jobName, string? @namespace, string name);

}
