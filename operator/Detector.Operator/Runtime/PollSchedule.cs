using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// Pure: how long to wait before looking at a long-running AWS resource (or Job) again. The configured interval
/// (<c>--poll-interval</c>, 30 s) for the first 10 intervals of a wait, then a tenth of the time waited so far, capped at
/// 10 intervals: a training job that has run for an hour is described every 5 minutes, not every 30 s, and its end
/// is noticed at most 10 % of its run time late (at most 10 intervals).
/// </summary>
public static class PollSchedule
{
    /// <summary>The cap as a multiple of the interval, and the share of the time waited (1/Spread) used as the delay.</summary>
    public const int Spread = 10;

    /// <summary>The delay after a wait of <paramref name="waited"/> so far, polling every <paramref name="interval"/> at first.</summary>
    public static TimeSpan After(TimeSpan interval, TimeSpan waited)
    {
        var grown = waited / Spread;
        var cap = interval * Spread;
        return grown <= interval ? interval : grown >= cap ? cap : grown;
    }

    /// <summary>
    /// The delay for an object whose wait began when its <c>Ready</c> condition last changed (else at its creation; no
    /// backoff when neither is known).
    /// </summary>
    public static TimeSpan After(TimeSpan interval, IReadOnlyList<V1Condition>? conditions, DateTime? created, DateTimeOffset now)
    {
        var since = Conditions.Get(conditions, Conditions.Ready)?.LastTransitionTime ?? created;
        return After(interval, since is { } s ? now - new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc)) : TimeSpan.Zero);
    }
}
