namespace Detector.Operator.Runtime;

/// <summary>
/// Level-based reconcile of one object: read it, compare desired with observed, take one step, write status,
/// say when to look again. Transient failures are thrown; the loop backs off.
/// </summary>
public interface IReconciler<T>
{
    /// <summary>Reconciles the object with this key (it may be gone).</summary>
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct);
}
