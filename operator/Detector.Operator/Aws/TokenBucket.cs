namespace Detector.Operator.Aws;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>: <see cref="Reserve"/> takes a token now or reserves the next free
/// one and says how long to wait for it, so concurrent callers queue in order and the rate holds over all of them.
/// Ours rather than System.Threading.RateLimiting's, whose replenishment runs on a real timer, not a TimeProvider.
/// </summary>
public sealed class TokenBucket
{
    private readonly object _gate = new();
    private readonly double _ratePerSecond;
    private readonly double _capacity;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _lastTimestamp;

    /// <summary>A full bucket of <paramref name="burst"/> tokens refilled at <paramref name="ratePerSecond"/>.</summary>
    public TokenBucket(double ratePerSecond, int burst, TimeProvider time)
    {
        if (ratePerSecond <= 0)
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The rate must be positive");
        _ratePerSecond = ratePerSecond;
        _capacity = Math.Max(1, burst);
        _time = time;
        _tokens = _capacity;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>Takes one token and returns how long the caller must wait before using it (zero when one was free).</summary>
    public TimeSpan Reserve() => TryReserve(TimeSpan.MaxValue) ?? TimeSpan.Zero;

    /// <summary>
    /// Takes one token only when the caller would wait at most <paramref name="maxWait"/> for it, and returns that wait;
    /// null (and no token taken) when the queue is longer: a call that can be skipped is not made to wait.
    /// </summary>
    public TimeSpan? TryReserve(TimeSpan maxWait)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + _time.GetElapsedTime(_lastTimestamp, now).TotalSeconds * _ratePerSecond);
            _lastTimestamp = now;
            // A negative balance is the queue of callers already waiting; this one waits until its token has refilled.
            var wait = _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _ratePerSecond);
            if (wait > maxWait)
                return null;
            _tokens -= 1;
            return wait;
        }
    }
}
