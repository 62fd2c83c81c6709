namespace Detector.Operator.Runtime;

/// <summary>Per-key exponential backoff: <c>min(Base · 2^failures, Cap)</c>.</summary>
public sealed record Backoff(TimeSpan Base, TimeSpan Cap)
{
    /// <summary>1 s doubling to a 5 min cap, the reconcile default.</summary>
    public static readonly Backoff Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    /// <summary>The delay after <paramref name="previousFailures"/> earlier consecutive failures (0 for the first).</summary>
    public TimeSpan Delay(int previousFailures)
    {
        // Past 2^30 the multiplication would overflow; the cap has long been reached.
        if (previousFailures >= 30)
            return Cap;
        var delay = Base * Math.Pow(2, previousFailures);
        return delay > Cap ? Cap : delay;
    }
}
