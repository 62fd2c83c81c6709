namespace Detector.Operator.Runtime;

/// <summary>How the loop treats a failed reconcile.</summary>
public enum FailureKind
{
    /// <summary>Network, throttling, 5xx, 409: retried with per-key backoff; <c>Progressing=True</c>.</summary>
    Transient,

    /// <summary>
    /// The operator's own configuration (region, endpoint, credentials, RBAC): retried with backoff (RBAC and
    /// credentials can be fixed live), <c>Stalled=True</c> because nothing the user does to the object helps.
    /// </summary>
    Misconfiguration,

    /// <summary>The spec (or what the server made of it) is refused: not retried until the generation changes; phase Failed.</summary>
    Terminal,
}

/// <summary>The condition reasons the runtime sets when a reconcile fails.</summary>
public static class FailureReasons
{
    /// <summary>A transient error; the operator retries with backoff.</summary>
    public const string Retrying = "Retrying";

    /// <summary>The operator's configuration cannot work (the message names the flag or environment variable to fix).</summary>
    public const string OperatorMisconfigured = "OperatorMisconfigured";

    /// <summary>The spec is invalid (the message names the field).</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>The API server refused an object the operator derived from the spec (422 Invalid); the message is the server's.</summary>
    public const string Rejected = "Rejected";
}

/// <summary>A reconcile failure as the user sees it: condition reason, a one-line message, and how the loop retries.</summary>
/// <param name="Reason">A <see cref="FailureReasons"/> constant.</param>
/// <param name="Message">One line, no stack trace, secrets redacted.</param>
/// <param name="Kind">Transient, misconfiguration or terminal.</param>
public sealed record ReconcileFailure(string Reason, string Message, FailureKind Kind)
{
    /// <summary>Whether the loop retries it with backoff (everything but <see cref="FailureKind.Terminal"/>).</summary>
    public bool Retries => Kind != FailureKind.Terminal;
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
