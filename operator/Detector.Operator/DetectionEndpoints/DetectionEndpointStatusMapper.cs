using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runtime;
using R = Detector.Operator.DetectionEndpoints.EndpointReasons;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// Pure: what the reconciler observed and the step it took (<see cref="EndpointPlan"/>, already performed) → the
/// DetectionEndpoint status: phase, conditions, names, URL, deployed and previous version, rollouts.
/// </summary>
public static class DetectionEndpointStatusMapper
{
    /// <summary>Maps an observation and the performed plan to the status.</summary>
    public static DetectionEndpointStatus Map(DetectionEndpoint endpoint, EndpointObservation observed, EndpointPlan plan, string? region,
        DateTimeOffset now)
    {
        var old = endpoint.Status ?? new DetectionEndpointStatus();
        var step = plan.Step;
        var target = plan.Target.Target;
        var single = endpoint.Spec.DeploymentMode == EndpointDeploymentMode.SingleModel;
        // A rollout that finished in this step serves now, even when the next one (a newer target) starts in it too.
        var finished = JustSucceeded(old, plan.Rollout.Last);
        var deployed = Deployed(old, target, observed, single);
        if (deployed == old.DeployedVersion && finished is not null && finished.Version != target?.Version)
            deployed = finished.Version;
        var moved = deployed != old.DeployedVersion && old.DeployedVersion is not null;
        var modelName = deployed is not null && deployed == target?.Version ? target.ModelName
            : deployed is not null && deployed == finished?.Version ? finished.ModelName
            : old.ModelName;
        var configName = observed.Endpoint?.ConfigName ?? (step.Action == EndpointAction.CreateEndpoint ? target?.ConfigName : old.EndpointConfigName);
        var last = step.RolloutVersion is { } version
            ? new RolloutResult
            {
                Version = version, FromVersion = deployed, ModelName = target?.ModelName, Result = RolloutResults.InProgress,
                StartedAt = now.UtcDateTime,
            }
            : plan.Rollout.Last;
        var endpointName = DetectionEndpointNames.Endpoint(endpoint);
        var endpointExists = observed.Endpoint is not null || step.Action == EndpointAction.CreateEndpoint;
        var componentName = !single && (observed.Component is not null || step.Action == EndpointAction.CreateInferenceComponent)
            ? DetectionEndpointNames.InferenceComponent(endpoint)
            : old.InferenceComponentName;
        return new DetectionEndpointStatus
        {
            Phase = step.Phase,
            ObservedGeneration = endpoint.Metadata.Generation,
            Conditions = Conditions(endpoint, plan, last, now),
            EndpointName = endpointExists ? endpointName : old.EndpointName,
            EndpointArn = observed.Endpoint?.Arn ?? old.EndpointArn,
            EndpointStatus = observed.Endpoint?.Status,
            EndpointConfigName = configName,
            ModelName = modelName,
            InferenceComponentName = componentName,
            Url = endpointExists ? InvocationUrl.For(region, endpointName) : old.Url,
            DeployedVersion = deployed,
            PreviousVersion = moved ? old.DeployedVersion : old.PreviousVersion,
            PreviousModelName = moved ? old.ModelName : old.PreviousModelName,
            PreviousEndpointConfigName = configName != old.EndpointConfigName && old.EndpointConfigName is not null
                ? old.EndpointConfigName : old.PreviousEndpointConfigName,
            LastRollout = last,
            RolloutHistory = plan.Rollout.History,
            FailedVersion = plan.Rollout.FailedVersion,
            FailedGeneration = plan.Rollout.FailedGeneration,
            FailureReason = step.Action == EndpointAction.Stall ? step.Message
                : last?.Result is RolloutResults.RolledBack or RolloutResults.Failed ? last.Message : null,
        };
    }

    /// <summary>
    /// True when the operator has nothing to do until a change elsewhere: serving (as specified, held back after a
    /// failed rollout, or waiting for the requested version's approval) or stalled. Looked at again at the drift
    /// interval; cleanup and deletion steps are polled.
    /// </summary>
    public static bool IsSettled(DetectionEndpointStatus status) =>
        status.Phase is DetectionEndpointPhase.InService or DetectionEndpointPhase.Failed
        && Runtime.Conditions.Get(status.Conditions, Runtime.Conditions.Ready)?.Reason is not (R.CleaningUp or R.Deleting);

    /// <summary>
    /// The situation the conditions report, as (reason, message): the step's, except when the endpoint has nothing to
    /// do while the requested version is not what serves — held back after a failed rollout (<c>RolloutFailed</c>: a
    /// person must approve a newer version or change the spec) or not Approved yet (<c>WaitingForModel</c>).
    /// </summary>
    public static (string Reason, string Message) Situation(EndpointPlan plan) => plan switch
    {
        { Step.Action: EndpointAction.None, Target.HeldBack: { } heldBack } => (R.RolloutFailed, heldBack),
        { Step.Action: EndpointAction.None, Target.Waiting: not null } => (R.WaitingForModel, plan.Step.Message),
        _ => (plan.Step.Reason, plan.Step.Message),
    };

    /// <summary>
    /// The version serving now: the target's once SageMaker serves its model (component InService with it, or in
    /// SingleModel mode the endpoint InService on its config); otherwise the version the status already had. A
    /// component mid-update keeps the old version until it is InService again.
    /// </summary>
    public static int? Deployed(DetectionEndpointStatus old, EndpointTarget? target, EndpointObservation observed, bool single)
    {
        if (target is null)
            return old.DeployedVersion;
        var servesTarget = single
            ? observed.Endpoint is { Status: EndpointStatus.InService } ep && ep.ConfigName == target.ConfigName
            : observed.Component is { Status: InferenceComponentStatus.InService } c && c.ModelName == target.ModelName
                && observed.Endpoint is not null;
        return servesTarget ? target.Version : old.DeployedVersion;
    }

    // The rollout in progress in the stored status that SageMaker now reports as succeeded, or null.
    private static RolloutResult? JustSucceeded(DetectionEndpointStatus old, RolloutResult? assessed) =>
        old.LastRollout is { Result: RolloutResults.InProgress } running && assessed is { Result: RolloutResults.Succeeded }
        && assessed.Version == running.Version && assessed.StartedAt == running.StartedAt
            ? assessed
            : null;

    private static IReadOnlyList<k8s.Models.V1Condition> Conditions(DetectionEndpoint endpoint, EndpointPlan plan, RolloutResult? last,
        DateTimeOffset now)
    {
        var generation = endpoint.Metadata.Generation;
        var situation = Situation(plan);
        var state = DetectionEndpointPhaseTable.Table.StateOf(plan.Step.Phase, situation.Reason);
        var conditions = Runtime.Conditions.SetSummary(endpoint.Status?.Conditions, state, situation.Reason, situation.Message, generation, now);
        if (last is null)
            return conditions;
        var (failed, reason, message) = last.Result switch
        {
            RolloutResults.RolledBack => (true, R.RolledBack, $"Version {last.Version} was rolled back: {last.Message}"),
            RolloutResults.Failed => (true, R.RolloutFailed, $"Version {last.Version} failed to deploy: {last.Message}"),
            RolloutResults.Succeeded => (false, R.RolloutSucceeded, $"Version {last.Version} rolled out"),
            _ => (false, R.RolloutInProgress, $"Version {last.Version} is rolling out"),
        };
        return Runtime.Conditions.Set(conditions, R.RolloutFailedCondition, failed, reason, message, generation, now);
    }
}
