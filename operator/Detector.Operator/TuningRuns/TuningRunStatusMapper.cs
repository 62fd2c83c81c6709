using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;

namespace Detector.Operator.TuningRuns;

/// <summary>Pure: what the reconciler observed → the TuningRun status (phase, conditions, counters, best job, top trials).</summary>
public static class TuningRunStatusMapper
{
    /// <summary>Maps an observation to the status; conditions keep their transition times when their status does not flip.</summary>
    public static TuningRunStatus Map(TuningRun run, TuningRunObservation observed, DateTimeOffset now)
    {
        var view = View(observed);
        var generation = run.Metadata.Generation;
        var state = TuningRunPhaseTable.Table.StateOf(view.Phase, view.Reason);
        var conditions = Conditions.SetSummary(run.Status?.Conditions, state, view.Reason, view.Message, generation, now);
        var job = observed.Job;
        var previous = run.Status?.TuningJobName == observed.JobName ? run.Status : null;
        var hasJob = job is not null || observed.CreatedArn is not null;
        return new TuningRunStatus
        {
            Phase = view.Phase,
            ObservedGeneration = generation,
            Conditions = conditions,
            TuningJobName = hasJob || view.Reason == Reasons.SageMakerRejected ? observed.JobName : null,
            TuningJobArn = job?.HyperParameterTuningJobArn ?? observed.CreatedArn,
            TuningJobStatus = job?.HyperParameterTuningJobStatus,
            Counters = job is null ? null : Counters(job),
            BestTrainingJob = Best(job?.BestTrainingJob, observed.BestArtifactUri),
            TopTrials = observed.TopTrials is { } listed ? Trials(listed) : hasJob ? previous?.TopTrials ?? [] : [],
            DatasetContentHash = observed.Data?.ContentHash ?? (hasJob ? previous?.DatasetContentHash : null),
            StartTime = job?.CreationTime.UtcDateTime,
            EndTime = job?.HyperParameterTuningEndTime?.UtcDateTime,
            FailureReason = state == ReconcileState.Stalled ? view.Message : null,
            History = [.. (observed.History ?? run.Status?.History ?? []).Take(RunJobs.MaxHistory)],
        };
    }

    /// <summary>True when nothing more happens without a spec change: Completed, Failed or Stopped (or stalled before a job).</summary>
    public static bool IsSettled(TuningRunStatus status) =>
        status.Phase is TuningRunPhase.Completed or TuningRunPhase.Failed or TuningRunPhase.Stopped
        && !Conditions.IsTrue(status.Conditions, Conditions.Reconciling)
        || Conditions.IsTrue(status.Conditions, Conditions.Stalled);

    /// <summary>The counters of a Describe response (failed = retryable + non-retryable errors).</summary>
    public static TuningCounters Counters(DescribeHyperParameterTuningJobResponse job) => new()
    {
        Completed = job.TrainingJobStatusCounters.Completed ?? 0,
        InProgress = job.TrainingJobStatusCounters.InProgress ?? 0,
        Failed = (job.TrainingJobStatusCounters.RetryableError ?? 0) + (job.TrainingJobStatusCounters.NonRetryableError ?? 0),
        Stopped = job.TrainingJobStatusCounters.Stopped ?? 0,
        ObjectiveSucceeded = job.ObjectiveStatusCounters.Succeeded ?? 0,
    };

    /// <summary>The best job of the tuning job, with its artifact when it is known.</summary>
    public static BestTrainingJob? Best(HyperParameterTrainingJobSummary? best, string? artifactUri) => best is null ? null : new()
    {
        Name = best.TrainingJobName,
        MAP = best.FinalHyperParameterTuningJobObjectiveMetric?.Value,
        TunedHyperparameters = new SortedDictionary<string, string>(best.TunedHyperParameters, StringComparer.Ordinal),
        ModelArtifactUri = artifactUri,
        Status = best.TrainingJobStatus,
    };

