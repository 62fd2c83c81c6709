using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using R = Detector.Operator.DetectionEndpoints.EndpointReasons;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// Pure: what a DetectionEndpoint reconcile tells the user, from the stored status, the plan it performed and the
/// status it computed — the rollout's own Events, then the phase change
/// (<see cref="PhaseTransitions.Decide(string?, IReadOnlyList{k8s.Models.V1Condition}?, string, IReadOnlyList{k8s.Models.V1Condition}, bool, PhaseEventRule)"/>).
/// </summary>
public static class DetectionEndpointEvents
{
    /// <summary>
    /// The phase change under <see cref="DetectionEndpointPhaseTable.Events"/>: a Warning when the endpoint stalls in
    /// phase Failed (a rollout held back while the previous version serves is told by the rollout's own
    /// <c>RolloutFailed</c> Warning, not twice), a Normal <c>InService</c> on reaching service, null when neither phase
    /// nor reason moved.
    /// </summary>
    public static PhaseTransition? Transition(DetectionEndpointStatus? before, DetectionEndpointStatus after) =>
        PhaseTransitions.Decide(before?.Phase, before?.Conditions, after.Phase!, after.Conditions,
            after.Phase == DetectionEndpointPhase.Failed && Conditions.IsTrue(after.Conditions, Conditions.Stalled),
            DetectionEndpointPhaseTable.Events);

    /// <summary>
    /// <c>RolloutStarted</c> when the performed step starts a rollout, and, when the rollout in progress in
    /// <paramref name="before"/> ended, <c>RolloutSucceeded</c> or a Warning <c>RolloutFailed</c> with SageMaker's reason.
    /// </summary>
    /// <param name="before">The stored status (null: none yet).</param>
    /// <param name="plan">The plan of this reconcile.</param>
    /// <param name="after">The status just computed.</param>
    /// <param name="performed">False when SageMaker refused the step (nothing started).</param>
    public static IReadOnlyList<PhaseEvent> Rollout(DetectionEndpointStatus? before, EndpointPlan plan, DetectionEndpointStatus after, bool performed)
    {
        var recorded = new List<PhaseEvent>();
        if (performed && plan.Step.RolloutVersion is { } version)
            recorded.Add(new(EventTypes.Normal, R.RolloutStarted,
                $"Rolling out version {version}" + (after.DeployedVersion is { } from ? $" (replacing version {from})" : "")));
        if (before?.LastRollout is { Result: RolloutResults.InProgress } && plan.Rollout.Last is { } last && last.Result != RolloutResults.InProgress)
            recorded.Add(last.Result == RolloutResults.Succeeded
                ? new(EventTypes.Normal, R.RolloutSucceeded, $"Version {last.Version} serves on endpoint {after.EndpointName}")
                : new(EventTypes.Warning, R.RolloutFailed, $"Version {last.Version} {last.Result}: {last.Message}"));
        return recorded;
    }
}
