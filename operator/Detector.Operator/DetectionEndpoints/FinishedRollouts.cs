using Detector.Operator.Api.V1Alpha1;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// Pure: the rollout a status write finished. Derived from the stored status (the one in progress before, finished
/// after), so a restarted operator, which reads the finished rollout back from the status, never counts it again.
/// </summary>
public static class FinishedRollouts
{
    /// <summary>
    /// The rollout that was in progress in <paramref name="before"/> and has a result in <paramref name="after"/> (as
    /// the last rollout or, when a newer one started in the same step, in the history); null when none finished.
    /// </summary>
    public static RolloutResult? Between(DetectionEndpointStatus? before, DetectionEndpointStatus after)
    {
        if (before?.LastRollout is not { Result: RolloutResults.InProgress } running)
            return null;
        return new[] { after.LastRollout }.Concat(after.RolloutHistory)
            .FirstOrDefault(r => r is not null && r.Result != RolloutResults.InProgress
                && r.Version == running.Version && r.StartedAt == running.StartedAt);
    }
}
