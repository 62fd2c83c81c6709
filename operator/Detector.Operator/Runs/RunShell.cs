using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Runs;

/// <summary>
/// What the shared run shell needs of one run kind's SageMaker job: how it is named in messages, described, stopped,
/// read and recorded in the history when a spec change replaces it.
/// </summary>
/// <param name="Kind">The run's kind, e.g. <c>TrainingRun</c> (Events, logs, metrics).</param>
/// <param name="Noun">The job's name in messages, e.g. <c>training job</c>.</param>
/// <param name="Find">Describes a job; null when SageMaker does not know it.</param>
/// <param name="TryStop">Stops a job; false when there was nothing to stop.</param>
/// <param name="StatusOf">The job's status (<c>InProgress</c>, <c>Stopping</c>, …).</param>
/// <param name="HistoryEntry">The history entry of a replaced job (name, description, generation, time, status override).</param>
public sealed record RunJobKind<TJob>(
    string Kind,
    string Noun,
    Func<string, CancellationToken, Task<TJob?>> Find,
    Func<string, CancellationToken, Task<bool>> TryStop,
    Func<TJob, string?> StatusOf,
    Func<string, TJob?, long?, DateTimeOffset, string?, JobHistoryEntry> HistoryEntry) where TJob : class;

/// <summary>How one run kind reads the live metrics of its running job (<c>status.progress</c>), for <see cref="RunCadence"/>.</summary>
/// <param name="Enabled">Whether the operator reads live metrics at all (a SageMaker Metrics client is configured).</param>
/// <param name="Interval">The least time between two reads of one job (<c>--monitoring-interval</c>).</param>
/// <param name="IsRunning">Whether the status is of a running job (the only kind with live metrics).</param>
/// <param name="IsDue">Whether a read is due now (running, and the last read at least an interval old).</param>
/// <param name="ReadAsync">Reads them into the status (best effort: a failed read keeps the previous figures).</param>
/// <param name="ReadAt">When the status' figures were last read (null: never).</param>
public sealed record RunLiveMetrics<TStatus>(
    bool Enabled,
    TimeSpan Interval,
    Func<TStatus, bool> IsRunning,
    Func<TStatus, DateTimeOffset, bool> IsDue,
    Func<TStatus, DateTimeOffset, CancellationToken, Task<TStatus>> ReadAsync,
    Func<TStatus, DateTime?> ReadAt);

