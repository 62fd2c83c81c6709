using System.Collections.Concurrent;
using Detector.Operator.Runtime;

namespace Detector.Operator.Runs;

/// <summary>
/// Pure: how often a run with a running job is looked at. Describing the job backs off for long waits
/// (<see cref="PollSchedule"/>: a 10-hour job is described at most every 5 minutes), while its live metrics
/// (<c>status.progress</c>, the <c>Live mAP</c>/<c>Epoch</c>/<c>Live Best</c> columns) keep their own cadence (at most one read
/// per job per progress interval, 1 minute by default). The requeue is the earlier of the two; a reconcile due only for
/// metrics reads them and does not Describe.
/// </summary>
public static class RunCadence
{
    /// <summary>The shortest requeue: a clock at the edge of a due time never spins.</summary>
    public static readonly TimeSpan MinimumRequeue = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether this reconcile only refreshes live metrics: they are due (<paramref name="metricsDue"/>) and the job's next
    /// Describe (<paramref name="describeDue"/>, null when unknown: a new generation, another job, a restarted operator)
    /// is not.
    /// </summary>
    public static bool MetricsOnly(DateTimeOffset? describeDue, bool metricsDue, DateTimeOffset now) =>
        metricsDue && describeDue is { } due && now < due;

    /// <summary>
    /// When live metrics are next read: an interval after the last read, and never sooner than an interval from now (a
    /// read that failed or found no point yet is not retried in a loop).
    /// </summary>
    public static DateTimeOffset NextMetricsRead(DateTime? lastRead, TimeSpan interval, DateTimeOffset now)
    {
        var after = lastRead is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) + interval : now + interval;
        return after > now ? after : now + interval;
    }

    /// <summary>
    /// The requeue of a run waiting on its job: until the next Describe (<paramref name="describeDue"/>) or, while
    /// <paramref name="metricsLive"/> (live metrics are read for a running job), the next metrics read if that is earlier.
    /// </summary>
    public static TimeSpan Requeue(DateTimeOffset now, DateTimeOffset describeDue, bool metricsLive, DateTime? lastRead, TimeSpan metricsInterval)
    {
        var next = metricsLive && NextMetricsRead(lastRead, metricsInterval, now) is var read && read < describeDue ? read : describeDue;
        var wait = next - now;
        return wait < MinimumRequeue ? MinimumRequeue : wait;
    }
}

/// <summary>
/// When each run's job is next to be described, for <see cref="RunCadence.MetricsOnly"/>. In memory on purpose: it
/// only saves calls, so a restarted operator (or a new leader) simply describes at once. An entry holds only for the
/// generation and job it was made for.
/// </summary>
public sealed class DescribeSchedule
{
    private readonly ConcurrentDictionary<ObjectKey, (long? Generation, string Job, DateTimeOffset Due)> _due = new();

    /// <summary>The next Describe of <paramref name="job"/> for this generation, or null when unknown (describe now).</summary>
    public DateTimeOffset? DueAt(ObjectKey key, long? generation, string job) =>
        _due.TryGetValue(key, out var d) && d.Generation == generation && d.Job == job ? d.Due : null;

    /// <summary>Records that <paramref name="job"/> was described and is next due at <paramref name="due"/>.</summary>
    public void Described(ObjectKey key, long? generation, string job, DateTimeOffset due) => _due[key] = (generation, job, due);

    /// <summary>Forgets the run (settled, deleted or gone).</summary>
    public void Forget(ObjectKey key) => _due.TryRemove(key, out _);
}
