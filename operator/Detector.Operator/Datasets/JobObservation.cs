using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Datasets;

/// <summary>Where a Job is in its life, as far as the Dataset cares.</summary>
public enum JobState
{
    /// <summary>Created, pods pending or running.</summary>
    Active,

    /// <summary>Condition Complete=True.</summary>
    Succeeded,

    /// <summary>Condition Failed=True.</summary>
    Failed,
}

/// <summary>Which of a Dataset's Jobs an observation is about.</summary>
public enum JobStage
{
    /// <summary>The single preparation Job (parallelism 1).</summary>
    Prepare,

    /// <summary>The Indexed Job that prepares the shards (parallelism &gt; 1).</summary>
    Shards,

    /// <summary>The Job that merges the shards.</summary>
    Merge,
}

/// <summary>What the reconciler saw of one Job: a small record of our own, so the status mapper stays pure.</summary>
/// <param name="Name">The Job's name.</param>
/// <param name="Stage">Which Job it is.</param>
/// <param name="State">Active, Succeeded or Failed.</param>
/// <param name="Reason">The Failed condition's reason (BackoffLimitExceeded, DeadlineExceeded, ...), if any.</param>
/// <param name="Message">The Failed condition's message, if any.</param>
/// <param name="PodTerminationMessage">The failed pod's termination message (the tool's last error, or its log tail), if read.</param>
/// <param name="SucceededPods">Pods that succeeded (shards done for an Indexed Job).</param>
/// <param name="Completions">Pods that must succeed.</param>
/// <param name="RequestedAt">The Dataset's reconcile-requested-at value the Job was created for, if any.</param>
/// <param name="PodProblem">Why an active Job's pod cannot start (<c>pod: reason: message</c>), if one is stuck.</param>
public sealed record JobObservation(
    string Name,
    JobStage Stage,
    JobState State,
    string? Reason = null,
    string? Message = null,
    string? PodTerminationMessage = null,
    int SucceededPods = 0,
    int Completions = 1,
    string? RequestedAt = null,
    string? PodProblem = null)
{
    /// <summary>Reads the state from a Job's conditions (Complete / Failed), the signals the Job controller sets last.</summary>
    public static JobObservation From(V1Job job, JobStage stage, string? podTerminationMessage = null)
    {
        var conditions = job.Status?.Conditions ?? [];
        var failed = conditions.FirstOrDefault(c => c.Type == "Failed" && c.Status == "True");
        var complete = conditions.Any(c => c.Type == "Complete" && c.Status == "True");
        var state = failed is not null ? JobState.Failed : complete ? JobState.Succeeded : JobState.Active;
        return new JobObservation(
            job.Metadata.Name,
            stage,
            state,
            failed?.Reason,
            failed?.Message,
            state == JobState.Failed ? podTerminationMessage : null,
            job.Status?.Succeeded ?? 0,
            job.Spec?.Completions ?? 1,
            Annotations.ReconcileRequestedAt(job));
    }

    /// <summary>
    /// Pure: whether an active Job's pods are worth listing for one that cannot start: none has succeeded yet, and not
    /// every active pod is Ready (<c>status.ready</c>, the Job controller's count; a Ready pod's containers run). A
    /// running preparation Job then costs no API request per poll.
    /// </summary>
    public static bool PodsMayBeStuck(V1Job job) =>
        job.Status?.Succeeded is null or 0 && !(job.Status?.Ready is > 0 and var ready && ready >= (job.Status?.Active ?? 0));

    /// <summary>
    /// A failed Job is retried only on request: the user fixed the data (not the spec) and set a new
    /// <c>detector.dev/reconcile-requested-at</c> on the Dataset. Pure.
    /// </summary>
    public static bool RetryRequested(JobObservation job, string? datasetRequestedAt) =>
        job.State == JobState.Failed && datasetRequestedAt is not null && datasetRequestedAt != job.RequestedAt;

    /// <summary>The first pod whose container waits for a reason in <paramref name="stuckReasons"/>, as <c>pod: reason: message</c>. Pure.</summary>
    public static string? StuckPod(IEnumerable<V1Pod> pods, IReadOnlySet<string> stuckReasons) =>
        pods.SelectMany(p => (p.Status?.ContainerStatuses ?? []).Select(s => (Pod: p.Metadata.Name, s.State?.Waiting)))
            .Where(w => w.Waiting?.Reason is { } reason && stuckReasons.Contains(reason))
            .Select(w => $"{w.Pod}: {w.Waiting!.Reason}: {w.Waiting.Message ?? "no message"}")
            .FirstOrDefault();

    /// <summary>The most telling failure text of a failed Job's pods: the newest non-empty container termination message.</summary>
    public static string? TerminationMessage(IEnumerable<V1Pod> pods) =>
        pods
            .SelectMany(p => p.Status?.ContainerStatuses ?? [])
            .Select(s => s.State?.Terminated ?? s.LastState?.Terminated)
            .Where(t => t is not null && t.ExitCode != 0 && !string.IsNullOrWhiteSpace(t.Message))
            .OrderByDescending(t => t!.FinishedAt ?? DateTime.MinValue)
            .Select(t => t!.Message!.Trim())
            .FirstOrDefault();
}
