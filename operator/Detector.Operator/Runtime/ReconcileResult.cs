namespace Detector.Operator.Runtime;

/// <summary>What a reconcile asks of the loop: nothing more, or another look after a delay.</summary>
public sealed record ReconcileResult(TimeSpan? RequeueAfter)
{
    /// <summary>Settled: wait for the next watch event.</summary>
    public static readonly ReconcileResult Done = new((TimeSpan?)null);

    /// <summary>Look again after <paramref name="delay"/> (polling a Job or SageMaker).</summary>
    public static ReconcileResult After(TimeSpan delay) => new(delay);
}
