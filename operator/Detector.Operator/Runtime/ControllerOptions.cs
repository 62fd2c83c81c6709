namespace Detector.Operator.Runtime;

/// <summary>Tuning of one controller.</summary>
public sealed record ControllerOptions
{
    /// <summary>Parallel reconciles (different keys only).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>How long in-flight reconciles may run after shutdown begins before they are cancelled.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-key backoff after transient errors.</summary>
    public Backoff Backoff { get; init; } = Backoff.Default;

    /// <summary>The default of <see cref="StalledRecheck"/>: 5 minutes, the cap of the transient backoff.</summary>
    public static readonly TimeSpan DefaultStalledRecheck = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an object stalled on something only a person outside it can fix (credentials, IAM, RBAC, a quota)
    /// waits before it is looked at again; any change to the object brings it back sooner. Null: the manager's
    /// setting, else <see cref="DefaultStalledRecheck"/>.
    /// </summary>
    public TimeSpan? StalledRecheck { get; init; }
}
