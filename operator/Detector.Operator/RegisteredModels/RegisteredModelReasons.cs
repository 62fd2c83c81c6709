namespace Detector.Operator.RegisteredModels;

/// <summary>The condition types and reasons of RegisteredModels.</summary>
public static class RegisteredModelReasons
{
    /// <summary>Condition type: whether the detector.dev/approve-version annotation was acted on.</summary>
    public const string ApproveVersionCondition = "ApproveVersion";



    /// <summary>The model package group is being created.</summary>
    public const string GroupPending = "GroupPending";

    /// <summary>The model package group failed or is being deleted out of band.</summary>
    public const string GroupFailed = "GroupFailed";

    /// <summary>The source run has no completed artifact yet and nothing is registered.</summary>
    public const string WaitingForSource = "WaitingForSource";

    /// <summary>A version is being registered.</summary>
    public const string Registering = "Registering";

    /// <summary>The newest version failed SageMaker's validation.</summary>
    public const string VersionFailed = "VersionFailed";

    /// <summary>Every completed artifact of the source is registered.</summary>
    public const string Registered = "Registered";

    /// <summary>The approve-version annotation was applied.</summary>
    public const string Applied = "Applied";

    /// <summary>The approve-version annotation cannot be acted on (not a number, unknown version).</summary>
    public const string InvalidAnnotation = "InvalidAnnotation";

    /// <summary>Warning Event: the model-quality report could not be written, so the version has no ModelMetrics.</summary>
    public const string ModelMetricsNotWritten = "ModelMetricsNotWritten";

    /// <summary>Event reason: the model package group was created.</summary>
    public const string GroupCreated = "GroupCreated";

    /// <summary>Event reason: a version appeared in the group (registered by the operator, or found there).</summary>
    public const string VersionRegistered = "VersionRegistered";

    /// <summary>Event reason: a version's approval status changed (by the operator, the annotation or the console).</summary>
    public const string ApprovalChanged = "ApprovalChanged";
}