    /// <summary>The listed jobs as trials, best first (jobs without a metric last), at most <see cref="TuningRunRequests.TopTrials"/>.</summary>
    public static IReadOnlyList<TuningTrial> Trials(IEnumerable<HyperParameterTrainingJobSummary> listed) =>
        [.. listed
            .OrderByDescending(j => j.FinalHyperParameterTuningJobObjectiveMetric?.Value ?? double.NegativeInfinity)
            .ThenBy(j => j.TrainingJobName, StringComparer.Ordinal)
            .Take(TuningRunRequests.TopTrials)
            .Select(j => new TuningTrial
            {
                Name = j.TrainingJobName,
                Status = j.TrainingJobStatus,
                MAP = j.FinalHyperParameterTuningJobObjectiveMetric?.Value,
                TunedHyperparameters = new SortedDictionary<string, string>(j.TunedHyperParameters, StringComparer.Ordinal),
            })];

    /// <summary>An entry for the history when a tuning job is replaced by a spec edit.</summary>
    public static JobHistoryEntry HistoryEntry(string jobName, DescribeHyperParameterTuningJobResponse? job, long? generation,
        DateTimeOffset now, string? statusOverride = null) => new()
    {
        JobName = jobName,
        Status = statusOverride ?? job?.HyperParameterTuningJobStatus ?? "NotFound",
        Generation = generation,
        MAP = job?.BestTrainingJob?.FinalHyperParameterTuningJobObjectiveMetric?.Value,
        EndTime = (job?.HyperParameterTuningEndTime ?? now).UtcDateTime,
    };

    private static PhaseView View(TuningRunObservation o)
    {
        if (o.InvalidSpec is { } invalid)
            return new(TuningRunPhase.Failed, Reasons.InvalidSpec, invalid);
        if (o.Misconfigured is { } misconfigured)
            return new(TuningRunPhase.Pending, Reasons.OperatorMisconfigured, misconfigured);
        if (o.Rejected is { } rejected)
            return new(TuningRunPhase.Failed, Reasons.SageMakerRejected, rejected);
        if (o.Job is null)
        {
            if (o.CreatedArn is not null)
                return new(TuningRunPhase.Tuning, RunReasons.JobStarting, $"Created SageMaker tuning job {o.JobName}");
            return o.WaitingFor is { } waiting
                ? new(TuningRunPhase.Waiting, RunReasons.WaitingForReference, waiting)
                : new(TuningRunPhase.Pending, RunReasons.JobPending, $"Tuning job {o.JobName} is not created yet");
        }
        var job = o.Job;
        var c = Counters(job);
        var progress = $"{c.Completed} completed, {c.InProgress} running, {c.Failed} failed, {c.Stopped} stopped";
        return job.HyperParameterTuningJobStatus switch
        {
            HyperParameterTuningJobStatus.InProgress => new(TuningRunPhase.Tuning, RunReasons.JobInProgress,
                $"Tuning job {o.JobName}: {progress}{BestText(job)}"),
            HyperParameterTuningJobStatus.Completed when o.BestArtifactUri is null && job.BestTrainingJob is { TrainingJobStatus: TrainingJobStatus.Completed } =>
                // Completed, but the best job's artifact is not read yet: one more look before Ready.
                new(TuningRunPhase.Tuning, RunReasons.JobInProgress, $"Tuning job {o.JobName} completed; reading the best job"),
            HyperParameterTuningJobStatus.Completed => new(TuningRunPhase.Completed, RunReasons.JobCompleted,
                $"Tuning job {o.JobName} completed: {progress}{BestText(job)}"),
            HyperParameterTuningJobStatus.Failed => new(TuningRunPhase.Failed, RunReasons.JobFailed,
                $"Tuning job {o.JobName} failed: {job.FailureReason ?? "no reason given"}"),
            HyperParameterTuningJobStatus.Stopping => new(TuningRunPhase.Stopped, RunReasons.JobStopping, $"Tuning job {o.JobName} is stopping"),
            HyperParameterTuningJobStatus.Stopped => new(TuningRunPhase.Stopped, RunReasons.JobStopped,
                $"Tuning job {o.JobName} was stopped: {progress}{BestText(job)}"),
            _ => new(TuningRunPhase.Tuning, RunReasons.UnknownJobStatus, $"SageMaker reported status {job.HyperParameterTuningJobStatus} for {o.JobName}"),
        };
    }

    private static string BestText(DescribeHyperParameterTuningJobResponse job) =>
        job.BestTrainingJob is { FinalHyperParameterTuningJobObjectiveMetric: { } metric } best
            ? $"; best {best.TrainingJobName} with {metric.MetricName} {metric.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}"
            : "";

    private sealed record PhaseView(string Phase, string Reason, string Message);
}
