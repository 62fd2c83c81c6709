using Detector.Operator.Api.V1Alpha1;

namespace Detector.Operator.Monitoring;

/// <summary>Where an object's logs are and whether more can come.</summary>
/// <param name="Group">The CloudWatch log group.</param>
/// <param name="StreamPrefix">Streams whose name starts with this; null: every stream of the group.</param>
/// <param name="Source">What the logs belong to, for messages (e.g. <c>training job aquarium-1a2b</c>).</param>
/// <param name="Finished">True when the job has ended, so following stops after the last events.</param>
public sealed record LogQuery(string Group, string? StreamPrefix, string Source, bool Finished);

/// <summary>
/// Pure: the CloudWatch log group and stream prefix of each kind, from SageMaker's documented layout: training jobs
/// write to <c>/aws/sagemaker/TrainingJobs</c>, one stream per instance named <c>&lt;job&gt;/algo-&lt;n&gt;-&lt;epoch&gt;</c>
/// (a tuning job's trials are training jobs named <c>&lt;tuning job&gt;-&lt;NNN&gt;-&lt;hex&gt;</c>); endpoints write to
/// <c>/aws/sagemaker/Endpoints/&lt;endpoint&gt;</c>, one stream per variant and instance.
/// </summary>
public static class LogQueries
{
    /// <summary>The training jobs' log group.</summary>
    public const string TrainingGroup = "/aws/sagemaker/TrainingJobs";

    /// <summary>The log group of an endpoint.</summary>
    public static string EndpointGroup(string endpointName) => "/aws/sagemaker/Endpoints/" + endpointName;

    /// <summary>A TrainingRun's current job; throws <see cref="MonitoredObjectException"/> when it has none yet.</summary>
    public static LogQuery ForTrainingRun(TrainingRun run)
    {
        var job = run.Status?.TrainingJobName;
        if (string.IsNullOrEmpty(job))
            throw new MonitoredObjectException($"TrainingRun {run.Metadata.NamespaceProperty}/{run.Metadata.Name} has no training job yet (phase {run.Status?.Phase ?? "none"})");
        return new(TrainingGroup, job + "/", "training job " + job, Ended(run.Status!.TrainingJobStatus));
    }

    /// <summary>A TuningRun's trials (or one trial); throws when it has no tuning job yet or the trial is not its own.</summary>
    public static LogQuery ForTuningRun(TuningRun run, string? trial)
    {
        var job = run.Status?.TuningJobName;
        if (string.IsNullOrEmpty(job))
            throw new MonitoredObjectException($"TuningRun {run.Metadata.NamespaceProperty}/{run.Metadata.Name} has no tuning job yet (phase {run.Status?.Phase ?? "none"})");
        if (trial is not null && !trial.StartsWith(job + "-", StringComparison.Ordinal))
            throw new MonitoredObjectException($"--trial '{trial}' is not a training job of tuning job {job} (its trials are named {job}-NNN-xxxxxxxx)");
        return trial is null
            ? new(TrainingGroup, job + "-", "tuning job " + job, Ended(run.Status!.TuningJobStatus))
            : new(TrainingGroup, trial + "/", "training job " + trial, Ended(run.Status!.TuningJobStatus));
    }

    /// <summary>A DetectionEndpoint's SageMaker endpoint (never finished: following runs until interrupted).</summary>
    public static LogQuery ForEndpoint(DetectionEndpoint endpoint)
    {
        var name = endpoint.Status?.EndpointName;
        if (string.IsNullOrEmpty(name))
            throw new MonitoredObjectException($"DetectionEndpoint {endpoint.Metadata.NamespaceProperty}/{endpoint.Metadata.Name} has no SageMaker endpoint yet (phase {endpoint.Status?.Phase ?? "none"})");
        return new(EndpointGroup(name), null, "endpoint " + name, false);
    }

    // InProgress and Stopping jobs still write; a missing status is a job that has not been described yet.
    private static bool Ended(string? status) => status is "Completed" or "Failed" or "Stopped";
}
