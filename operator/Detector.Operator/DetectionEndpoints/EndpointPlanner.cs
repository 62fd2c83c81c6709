using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runtime;
using P = Detector.Operator.Api.V1Alpha1.DetectionEndpointPhase;
using R = Detector.Operator.DetectionEndpoints.EndpointReasons;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>What the planner decided: the rollout state, the target and the one next step.</summary>
/// <param name="Rollout">The last rollout after looking at SageMaker.</param>
/// <param name="Target">The version to serve.</param>
/// <param name="Step">The next action.</param>
public sealed record EndpointPlan(RolloutAssessment Rollout, TargetResolution Target, EndpointStep Step);

/// <summary>
/// Pure: given what exists in SageMaker and the version to serve, the single next action. Creation goes model →
/// config → endpoint → inference component, each waited for; a new version rolls through the component (or, in
/// SingleModel mode, a blue/green UpdateEndpoint to a new config); anything deleted or changed out of band is
/// re-created or restored; deletion goes component → endpoint → configs → models.
/// </summary>
public static class EndpointPlanner
{
    /// <summary>Decides the next step.</summary>
    public static EndpointPlan Plan(DetectionEndpoint endpoint, RegisteredModelStatus? model, EndpointObservation observed, DateTimeOffset now)
    {
        var rollout = RolloutTracker.Assess(endpoint, observed, now);
        var target = EndpointTargets.Resolve(endpoint, model, rollout.FailedVersion, rollout.FailedGeneration);
        rollout = RolloutTracker.Unrecorded(rollout, endpoint, target.Target, observed, now);
        var step = endpoint.Metadata.DeletionTimestamp is not null ? Finalize(endpoint, observed) : Next(endpoint, target, observed);
        return new(rollout, target, step);
    }

    /// <summary>The models the reconciler describes: the target's, the status' current and previous, the last rollout's.</summary>
    public static IReadOnlySet<string> CandidateModels(DetectionEndpoint endpoint, EndpointTarget? target)
    {
        var status = endpoint.Status;
        return Names(target?.ModelName, status?.ModelName, status?.PreviousModelName, status?.LastRollout?.ModelName);
    }

    /// <summary>
    /// The endpoint configs the reconciler describes: the target's, the status' current and previous, and the last
    /// rollout's (in SingleModel mode a rolled-back version's config names its model; the endpoint never ran it, so no
    /// status name holds it). The status names what the endpoint ran, which after an out-of-band UpdateEndpoint is
    /// someone else's config: only the object's own are candidates, so cleanup and finalization never delete a config
    /// the operator did not make.
    /// </summary>
    public static IReadOnlySet<string> CandidateConfigs(DetectionEndpoint endpoint, EndpointTarget? target)
    {
        var status = endpoint.Status;
        var own = new[] { status?.EndpointConfigName, status?.PreviousEndpointConfigName }
            .Where(n => n is not null && DetectionEndpointNames.IsOwnEndpointConfig(endpoint, n));
        var rollout = status?.LastRollout?.ModelName is { } model ? DetectionEndpointNames.EndpointConfig(endpoint, model) : null;
        return Names([target?.ConfigName, rollout, .. own]);
    }

