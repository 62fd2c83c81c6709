namespace Detector.Operator.DetectionEndpoints;

/// <summary>The one thing the DetectionEndpoint reconciler does next.</summary>
public enum EndpointAction
{
    /// <summary>Nothing to do: the endpoint serves the target version as specified.</summary>
    None,

    /// <summary>Wait for SageMaker (or a referenced object) and look again.</summary>
    Wait,

    /// <summary>Stuck until the spec changes or a new version is approved.</summary>
    Stall,

    /// <summary>CreateModel for the target version.</summary>
    CreateModel,

    /// <summary>CreateEndpointConfig for the target config.</summary>
    CreateEndpointConfig,

    /// <summary>CreateEndpoint with the target config.</summary>
    CreateEndpoint,

    /// <summary>UpdateEndpoint to the target config (a new config; blue/green in SingleModel mode).</summary>
    UpdateEndpoint,

    /// <summary>CreateInferenceComponent with the target model.</summary>
    CreateInferenceComponent,

    /// <summary>UpdateInferenceComponent: a rolling update to the target model or compute, with auto-rollback alarms.</summary>
    UpdateInferenceComponent,

    /// <summary>UpdateInferenceComponentRuntimeConfig: change the copy count in place.</summary>
    UpdateCopies,

    /// <summary>UpdateEndpointWeightsAndCapacities: change the variant's instance count in place (no new fleet).</summary>
    UpdateInstanceCount,

    /// <summary>DeleteInferenceComponent.</summary>
    DeleteInferenceComponent,

    /// <summary>DeleteEndpoint.</summary>
    DeleteEndpoint,

    /// <summary>DeleteEndpointConfig of <see cref="EndpointStep.Name"/>.</summary>
    DeleteEndpointConfig,

    /// <summary>DeleteModel of <see cref="EndpointStep.Name"/>.</summary>
    DeleteModel,

    /// <summary>Everything is gone (or retained): remove the finalizer.</summary>
    RemoveFinalizer,
}

/// <summary>The planner's decision.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Phase">The phase the object is in while doing it.</param>
/// <param name="Reason">Condition reason (CamelCase).</param>
/// <param name="Message">Condition message, naming the SageMaker resource.</param>
/// <param name="Name">The SageMaker resource acted on.</param>
/// <param name="RolloutVersion">Set when the action starts deploying a new version (the rollout to record).</param>
public sealed record EndpointStep(EndpointAction Action, string Phase, string Reason, string Message, string? Name = null, int? RolloutVersion = null);
