namespace Detector.Operator.Runtime;

/// <summary>Tuning of one controller.</summary>
public sealed record ControllerOptions
{
    /// <summary>Parallel reconciles (different keys only).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>How long in-flight reconciles may run after shutdown begins before they are cancelled.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-key backoff after errors.</summary>
    public Backoff Backoff { get; init; } = Backoff.Default;
}
