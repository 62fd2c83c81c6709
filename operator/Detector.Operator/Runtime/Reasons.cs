using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// The condition and Event reasons that more than one kind (or the controller runtime) sets: the one vocabulary every
/// kind speaks when something needs a person or is retried. A kind's own reasons (its phases' situations) live beside
/// its phase table (<c>RunReasons</c>, <c>RegisteredModelReasons</c>, <c>EndpointReasons</c>, <c>DatasetPhases</c>)
/// and never repeat one of these. The strings are API: users match them in <c>kubectl wait</c>, alerts and GitOps
/// health checks, docs/operator.md and docs/gitops.md list them, and a test keeps those tables equal to this class.
/// </summary>
public static class Reasons
{
    /// <summary>
    /// A transient error (network, throttling, 5xx, a conflict, anything unexpected): <c>Reconciling=True</c>, the
    /// runtime retries with per-key backoff. Set only by the runtime (<see cref="ReconcileErrors"/>).
    /// </summary>
    public const string Retrying = "Retrying";

    /// <summary>
    /// The operator's own configuration cannot serve the object: no AWS region, no Object Detection image in the region,
    /// wrong or missing AWS credentials, RBAC the API server refuses. The message names the flag, environment variable or
    /// credentials to fix. <c>Stalled=True</c>; re-checked on a spec change and on the slow stalled timer.
    /// </summary>
    public const string OperatorMisconfigured = "OperatorMisconfigured";

    /// <summary>
    /// The spec (or the namespace policy) refuses the object before any call is made; the message names the field.
    /// <c>Stalled=True</c>, phase Failed, until the generation changes.
    /// </summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>
    /// A server refused a request the runtime derived from the spec and no kind handled it: the API server's 422
    /// Invalid, an AWS 4xx such as S3's <c>NoSuchBucket</c>; the message is the server's. <c>Stalled=True</c>, phase
    /// Failed, until the generation changes. (A create SageMaker refuses inside a kind's step is
    /// <see cref="SageMakerRejected"/>.)
    /// </summary>
    public const string Rejected = "Rejected";

    /// <summary>
    /// AWS denied the operator's IAM identity an action; the message names the action and resource when AWS does, and
    /// what to grant. <c>Stalled=True</c>, phase kept; re-checked on the slow stalled timer.
    /// </summary>
    public const string AccessDenied = "AccessDenied";

    /// <summary>
    /// An AWS account quota is exhausted (<c>ResourceLimitExceeded</c>, a service quota): free capacity or raise it.
    /// <c>Stalled=True</c>, phase kept; re-checked on the slow stalled timer.
    /// </summary>
    public const string QuotaExceeded = "QuotaExceeded";

    /// <summary>
    /// SageMaker refused a create or update a kind's step sent (<c>ValidationException</c>, e.g. a role it cannot
    /// assume); the message is SageMaker's. <c>Stalled=True</c>, phase Failed; the request is not sent again for the
    /// same generation (<see cref="RefusedThisGeneration"/>), only after a spec change.
    /// </summary>
    public const string SageMakerRejected = "SageMakerRejected";

    /// <summary>
    /// Event reason: a kind created the work it waits on (a Dataset's preparation Job, a run's SageMaker job); the
    /// message names it.
    /// </summary>
    public const string JobCreated = "JobCreated";

    /// <summary>
    /// Pure: SageMaker's refusal message when SageMaker already refused this <paramref name="generation"/>
    /// (<c>Stalled=True</c>, reason <see cref="SageMakerRejected"/>, observed at this generation), else null. The
    /// reconciler then reports the refusal again without calling SageMaker: no retry loop, and a spec edit (a new
    /// generation) tries once more.
    /// </summary>
    /// <param name="conditions">The conditions in the stored status (null: no status yet).</param>
    /// <param name="generation">The object's <c>metadata.generation</c>.</param>
    public static string? RefusedThisGeneration(IReadOnlyList<V1Condition>? conditions, long? generation) =>
        Conditions.Get(conditions, Conditions.Stalled) is { Status: Conditions.True, Reason: SageMakerRejected } stalled
        && stalled.ObservedGeneration == generation
            ? stalled.Message
            : null;
}
