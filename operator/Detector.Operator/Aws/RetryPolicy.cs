namespace Detector.Operator.Aws;

/// <summary>Which failures the client retries and how long it waits: full-jitter exponential backoff. Pure.</summary>
public static class RetryPolicy
{
    /// <summary>True when the client should try again after a failure of <paramref name="kind"/>.</summary>
    /// <param name="kind">The classified failure.</param>
    /// <param name="retriesSoFar">Retries already made (0 after the first attempt failed).</param>
    /// <param name="maxRetries">The configured bound.</param>
    public static bool ShouldRetry(SageMakerErrorKind kind, int retriesSoFar, int maxRetries) =>
        retriesSoFar < maxRetries && kind is SageMakerErrorKind.Throttling or SageMakerErrorKind.Transient;

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (0-based): <c>jitter · min(cap, base · 2^retry)</c>, where
    /// <paramref name="jitter"/> is uniform in [0, 1) ("full jitter", as botocore's standard mode).
    /// </summary>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan cap, double jitter)
    {
        var ceiling = retry >= 30 ? cap : TimeSpan.FromTicks((long)Math.Min(cap.Ticks, baseDelay.Ticks * Math.Pow(2, retry)));
        return TimeSpan.FromTicks((long)(ceiling.Ticks * Math.Clamp(jitter, 0, 1)));
    }
}
