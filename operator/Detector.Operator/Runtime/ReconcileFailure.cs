namespace Detector.Operator.Runtime;

/// <summary>How the loop treats a failed reconcile.</summary>
public enum FailureKind
{
    /// <summary>Network, throttling, 5xx, 409: retried with per-key backoff; <c>Reconciling=True</c>, reason <c>Retrying</c>.</summary>
    Transient,

    /// <summary>
    /// The operator's own configuration (region, endpoint, credentials, IAM permissions, RBAC): <c>Stalled=True</c>
    /// because nothing the user does to the object helps. Not retried in a loop: re-checked when the object changes and
    /// on the slow timer <see cref="ControllerOptions.StalledRecheck"/> (a person fixes it live, nothing tells us when).
    /// </summary>
    Misconfiguration,

    /// <summary>
    /// An account limit of AWS (a service quota, <c>ResourceLimitExceeded</c>): <c>Stalled=True</c>, the phase kept;
    /// re-checked like <see cref="Misconfiguration"/>, since capacity frees up or a person raises the quota.
    /// </summary>
    Blocked,

    /// <summary>The spec (or what a server made of it) is refused: not retried until the generation changes; phase Failed.</summary>
    Terminal,
}

/// <summary>A reconcile failure as the user sees it: condition reason, a one-line message, and how the loop retries.</summary>
/// <param name="Reason">A <see cref="Reasons"/> constant.</param>
/// <param name="Message">One line, no stack trace, secrets redacted.</param>
/// <param name="Kind">Transient, misconfiguration or terminal.</param>
public sealed record ReconcileFailure(string Reason, string Message, FailureKind Kind)
{
    /// <summary>Whether the loop retries it with backoff (only <see cref="FailureKind.Transient"/>).</summary>
    public bool Retries => Kind == FailureKind.Transient;

    /// <summary>
    /// Whether only a person can clear it (every kind but <see cref="FailureKind.Transient"/>): shown as
    /// <c>Stalled</c>, never retried in a loop.
    /// </summary>
    public bool NeedsPerson => Kind != FailureKind.Transient;
}

/// <summary>
/// Thrown by a reconciler for a spec it cannot act on (after writing nothing); the runtime sets <c>InvalidSpec</c>
/// and waits for a new generation.
/// </summary>
public sealed class InvalidSpecException(string message) : Exception(message);

/// <summary>
/// Thrown when the operator's configuration cannot serve the object (e.g. no AWS region); the message must name the
/// flag or environment variable that fixes it.
/// </summary>
public sealed class OperatorMisconfiguredException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Thrown by a reconciler that has already put what went wrong into words (naming the object); the runtime shows the
/// message as it is under <c>Retrying</c> and retries with backoff.
/// </summary>
public sealed class RetryableException(string message, Exception? inner = null) : Exception(message, inner);
