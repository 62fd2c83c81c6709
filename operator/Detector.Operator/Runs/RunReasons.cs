namespace Detector.Operator.Runs;

/// <summary>The condition reasons of TrainingRuns and TuningRuns.</summary>
public static class RunReasons
{

    /// <summary>A referenced object (the Dataset, a warm-start parent) is not Ready yet; the message names it.</summary>
    public const string WaitingForReference = "WaitingForReference";

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

    /// <summary>The job is stopping; also the Event reason when a deleted run (<c>deletionPolicy: Stop</c>) asks its job to stop.</summary>
    public const string JobStopping = "JobStopping";

    /// <summary>The job was stopped.</summary>
    public const string JobStopped = "JobStopped";

    /// <summary>SageMaker reported a status this operator does not know.</summary>
    public const string UnknownJobStatus = "UnknownJobStatus";

    /// <summary>Event reason: a spec edit derived a new job; the old one (stopped if it ran) went into the history.</summary>
    public const string JobReplaced = "JobReplaced";
}
