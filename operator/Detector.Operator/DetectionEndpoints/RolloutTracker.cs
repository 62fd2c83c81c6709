using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>The rollout state after looking at SageMaker.</summary>
/// <param name="Last">The last rollout (finished now if SageMaker says so).</param>
/// <param name="History">Finished rollouts, newest first, bounded.</param>
/// <param name="FailedVersion">The version not to try again.</param>
/// <param name="FailedGeneration">The generation it failed in.</param>
public sealed record RolloutAssessment(RolloutResult? Last, IReadOnlyList<RolloutResult> History, int? FailedVersion, long? FailedGeneration);

/// <summary>
/// Pure: whether the rollout in progress has finished, and how. An inference component that is InService again but
/// serves the old model was rolled back by SageMaker (an alarm fired or the new copies failed); in SingleModel mode an
/// endpoint InService on another config than the rollout's means the blue/green update was rolled back.
/// </summary>
public static class RolloutTracker
{
    /// <summary>Assesses the status' last rollout against what SageMaker reports now.</summary>
    public static RolloutAssessment Assess(DetectionEndpoint endpoint, EndpointObservation observed, DateTimeOffset now)
    {
        var status = endpoint.Status ?? new DetectionEndpointStatus();
        var last = status.LastRollout;
        var unchanged = new RolloutAssessment(last, status.RolloutHistory, status.FailedVersion, status.FailedGeneration);
        if (last is not { Result: RolloutResults.InProgress, ModelName: { } model })
            return unchanged;
        var (result, message) = endpoint.Spec.DeploymentMode == EndpointDeploymentMode.SingleModel
            ? FromEndpoint(observed.Endpoint, DetectionEndpointNames.EndpointConfig(endpoint, model))
            : FromComponent(observed.Component, model);
        if (result == RolloutResults.InProgress)
            return unchanged;
        var finished = last with { Result = result, FinishedAt = now.UtcDateTime, Message = Truncate(message) };
        var history = new[] { finished }.Concat(status.RolloutHistory).Take(DetectionEndpointLimits.MaxRolloutHistory).ToList();
        return result == RolloutResults.Succeeded
            ? new(finished, history, status.FailedVersion == last.Version ? null : status.FailedVersion,
                status.FailedVersion == last.Version ? null : status.FailedGeneration)
            : new(finished, history, last.Version, endpoint.Metadata.Generation);
    }

    /// <summary>
    /// A rollout whose start never reached status (the operator stopped after SageMaker accepted the create or update,
    /// before it could record it; the restarted one only waits for what it finds): once SageMaker serves the target,
    /// it is recorded as a finished rollout, so the last rollout and the history name the version that serves.
    /// </summary>
    public static RolloutAssessment Unrecorded(RolloutAssessment assessed, DetectionEndpoint endpoint, EndpointTarget? target,
        EndpointObservation observed, DateTimeOffset now)
    {
        var status = endpoint.Status ?? new DetectionEndpointStatus();
        var single = endpoint.Spec.DeploymentMode == EndpointDeploymentMode.SingleModel;
        if (target is null || status.DeployedVersion == target.Version || assessed.Last is { Result: RolloutResults.InProgress }
            || assessed.Last is { } last && last.Version == target.Version && last.ModelName == target.ModelName
            || DetectionEndpointStatusMapper.Deployed(status, target, observed, single) != target.Version)
            return assessed;
        var finished = new RolloutResult
        {
            Version = target.Version, FromVersion = status.DeployedVersion, ModelName = target.ModelName, Result = RolloutResults.Succeeded,
            FinishedAt = now.UtcDateTime, Message = $"Serving {target.ModelName}",
        };
        var history = new[] { finished }.Concat(assessed.History).Take(DetectionEndpointLimits.MaxRolloutHistory).ToList();
        return assessed with { Last = finished, History = history };
    }

    private static (string Result, string? Message) FromComponent(ComponentState? component, string model) => component switch
    {
        // Deleted out of band mid-rollout: the planner re-creates it with the target, which finishes the rollout then.
        null or { Status: InferenceComponentStatus.Creating or InferenceComponentStatus.Updating or InferenceComponentStatus.Deleting }
            => (RolloutResults.InProgress, null),
        { Status: InferenceComponentStatus.Failed } => (RolloutResults.Failed, component.FailureReason ?? "The inference component failed"),
        { Status: InferenceComponentStatus.InService } when component.ModelName == model => (RolloutResults.Succeeded, $"Serving {model}"),
        { Status: InferenceComponentStatus.InService } => (RolloutResults.RolledBack,
            component.FailureReason ?? $"SageMaker rolled the update back; {component.ModelName} still serves"),
        _ => (RolloutResults.InProgress, null),
    };

    private static (string Result, string? Message) FromEndpoint(EndpointState? endpoint, string config) => endpoint switch
    {
        null or { Status: not (EndpointStatus.InService or EndpointStatus.Failed or EndpointStatus.UpdateRollbackFailed) }
            => (RolloutResults.InProgress, null),
        { Status: EndpointStatus.InService } when endpoint.ConfigName == config => (RolloutResults.Succeeded, $"Serving with {config}"),
        { Status: EndpointStatus.InService } => (RolloutResults.RolledBack,
            endpoint.FailureReason ?? $"SageMaker rolled the update back; {endpoint.ConfigName} still serves"),
        _ => (RolloutResults.Failed, endpoint.FailureReason ?? $"The endpoint is {endpoint.Status}"),
    };

    // Status must stay small (etcd object size, kubectl output).
    private static string? Truncate(string? text) => text is null || text.Length <= 1024 ? text : text[..1024] + "…";
}