    private static EndpointStep Next(DetectionEndpoint endpoint, TargetResolution resolution, EndpointObservation observed)
    {
        if (observed.InvalidSpec is { } invalid)
            return new(EndpointAction.Stall, P.Failed, Reasons.InvalidSpec, invalid);
        if (observed.Rejected is { } rejected)
            return new(EndpointAction.Stall, P.Failed, Reasons.SageMakerRejected, rejected);
        if (resolution.Target is not { } target)
            return new(EndpointAction.Wait, P.Waiting, R.WaitingForModel, resolution.Waiting ?? "No version to serve");
        var status = endpoint.Status;
        var deployed = status?.DeployedVersion;
        var building = deployed is null ? P.Creating : P.Updating;
        int? newVersion = deployed == target.Version ? null : target.Version;
        var single = endpoint.Spec.DeploymentMode == EndpointDeploymentMode.SingleModel;
        var endpointName = DetectionEndpointNames.Endpoint(endpoint);

        if (!observed.ExistingModels.Contains(target.ModelName))
            return new(EndpointAction.CreateModel, building, R.CreatingModel,
                $"Creating SageMaker model {target.ModelName} for version {target.Version}", target.ModelName);
        if (!observed.ExistingConfigs.Contains(target.ConfigName))
            return new(EndpointAction.CreateEndpointConfig, building, R.CreatingEndpointConfig,
                $"Creating endpoint config {target.ConfigName}", target.ConfigName);

        if (observed.Endpoint is not { } ep)
            return status?.EndpointArn is null
                ? new(EndpointAction.CreateEndpoint, P.Creating, R.CreatingEndpoint, $"Creating endpoint {endpointName}", endpointName,
                    single ? newVersion : null)
                : new(EndpointAction.CreateEndpoint, P.Creating, R.EndpointRecreated,
                    $"Endpoint {endpointName} was deleted outside the operator; re-creating it", endpointName, single ? newVersion : null);
        switch (ep.Status)
        {
            case EndpointStatus.InService:
                break;
            case EndpointStatus.RollingBack:
                return new(EndpointAction.Wait, P.RollingBack, R.EndpointBusy, $"Endpoint {endpointName} is rolling back an update");
            case EndpointStatus.Failed when ep.ConfigName != target.ConfigName:
                // A Failed endpoint only accepts DeleteEndpoint; the spec changed, so replace it.
                return new(EndpointAction.DeleteEndpoint, P.Creating, R.EndpointFailed,
                    $"Endpoint {endpointName} failed ({ep.FailureReason ?? "no reason given"}); deleting it to create it with {target.ConfigName}", endpointName);
            case EndpointStatus.Failed or EndpointStatus.UpdateRollbackFailed:
                return new(EndpointAction.Stall, P.Failed, R.EndpointFailed,
                    $"Endpoint {endpointName} is {ep.Status}: {ep.FailureReason ?? "no reason given"}");
            default:
                return new(EndpointAction.Wait, ep.Status == EndpointStatus.Creating ? P.Creating : deployed is null ? P.Creating : P.Updating,
                    R.EndpointBusy, $"Endpoint {endpointName} is {ep.Status}");
        }
        if (ep.ConfigName != target.ConfigName)
            return new(EndpointAction.UpdateEndpoint, P.Updating, single && newVersion is not null ? R.RollingOut : R.UpdatingEndpoint,
                $"Updating endpoint {endpointName} to config {target.ConfigName}" + (single && newVersion is not null ? $" (version {target.Version})" : ""),
                target.ConfigName, single ? newVersion : null);

        if (InstanceCountStep(endpoint, ep) is { } countStep)
            return countStep;
        if (!single && ComponentStep(endpoint, target, observed.Component, status, newVersion, building) is { } componentStep)
            return componentStep;
        var note = resolution.HeldBack ?? resolution.Waiting;
        return Cleanup(target, observed) ?? new(EndpointAction.None, P.InService, R.InService,
            $"Serving version {target.Version} on endpoint {endpointName}" + (note is null ? "" : $"; {note}"));
    }

    private static EndpointStep? ComponentStep(DetectionEndpoint endpoint, EndpointTarget target, ComponentState? component,
        DetectionEndpointStatus? status, int? newVersion, string building)
    {
        var name = DetectionEndpointNames.InferenceComponent(endpoint);
        var spec = endpoint.Spec;
        switch (component)
        {
            case null when status?.InferenceComponentName is not null && status.DeployedVersion is not null:
                return new(EndpointAction.CreateInferenceComponent, P.Updating, R.ComponentRecreated,
                    $"Inference component {name} was deleted outside the operator; re-creating it", name, newVersion);
            case null:
                return new(EndpointAction.CreateInferenceComponent, building, R.CreatingComponent,
                    $"Creating inference component {name} with version {target.Version}", name, newVersion);
            case { Status: InferenceComponentStatus.Failed } when component.ModelName == target.ModelName:
                return new(EndpointAction.Stall, P.Failed, R.RolloutFailed,
                    $"Inference component {name} failed with version {target.Version}: {component.FailureReason ?? "no reason given"}");
            case { Status: InferenceComponentStatus.Failed }:
                return new(EndpointAction.DeleteInferenceComponent, building, R.ReplacingComponent,
                    $"Inference component {name} failed ({component.FailureReason ?? "no reason given"}); deleting it to create it with version {target.Version}", name);
            case { Status: not InferenceComponentStatus.InService }:
                return new(EndpointAction.Wait, component.Status == InferenceComponentStatus.Updating ? P.Updating : building, R.ComponentBusy,
                    $"Inference component {name} is {component.Status}");
        }
        if (component.ModelName != target.ModelName)
            return newVersion is not null
                ? new(EndpointAction.UpdateInferenceComponent, P.Updating, R.RollingOut,
                    $"Rolling out version {target.Version} to inference component {name}", name, newVersion)
                : new(EndpointAction.UpdateInferenceComponent, P.Updating, R.RestoringDrift,
                    $"Inference component {name} serves {component.ModelName ?? "no model"}; restoring {target.ModelName}", name);
        if (component.Compute is { } compute && !SameCompute(compute, spec.Compute))
            return new(EndpointAction.UpdateInferenceComponent, P.Updating, R.UpdatingCompute,
                $"Updating the compute of inference component {name}", name);
        if (component.DesiredCopies != spec.Copies)
            return new(EndpointAction.UpdateCopies, P.Updating, R.UpdatingCopies,
                $"Changing inference component {name} from {component.DesiredCopies?.ToString() ?? "no"} to {spec.Copies} copies", name);
        return null;
    }

