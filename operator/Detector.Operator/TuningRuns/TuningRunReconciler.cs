using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.TuningRuns;

/// <summary>
/// The I/O shell of the TuningRun controller: reads the run (and, until its tuning job exists, its Dataset and
/// warm-start parents), describes the tuning job, lists its best trials and reads the best job's artifact, takes one
/// step (finalizer, stop a replaced job, create), writes the status once if it changed. Decisions live in
/// <see cref="RunAdmission"/>, <see cref="TrainingJobNames"/>, <see cref="TuningRunRequests"/> and <see cref="TuningRunStatusMapper"/>.
/// </summary>
public sealed partial class TuningRunReconciler(
    IKubeStore<TuningRun> runs,
    IKubeStore<Dataset> datasets,
    ISageMakerTraining sageMaker,
    IEventRecorder events,
    TrainingMetrics metrics,
    SageMakerRunSettings settings,
    TimeProvider clock,
    ILogger<TuningRunReconciler> log) : IReconciler<TuningRun>
{
    /// <summary>The finalizer that stops a running tuning job before the TuningRun goes.</summary>
    public const string Finalizer = Finalizers.Cleanup;

    private readonly RunShell<TuningRun, TuningRunStatus, DescribeHyperParameterTuningJobResponse> _shell = new(runs,
        new RunJobKind<DescribeHyperParameterTuningJobResponse>(TuningRun.KindName, "tuning job", sageMaker.FindTuningJobAsync, sageMaker.TryStopTuningJobAsync,
            job => job.HyperParameterTuningJobStatus, (name, job, generation, now, status) => TuningRunStatusMapper.HistoryEntry(name, job, generation, now, status)),
        events, metrics, clock, settings.PollInterval, log);

    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        if (await runs.GetAsync(key, ct) is not { } run)
        {
            metrics.Forget(TuningRun.KindName, key);
            _shell.Schedule.Forget(key);
            return ReconcileResult.Done;
        }
        if (Annotations.IsPaused(run))
            return ReconcileResult.Done;
        if (run.IsBeingDeleted())
            return await _shell.FinalizeAsync(run, run.Spec.DeletionPolicy,
                RunJobs.ToStop(run.Status?.TuningJobName, TuningJobNames.TuningJob(run), run.Status?.Conditions), ct);
        if (run.AddFinalizer(Finalizer))
            run = await runs.UpdateFinalizersAsync(run, ct);
        if (await _shell.MetricsOnlyAsync(run, run.Status?.TuningJobName, Live, ct) is { } refreshed)
            return refreshed;                                // Due only for live metrics: no Describe.

        var observed = await ObserveAsync(run, ct);
        var status = TuningRunStatusMapper.Map(run, observed, clock.GetUtcNow());
        // Live figures of the running trials (issue 18); the previous ones stay only for the same tuning job.
        status = await LiveTuningProgress.UpdateAsync(status, run.Status?.TuningJobName == status.TuningJobName ? run.Status?.Progress : null,
            sageMaker, settings.LiveMetrics, clock.GetUtcNow(), settings.ProgressInterval, ct);
        _shell.RecordTransition(run, run.Status?.Phase, run.Status?.Conditions, status.Phase!, status.Conditions, TuningRunPhaseTable.Events);
        metrics.Observe(TuningRun.KindName, key, status.TuningJobStatus,
            status.BestTrainingJob?.MAP is { } map ? [(RunJobs.MapMetric, map)] : []);
        await runs.UpdateStatusIfChangedAsync(run, status, ct);
        return Next(run, status);
    }

    // Settled, or waiting for the Dataset (watched): no poll. Waiting for warm-start parents (not watched) or on
    // SageMaker: a Describe that backs off for long tuning jobs, with live figures read at their own cadence in between
    // (Runs/RunCadence).
    private ReconcileResult Next(TuningRun run, TuningRunStatus status)
    {
        if (TuningRunStatusMapper.IsSettled(status) || status.Phase == TuningRunPhase.Waiting && run.Spec.WarmStart is not { TuningRunRefs.Count: > 0 })
        {
            _shell.Schedule.Forget(run.Key());
            return ReconcileResult.Done;
        }
        return _shell.Polled(run, status.TuningJobName ?? "", status, status.Conditions, Live);
    }

    // Live figures of the running job (issue 18), read at their own cadence while its Describe backs off.
    private RunLiveMetrics<TuningRunStatus> Live => new(settings.LiveMetrics is not null, settings.ProgressInterval,
        s => s.TuningJobStatus == HyperParameterTuningJobStatus.InProgress, (s, now) => LiveTuningProgress.IsDue(s, now, settings.ProgressInterval),
        (s, now, ct) => LiveTuningProgress.UpdateAsync(s, s.Progress, sageMaker, settings.LiveMetrics, now, settings.ProgressInterval, ct), s => s.Progress?.UpdatedAt);

    private async Task<TuningRunObservation> ObserveAsync(TuningRun run, CancellationToken ct)
    {
        var name = TuningJobNames.TuningJob(run);
        if (ObjectDetectionImage.Problem(settings.Region) is { } problem)
            return new(name, Misconfigured: problem);
        // Before the spec checks: an edit that makes the spec invalid still replaces (stops) the old spec's job.
        var history = await _shell.ReplaceOldJobAsync(run, run.Status?.TuningJobName, name, run.Status?.History ?? [], run.Status?.ObservedGeneration, ct);
        if (RunAdmission.Check(run, settings.Policy) is { Count: > 0 } errors)
            return new(name, InvalidSpec: RunAdmission.Message(errors), History: history);
        if (RunJobs.RejectedBefore(run.Status?.TuningJobName, name, run.Status?.Conditions, run.Metadata.Generation) is { } rejected)
            return new(name, Rejected: rejected);

        // As for a TrainingRun: only a job this generation already has is described before the inputs are Ready.
        var known = run.Status?.TuningJobName == name;
        if (known && await sageMaker.FindTuningJobAsync(name, ct) is { } job)
            return await WithTrialsAsync(run, new(name, Job: job, History: history), ct);

        var ns = run.Metadata.NamespaceProperty ?? "";
        var (data, waiting) = DatasetInputs.From(run.Spec.DatasetRef, await datasets.GetAsync(new ObjectKey(ns, run.Spec.DatasetRef), ct));
        if (data is null)
            return new(name, WaitingFor: waiting, History: history);
        if (ObjectDetectionHyperparameterWire.Check(run.Spec.Hyperparameters, data) is { Count: > 0 } dataErrors)
            return new(name, InvalidSpec: RunAdmission.Message(dataErrors), History: history);
        var (parents, parentWait) = await ParentsAsync(run, ct);
        if (parentWait is not null)
            return new(name, WaitingFor: parentWait, History: history);
        if (!known && await sageMaker.FindTuningJobAsync(name, ct) is { } lost)
            return await WithTrialsAsync(run, new(name, Job: lost, History: history), ct);
        var request = TuningRunRequests.BuildCreateTuningJob(run, data, ObjectDetectionImage.For(settings.Region)!, parents);
        try
        {
            var created = await sageMaker.CreateHyperParameterTuningJobAsync(request, ct);
            LogCreated(name, ns, run.Metadata.Name);
            events.Normal(run, Reasons.JobCreated, $"Created SageMaker tuning job {name} on Dataset {data.DatasetName}");
            return new(name, CreatedArn: created.HyperParameterTuningJobArn, Data: data, History: history);
        }
        catch (SageMakerException e) when (e.IsAlreadyExists)
        {
            LogAdopted(name, ns, run.Metadata.Name);
            var adopted = await sageMaker.FindTuningJobAsync(name, ct);
            return await WithTrialsAsync(run, new(name, Job: adopted, Data: data, History: history), ct);
        }
        catch (SageMakerException e) when (e.Kind == SageMakerErrorKind.Validation)
        {
            return new(name, Rejected: $"SageMaker refused tuning job {name}: {e.Message}", History: history);
        }
    }

    /// <summary>
    /// Adds the top trials (listed again only when the counters moved, to bound the call rate) and the best job's
    /// artifact (described once per best job).
    /// </summary>
    private async Task<TuningRunObservation> WithTrialsAsync(TuningRun run, TuningRunObservation observed, CancellationToken ct)
    {
        if (observed.Job is not { } job)
            return observed;
        var previous = run.Status?.TuningJobName == observed.JobName ? run.Status : null;
        var counters = TuningRunStatusMapper.Counters(job);
        IReadOnlyList<HyperParameterTrainingJobSummary>? trials = null;
        if (previous?.Counters != counters || previous.TopTrials.Count == 0 && counters.Completed > 0)
            trials = (await sageMaker.ListTrainingJobsForHyperParameterTuningJobAsync(TuningRunRequests.ListTopTrials(observed.JobName), ct)).TrainingJobSummaries;
        string? artifact = null;
        if (job.BestTrainingJob is { TrainingJobStatus: TrainingJobStatus.Completed } best)
            artifact = previous?.BestTrainingJob is { ModelArtifactUri: { } known } old && old.Name == best.TrainingJobName
                ? known
                : (await sageMaker.FindTrainingJobAsync(best.TrainingJobName, ct))?.ModelArtifacts.S3ModelArtifacts;
        return observed with { TopTrials = trials, BestArtifactUri = artifact };
    }

    /// <summary>The tuning job names of the warm-start parents, or why the run must wait for one of them.</summary>
    private async Task<(IReadOnlyList<string> Parents, string? Wait)> ParentsAsync(TuningRun run, CancellationToken ct)
    {
        var parents = new List<string>();
        foreach (var parentName in run.Spec.WarmStart?.TuningRunRefs ?? [])
        {
            var parent = await runs.GetAsync(new ObjectKey(run.Metadata.NamespaceProperty ?? "", parentName), ct);
            // SageMaker accepts only parents that have finished.
            if (parent?.Status is not { TuningJobName: { } job, Phase: TuningRunPhase.Completed or TuningRunPhase.Stopped })
                return ([], $"Warm-start TuningRun {parentName} has not finished yet (phase {parent?.Status?.Phase ?? (parent is null ? "missing" : "none")})");
            parents.Add(job);
        }
        return (parents, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created SageMaker tuning job {JobName} for TuningRun {Namespace}/{Name}")]
    private partial void LogCreated(string jobName, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted existing SageMaker tuning job {JobName} for TuningRun {Namespace}/{Name}")]
    private partial void LogAdopted(string jobName, string @namespace, string name);

}
