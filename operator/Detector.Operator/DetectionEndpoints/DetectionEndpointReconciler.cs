using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// The I/O shell of the DetectionEndpoint controller: reads the endpoint and its RegisteredModel, describes the
/// SageMaker model, config, endpoint and component, asks <see cref="EndpointPlanner"/> for the one next step, takes
/// it and writes the status (<see cref="DetectionEndpointStatusMapper"/>) once if it changed. A refused create or
/// update stalls the object for its generation; other SageMaker errors propagate and the runtime retries with backoff.
/// </summary>
public sealed partial class DetectionEndpointReconciler(
    IKubeStore<DetectionEndpoint> endpoints,
    IKubeStore<RegisteredModel> models,
    ISageMakerHosting sageMaker,
    IEventRecorder events,
    EndpointMetrics metrics,
    DetectionEndpointSettings settings,
    TimeProvider clock,
    ILogger<DetectionEndpointReconciler> log) : IReconciler<DetectionEndpoint>
{
    /// <summary>The finalizer that deletes the SageMaker resources before the DetectionEndpoint goes.</summary>
    public const string Finalizer = Finalizers.Cleanup;

    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        if (await endpoints.GetAsync(key, ct) is not { } endpoint)
        {
            metrics.Forget(key);
            settings.Health?.Forget(key);
            return ReconcileResult.Done;
        }
        if (Annotations.IsPaused(endpoint))
            return ReconcileResult.Done;
        if (endpoint.IsBeingDeleted())
        {
            if (!endpoint.HasFinalizer(Finalizer))
                return ReconcileResult.Done;
        }
        else if (endpoint.AddFinalizer(Finalizer))
            endpoint = await endpoints.UpdateFinalizersAsync(endpoint, ct);   // Before any SageMaker call, so nothing outlives the object.

        var model = await ModelStatusAsync(endpoint, ct);
        var observed = await ObserveAsync(endpoint, model, ct);
        var plan = EndpointPlanner.Plan(endpoint, model, observed, clock.GetUtcNow());
        if (endpoint.IsBeingDeleted())
            return await FinalizeAsync(endpoint, plan.Step, ct);

        var rejected = await PerformAsync(endpoint, plan, ct);
        if (rejected is not null)
        {
            observed = observed with { Rejected = rejected };
            plan = EndpointPlanner.Plan(endpoint, model, observed, clock.GetUtcNow());
        }
        var status = DetectionEndpointStatusMapper.Map(endpoint, observed, plan, settings.Region, clock.GetUtcNow());
        if (settings.Health is { } health)   // Issue 18: figures, Degraded and its Events while in service.
            status = await health.UpdateAsync(endpoint, status, events, clock.GetUtcNow(), ct);
        foreach (var recorded in DetectionEndpointEvents.Rollout(endpoint.Status, plan, status, performed: rejected is null))
            events.Record(endpoint, recorded);
        events.Report(log, DetectionEndpoint.KindName, endpoint, DetectionEndpointEvents.Transition(endpoint.Status, status));
        var before = endpoint.Status;
        await endpoints.UpdateStatusIfChangedAsync(endpoint, status, ct);
        metrics.Observe(key, before, status);   // After the write: a refused write is retried, and must not count twice.
        // A step that changed something: the next one may follow at once (model → config → endpoint → component).
        if (rejected is null && Changes(plan.Step.Action))
            return ReconcileResult.After(TimeSpan.Zero);
        if (!DetectionEndpointStatusMapper.IsSettled(status))
            return ReconcileResult.After(settings.PollInterval);
        // A settled endpoint is looked at for drift; a monitored one also as often as its health is read.
        return ReconcileResult.After(settings.Health is { } monitor && monitor.Interval < settings.DriftInterval ? monitor.Interval : settings.DriftInterval);
    }

    private async Task<RegisteredModelStatus?> ModelStatusAsync(DetectionEndpoint endpoint, CancellationToken ct)
    {
        var name = endpoint.Spec.ModelRef.Name;
        if (string.IsNullOrEmpty(name))
            return null;
        var model = await models.GetAsync(new ObjectKey(endpoint.Metadata.NamespaceProperty ?? "", name), ct);
        // A RegisteredModel without status yet exists but has no versions: "no Approved version", not "does not exist".
        return model is null ? null : model.Status ?? new RegisteredModelStatus();
    }

    private async Task<EndpointObservation> ObserveAsync(DetectionEndpoint endpoint, RegisteredModelStatus? model, CancellationToken ct)
    {
        // Admission first: an invalid spec gets no SageMaker call at all (deletion still cleans up).
        if (!endpoint.IsBeingDeleted() && DetectionEndpointAdmission.Check(endpoint, settings.Policy) is { Count: > 0 } errors)
            return new EndpointObservation(null, null, new HashSet<string>(), new HashSet<string>(), InvalidSpec: DetectionEndpointAdmission.Message(errors));
        var status = endpoint.Status;
        // A create or update SageMaker refused is not sent again for the same generation (no loop); a spec change retries.
        var refused = Reasons.RefusedThisGeneration(status?.Conditions, endpoint.Metadata.Generation);
        var target = EndpointTargets.Resolve(endpoint, model, status?.FailedVersion, status?.FailedGeneration).Target;
        // Waiting for an Approved version with nothing made yet: no SageMaker call until the RegisteredModel has one.
        if (target is null && !endpoint.IsBeingDeleted()
            && status is null or { EndpointName: null, EndpointConfigName: null, ModelName: null, InferenceComponentName: null,
                PreviousModelName: null, PreviousEndpointConfigName: null })
            return new EndpointObservation(null, null, new HashSet<string>(), new HashSet<string>(), Rejected: refused);
        var single = endpoint.Spec.DeploymentMode == EndpointDeploymentMode.SingleModel;
        var component = single ? null : await sageMaker.FindComponentAsync(DetectionEndpointNames.InferenceComponent(endpoint), ct);
        var ep = await sageMaker.FindEndpointAsync(DetectionEndpointNames.Endpoint(endpoint), ct);
        var existingModels = await sageMaker.ExistingModelsAsync(EndpointPlanner.CandidateModels(endpoint, target), ct);
        var existingConfigs = await sageMaker.ExistingConfigsAsync(EndpointPlanner.CandidateConfigs(endpoint, target), ct);
        return new EndpointObservation(ep, component, existingModels, existingConfigs, Rejected: refused);
    }

    private static bool Changes(EndpointAction action) =>
        action is not (EndpointAction.None or EndpointAction.Wait or EndpointAction.Stall or EndpointAction.RemoveFinalizer);

    /// <summary>Takes the plan's step; returns SageMaker's message when it refused a create or update, else null.</summary>
    private async Task<string?> PerformAsync(DetectionEndpoint endpoint, EndpointPlan plan, CancellationToken ct)
    {
        var step = plan.Step;
        var target = plan.Target.Target;
        try
        {
            switch (step.Action)
            {
                case EndpointAction.CreateModel:
                    await HostingCalls.CreateOrAdoptAsync(() => sageMaker.CreateModelAsync(DetectionEndpointRequests.BuildCreateModel(endpoint, target!), ct));
                    break;
                case EndpointAction.CreateEndpointConfig:
                    await HostingCalls.CreateOrAdoptAsync(() =>
                        sageMaker.CreateEndpointConfigAsync(DetectionEndpointRequests.BuildCreateEndpointConfig(endpoint, target!), ct));
                    break;
                case EndpointAction.CreateEndpoint:
                    // Right after CreateEndpointConfig SageMaker may answer "Could not find endpoint configuration"
                    // (eventual consistency): the client classifies that as Transient for CreateEndpoint and retries it
                    // with backoff; if it still fails, the exception reaches the runtime, which retries the reconcile.
                    await HostingCalls.CreateOrAdoptAsync(() => sageMaker.CreateEndpointAsync(DetectionEndpointRequests.BuildCreateEndpoint(endpoint, target!), ct));
                    break;
                case EndpointAction.UpdateEndpoint:
                    await sageMaker.UpdateEndpointAsync(DetectionEndpointRequests.BuildUpdateEndpoint(endpoint, target!), ct);
                    break;
                case EndpointAction.CreateInferenceComponent:
                    await HostingCalls.CreateOrAdoptAsync(() =>
                        sageMaker.CreateInferenceComponentAsync(DetectionEndpointRequests.BuildCreateInferenceComponent(endpoint, target!), ct));
                    break;
                case EndpointAction.UpdateInferenceComponent:
                    await sageMaker.UpdateInferenceComponentAsync(DetectionEndpointRequests.BuildUpdateInferenceComponent(endpoint, target!), ct);
                    break;
                case EndpointAction.UpdateInstanceCount:
                    await sageMaker.UpdateEndpointWeightsAndCapacitiesAsync(DetectionEndpointRequests.BuildUpdateInstanceCount(endpoint), ct);
                    break;
                case EndpointAction.UpdateCopies:
                    await sageMaker.UpdateInferenceComponentRuntimeConfigAsync(DetectionEndpointRequests.BuildUpdateCopies(endpoint), ct);
                    break;
                default:
                    await DeleteAsync(step, ct);
                    break;
            }
            if (step.Action is not (EndpointAction.None or EndpointAction.Wait or EndpointAction.Stall))
                LogStep(step.Action.ToString(), step.Name, endpoint.Metadata.NamespaceProperty, endpoint.Metadata.Name);
            return null;
        }
        catch (SageMakerException e) when (e.Kind == SageMakerErrorKind.Validation)
        {
            return $"SageMaker refused {step.Action} of {step.Name}: {e.Message}";
        }
    }

    /// <summary>The delete steps (cleanup of unused resources, replacing a failed one, finalization); others do nothing.</summary>
    private async Task DeleteAsync(EndpointStep step, CancellationToken ct)
    {
        var name = step.Name!;
        switch (step.Action)
        {
            case EndpointAction.DeleteInferenceComponent:
                await HostingCalls.DeleteIfPresentAsync(() => sageMaker.DeleteInferenceComponentAsync(new DeleteInferenceComponentRequest { InferenceComponentName = name }, ct));
                break;
            case EndpointAction.DeleteEndpoint:
                await HostingCalls.DeleteIfPresentAsync(() => sageMaker.DeleteEndpointAsync(new DeleteEndpointRequest { EndpointName = name }, ct));
                break;
            case EndpointAction.DeleteEndpointConfig:
                await HostingCalls.DeleteIfPresentAsync(() => sageMaker.DeleteEndpointConfigAsync(new DeleteEndpointConfigRequest { EndpointConfigName = name }, ct));
                break;
            case EndpointAction.DeleteModel:
                await HostingCalls.DeleteIfPresentAsync(() => sageMaker.DeleteModelAsync(new DeleteModelRequest { ModelName = name }, ct));
                break;
        }
    }

    private async Task<ReconcileResult> FinalizeAsync(DetectionEndpoint endpoint, EndpointStep step, CancellationToken ct)
    {
        switch (step.Action)
        {
            case EndpointAction.RemoveFinalizer:
                endpoint.RemoveFinalizer(Finalizer);
                await endpoints.UpdateFinalizersAsync(endpoint, ct);
                metrics.Forget(endpoint.Key());
                return ReconcileResult.Done;
            case EndpointAction.Wait:
                return ReconcileResult.After(settings.PollInterval);
            default:
                await DeleteAsync(step, ct);
                LogStep(step.Action.ToString(), step.Name, endpoint.Metadata.NamespaceProperty, endpoint.Metadata.Name);
                // A config or model delete takes effect at once: look again right away for the next one.
                return ReconcileResult.After(step.Action is EndpointAction.DeleteEndpointConfig or EndpointAction.DeleteModel
                    ? TimeSpan.Zero : settings.PollInterval);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} {Resource} for DetectionEndpoint {Namespace}/{Name}")]
    private partial void LogStep(string action, string? resource, string? @namespace, string name);
}