    // The instance count is not part of the config's name: it changes in place. With managed instance scaling SageMaker
    // moves the count itself between the bounds, so the operator leaves it alone then.
    private static EndpointStep? InstanceCountStep(DetectionEndpoint endpoint, EndpointState ep)
    {
        var spec = endpoint.Spec;
        var managed = spec.DeploymentMode != EndpointDeploymentMode.SingleModel && spec.Scaling is not null;
        if (managed || ep.DesiredInstanceCount is not { } current || current == spec.InstanceCount)
            return null;
        var name = DetectionEndpointNames.Endpoint(endpoint);
        return new(EndpointAction.UpdateInstanceCount, P.Updating, R.UpdatingInstanceCount,
            $"Changing endpoint {name} from {current} to {spec.InstanceCount} instances", name);
    }

    // Everything serves the target now, so other models and configs of this object are unused.
    private static EndpointStep? Cleanup(EndpointTarget target, EndpointObservation observed)
    {
        if (observed.ExistingModels.Where(m => m != target.ModelName).Order(StringComparer.Ordinal).FirstOrDefault() is { } model)
            return new(EndpointAction.DeleteModel, P.InService, R.CleaningUp, $"Deleting SageMaker model {model}, no longer served", model);
        if (observed.ExistingConfigs.Where(c => c != target.ConfigName).Order(StringComparer.Ordinal).FirstOrDefault() is { } config)
            return new(EndpointAction.DeleteEndpointConfig, P.InService, R.CleaningUp, $"Deleting endpoint config {config}, no longer used", config);
        return null;
    }

    private static EndpointStep Finalize(DetectionEndpoint endpoint, EndpointObservation observed)
    {
        var phase = endpoint.Status?.Phase ?? P.Pending;
        if (endpoint.Spec.DeletionPolicy == "Retain")
            return new(EndpointAction.RemoveFinalizer, phase, R.Deleting, "deletionPolicy is Retain; SageMaker resources are kept");
        var component = DetectionEndpointNames.InferenceComponent(endpoint);
        var endpointName = DetectionEndpointNames.Endpoint(endpoint);
        switch (observed.Component)
        {
            case { Status: InferenceComponentStatus.Deleting }:
                return new(EndpointAction.Wait, phase, R.Deleting, $"Inference component {component} is being deleted");
            case not null:
                return new(EndpointAction.DeleteInferenceComponent, phase, R.Deleting, $"Deleting inference component {component}", component);
        }
        switch (observed.Endpoint)
        {
            case { Status: EndpointStatus.Failed or EndpointStatus.InService or EndpointStatus.OutOfService or EndpointStatus.UpdateRollbackFailed }:
                return new(EndpointAction.DeleteEndpoint, phase, R.Deleting, $"Deleting endpoint {endpointName}", endpointName);
            case { } busy:
                // Configs must outlive an endpoint that is still using them, and a busy endpoint cannot be deleted yet.
                return new(EndpointAction.Wait, phase, R.Deleting, $"Endpoint {endpointName} is {busy.Status}; deleting it when it settles");
        }
        if (observed.ExistingConfigs.Order(StringComparer.Ordinal).FirstOrDefault() is { } config)
            return new(EndpointAction.DeleteEndpointConfig, phase, R.Deleting, $"Deleting endpoint config {config}", config);
        if (observed.ExistingModels.Order(StringComparer.Ordinal).FirstOrDefault() is { } model)
            return new(EndpointAction.DeleteModel, phase, R.Deleting, $"Deleting SageMaker model {model}", model);
        return new(EndpointAction.RemoveFinalizer, phase, R.Deleting, "All SageMaker resources are deleted");
    }

    /// <summary>Whether the observed compute is what the spec asks for.</summary>
    public static bool SameCompute(ComputeState observed, ComponentCompute wanted) =>
        observed.MinMemoryMb == wanted.MinMemoryMb && observed.CpuCores == wanted.CpuCores
        && observed.AcceleratorDevices == wanted.AcceleratorDevices;

    private static IReadOnlySet<string> Names(params string?[] names) =>
        names.Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToHashSet(StringComparer.Ordinal);
}
