namespace Detector.Operator.TrainingRuns;

/// <summary>The condition reasons of TrainingRuns and TuningRuns.</summary>
public static class RunReasons
{
    /// <summary>The spec (or the namespace policy) refuses the run; no SageMaker call was made.</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>The operator's configuration cannot serve the run (no region, or no Object Detection image there).</summary>
    public const string OperatorMisconfigured = "OperatorMisconfigured";

    /// <summary>A referenced object (the Dataset, a warm-start parent) is not Ready yet; the message names it.</summary>
    public const string WaitingForReference = "WaitingForReference";

    /// <summary>SageMaker refused the create request (ValidationException); not retried until the spec changes.</summary>
    public const string SageMakerRejected = "SageMakerRejected";

    /// <summary>The job is about to be created.</summary>
    public const string JobPending = "JobPending";

    /// <summary>The job was created and gets instances and data.</summary>
    public const string JobStarting = "JobStarting";

    /// <summary>The job is running.</summary>
    public const string JobInProgress = "JobInProgress";

    /// <summary>The job completed.</summary>
    public const string JobCompleted = "JobCompleted";

    /// <summary>The job failed.</summary>
    public const string JobFailed = "JobFailed";

    /// <summary>The job is stopping.</summary>
    public const string JobStopping = "JobStopping";

    /// <summary>The job was stopped.</summary>
    public const string JobStopped = "JobStopped";

    /// <summary>SageMaker reported a status this operator does not know.</summary>
    public const string UnknownJobStatus = "UnknownJobStatus";
}
