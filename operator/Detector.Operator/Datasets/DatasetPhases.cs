namespace Detector.Operator.Datasets;

/// <summary>The phases of a Dataset and the condition reasons the controller uses.</summary>
public static class DatasetPhases
{
    /// <summary>No Job yet.</summary>
    public const string Pending = "Pending";

    /// <summary>A Job is preparing the data.</summary>
    public const string Preparing = "Preparing";

    /// <summary>manifest.json was read: the data is usable.</summary>
    public const string Ready = "Ready";

    /// <summary>The spec is invalid or the Job failed; nothing happens until the spec changes or the Job is deleted.</summary>
    public const string Failed = "Failed";

    /// <summary>Reason: the spec (or the namespace policy) refuses the object.</summary>
    public const string InvalidSpecReason = Runtime.Reasons.InvalidSpec;

    /// <summary>Reason: the Job is about to be created.</summary>
    public const string JobPendingReason = "JobPending";

    /// <summary>Reason: the Job is running.</summary>
    public const string JobRunningReason = "JobRunning";

    /// <summary>Reason: the shards are done and the merge Job runs.</summary>
    public const string MergingReason = "Merging";

    /// <summary>Reason: the Job failed.</summary>
    public const string JobFailedReason = "JobFailed";

    /// <summary>Reason: the Job succeeded but manifest.json is missing or unreadable.</summary>
    public const string ManifestMissingReason = "ManifestMissing";

    /// <summary>Reason: the ServiceAccount the Job would run as does not exist; the Job is created once it does.</summary>
    public const string ServiceAccountNotFoundReason = "ServiceAccountNotFound";

    /// <summary>Reason: the Job's pod cannot start (a missing Secret, an image that cannot be pulled).</summary>
    public const string PodNotStartingReason = "PodNotStarting";

    /// <summary>
    /// Reason: the operator cannot read the Job's result (no AWS region or S3 endpoint); the message names the setting.
    /// Same value as the runtime's failure reason, so a user sees one reason for one cause.
    /// </summary>
    public const string OperatorMisconfiguredReason = Runtime.Reasons.OperatorMisconfigured;

    /// <summary>Reasons of a Dataset that waits on its user (or operator admin): recorded as Warning Events.</summary>
    public static bool NeedsUser(string reason) => reason is ServiceAccountNotFoundReason or PodNotStartingReason or OperatorMisconfiguredReason;

    /// <summary>Reason: the data is prepared.</summary>
    public const string PreparedReason = "Prepared";
}
