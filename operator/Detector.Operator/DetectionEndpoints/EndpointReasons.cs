namespace Detector.Operator.DetectionEndpoints;

/// <summary>The condition types and reasons of DetectionEndpoints.</summary>
public static class EndpointReasons
{
    /// <summary>Condition type: True when the last rollout failed or was rolled back (the previous version serves).</summary>
    public const string RolloutFailedCondition = "RolloutFailed";


    /// <summary>The RegisteredModel or the requested version is missing or not Approved.</summary>
    public const string WaitingForModel = "WaitingForModel";

    /// <summary>A SageMaker model is being created.</summary>
    public const string CreatingModel = "CreatingModel";

    /// <summary>An endpoint config is being created.</summary>
    public const string CreatingEndpointConfig = "CreatingEndpointConfig";

    /// <summary>The endpoint is being created.</summary>
    public const string CreatingEndpoint = "CreatingEndpoint";

    /// <summary>The endpoint was deleted out of band and is re-created.</summary>
    public const string EndpointRecreated = "EndpointRecreated";

    /// <summary>The endpoint is busy (Creating, Updating, SystemUpdating, RollingBack, Deleting, OutOfService).</summary>
    public const string EndpointBusy = "EndpointBusy";

    /// <summary>The endpoint Failed (only deletion is possible).</summary>
    public const string EndpointFailed = "EndpointFailed";

    /// <summary>The endpoint runs another config than the spec asks for.</summary>
    public const string UpdatingEndpoint = "UpdatingEndpoint";

    /// <summary>The inference component is being created.</summary>
    public const string CreatingComponent = "CreatingComponent";

    /// <summary>The inference component was deleted out of band and is re-created.</summary>
    public const string ComponentRecreated = "ComponentRecreated";

    /// <summary>The inference component is busy (Creating, Updating, Deleting).</summary>
    public const string ComponentBusy = "ComponentBusy";

    /// <summary>A new version rolls out.</summary>
    public const string RollingOut = "RollingOut";

    /// <summary>The component serves another model than the spec asks for (changed out of band) and is restored.</summary>
    public const string RestoringDrift = "RestoringDrift";

    /// <summary>Compute requirements changed.</summary>
    public const string UpdatingCompute = "UpdatingCompute";

    /// <summary>The copy count changed.</summary>
    public const string UpdatingCopies = "UpdatingCopies";

    /// <summary>The endpoint's instance count is changing in place.</summary>
    public const string UpdatingInstanceCount = "UpdatingInstanceCount";

    /// <summary>A failed inference component is replaced.</summary>
    public const string ReplacingComponent = "ReplacingComponent";

    /// <summary>A rollout failed or was rolled back; the version is not tried again.</summary>
    public const string RolloutFailed = "RolloutFailed";

    /// <summary>SageMaker rolled an update back.</summary>
    public const string RolledBack = "RolledBack";

    /// <summary>The last rollout succeeded.</summary>
    public const string RolloutSucceeded = "RolloutSucceeded";

    /// <summary>A rollout is running.</summary>
    public const string RolloutInProgress = "RolloutInProgress";

    /// <summary>Models or configs no longer used are deleted.</summary>
    public const string CleaningUp = "CleaningUp";

    /// <summary>The endpoint serves the target version.</summary>
    public const string InService = "InService";

    /// <summary>The object is being deleted.</summary>
    public const string Deleting = "Deleting";

    /// <summary>Event reason: a rollout of a new version began (the step that starts it was taken).</summary>
    public const string RolloutStarted = "RolloutStarted";

    /// <summary>Warning Event reason: a health threshold is crossed (the <see cref="EndpointHealth.Degraded"/> condition turned True).</summary>
    public const string Degraded = EndpointHealth.Degraded;

    /// <summary>Event reason: the health figures are within the thresholds again.</summary>
    public const string Recovered = "Recovered";
}