/// <summary>
/// The I/O both run kinds (TrainingRun, TuningRun) share around their one SageMaker job: replacing the job of an
/// older spec, stopping jobs before the finalizer goes, and recording phase changes (decided by
/// <see cref="PhaseTransitions"/>) as logs and Events, and the cadence of describing the job and reading its live
/// metrics (<see cref="RunCadence"/>). Each kind's shell keeps only what differs.
/// </summary>
public sealed class RunShell<TRun, TStatus, TJob>(
    IKubeStore<TRun> runs,
    RunJobKind<TJob> jobs,
    IEventRecorder events,
    TrainingMetrics metrics,
    TimeProvider clock,
    TimeSpan pollInterval,
    ILogger log)
    where TRun : class, IKubernetesObject<V1ObjectMeta>, IStatus<TStatus?>
    where TStatus : class
    where TJob : class
{
    /// <summary>When each run's job is next to be described (<see cref="RunCadence"/>).</summary>
    public DescribeSchedule Schedule { get; } = new();

    // TrainingJobStatus and HyperParameterTuningJobStatus share these two values.
    private const string InProgress = "InProgress";
    private const string Stopping = "Stopping";

    /// <summary>
    /// A spec edit derives a new job name: the previous job (<paramref name="old"/>, from status) is stopped if it still
    /// runs and goes into the history. Returns the history to write (null: unchanged).
    /// </summary>
    public async Task<IReadOnlyList<JobHistoryEntry>?> ReplaceOldJobAsync(TRun run, string? old, string name, IReadOnlyList<JobHistoryEntry> history,
        long? observedGeneration, CancellationToken ct)
    {
        if (old is null || old == name || history.Any(h => h.JobName == old))
            return null;
        var job = await jobs.Find(old, ct);
        string? status = null;
        if (job is not null && jobs.StatusOf(job) == InProgress && await jobs.TryStop(old, ct))
            status = Stopping;
        events.Normal(run, RunReasons.JobReplaced, $"The spec changed: {jobs.Noun} {old} is replaced by {name}" + (status is null ? "" : " and was asked to stop"));
        return [jobs.HistoryEntry(old, job, observedGeneration, clock.GetUtcNow(), status), .. history];
    }

    /// <summary>
    /// Deletion: with <c>deletionPolicy: Stop</c> stops the run's running jobs and lets go of the finalizer only once
    /// SageMaker reports them stopped; <c>Retain</c> lets them finish.
    /// </summary>
    public async Task<ReconcileResult> FinalizeAsync(TRun run, string deletionPolicy, IReadOnlyList<string> jobsToStop, CancellationToken ct)
    {
        if (!run.HasFinalizer(Finalizers.Cleanup))
            return ReconcileResult.Done;
        if (deletionPolicy == JobDeletionPolicy.Stop)
        {
            var stopping = false;
            foreach (var name in jobsToStop)
            {
                var job = await jobs.Find(name, ct);
                var status = job is null ? null : jobs.StatusOf(job);
                if (status == InProgress && await jobs.TryStop(name, ct))
                {
                    events.Normal(run, RunReasons.JobStopping, $"Stopping {jobs.Noun} {name}: the {jobs.Kind} is being deleted");
                    stopping = true;
                }
                stopping |= status == Stopping;
            }
            if (stopping)
                return ReconcileResult.After(pollInterval);   // Let go only once the job has stopped.
        }
        run.RemoveFinalizer(Finalizers.Cleanup);
        await runs.UpdateFinalizersAsync(run, ct);
        metrics.Forget(jobs.Kind, run.Key());
        Schedule.Forget(run.Key());
        return ReconcileResult.Done;
    }

    /// <summary>
    /// The requeue of a run that still waits on its job, just described: the job is next described after the backed-off
    /// poll (<see cref="PollSchedule"/>), and, while it runs, its live metrics are read at their own cadence in between
    /// (<see cref="RunCadence.Requeue"/>).
    /// </summary>
    public ReconcileResult Polled(TRun run, string job, TStatus status, IReadOnlyList<V1Condition> conditions, RunLiveMetrics<TStatus> live)
    {
        var now = clock.GetUtcNow();
        var due = now + PollSchedule.After(pollInterval, conditions, run.Metadata.CreationTimestamp, now);
        Schedule.Described(run.Key(), run.Metadata.Generation, job, due);
        return ReconcileResult.After(RunCadence.Requeue(now, due, live.Enabled && live.IsRunning(status), live.ReadAt(status), live.Interval));
    }

    /// <summary>
    /// A reconcile due only for the live metrics of the running job (its Describe is backed off and not due yet,
    /// <see cref="RunCadence.MetricsOnly"/>): reads them, writes the status with the rest as last described, and returns
    /// the next requeue; null when the job is to be described (a full reconcile).
    /// </summary>
    public async Task<ReconcileResult?> MetricsOnlyAsync(TRun run, string? job, RunLiveMetrics<TStatus> live, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!live.Enabled || run.Status is not { } stored || job is null
            || Schedule.DueAt(run.Key(), run.Metadata.Generation, job) is not { } due
            || !RunCadence.MetricsOnly(due, live.IsDue(stored, now), now))
            return null;
        var status = await live.ReadAsync(stored, now, ct);
        await runs.UpdateStatusIfChangedAsync(run, status, ct);
        return ReconcileResult.After(RunCadence.Requeue(now, due, metricsLive: true, live.ReadAt(status), live.Interval));
    }

    /// <summary>
    /// Logs and records (as an Event) a phase change, as <see cref="PhaseTransitions.Decide(string?, IReadOnlyList{V1Condition}?, string, IReadOnlyList{V1Condition}, bool, PhaseEventRule)"/>
    /// decides it under the kind's <paramref name="rule"/>: a run warns whenever it is Stalled.
    /// </summary>
    public void RecordTransition(TRun run, string? beforePhase, IReadOnlyList<V1Condition>? beforeConditions, string afterPhase,
        IReadOnlyList<V1Condition> afterConditions, PhaseEventRule rule) =>
        events.Report(log, jobs.Kind, run, PhaseTransitions.Decide(beforePhase, beforeConditions, afterPhase, afterConditions,
            Conditions.IsTrue(afterConditions, Conditions.Stalled), rule));
}
