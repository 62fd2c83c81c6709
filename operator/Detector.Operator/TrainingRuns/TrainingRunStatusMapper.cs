using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;

namespace Detector.Operator.TrainingRuns;

/// <summary>Pure: what the reconciler observed → the TrainingRun status (phase, conditions, job details, metrics).</summary>
public static class TrainingRunStatusMapper
{
    // Secondary statuses under InProgress before the algorithm runs (reference §2.7; retired ones included).
    private static readonly HashSet<string> s_starting = new(StringComparer.Ordinal)
    {
        SecondaryStatus.Starting, SecondaryStatus.Pending, SecondaryStatus.Downloading, SecondaryStatus.LaunchingMLInstances,
        SecondaryStatus.PreparingTrainingStack, SecondaryStatus.DownloadingTrainingImage,
    };

    /// <summary>Maps an observation to the status; conditions keep their transition times when their status does not flip.</summary>
    public static TrainingRunStatus Map(TrainingRun run, TrainingRunObservation observed, DateTimeOffset now)
    {
        var view = View(observed);
        var generation = run.Metadata.Generation;
        var state = TrainingRunPhaseTable.Table.StateOf(view.Phase, view.Reason);
        var conditions = Conditions.SetSummary(run.Status?.Conditions, state, view.Reason, view.Message, generation, now);
        var job = observed.Job;
        var metrics = FinalMetrics(job);
        var sameJob = run.Status?.TrainingJobName == observed.JobName;
        var hasJob = job is not null || observed.CreatedArn is not null;
        return new TrainingRunStatus
        {
            Phase = view.Phase,
            ObservedGeneration = generation,
            Conditions = conditions,
            TrainingJobName = hasJob || view.Reason == Reasons.SageMakerRejected ? observed.JobName : null,
            TrainingJobArn = job?.TrainingJobArn ?? observed.CreatedArn,
            TrainingJobStatus = job?.TrainingJobStatus,
            SecondaryStatus = job?.SecondaryStatus,
            StatusMessage = job?.SecondaryStatusTransitions?.LastOrDefault()?.StatusMessage,
            MAP = metrics.FirstOrDefault(m => m.Name == RunJobs.MapMetric)?.Value,
            FinalMetrics = metrics,
            ModelArtifactUri = job?.TrainingJobStatus == TrainingJobStatus.Completed ? job.ModelArtifacts.S3ModelArtifacts : null,
            DatasetContentHash = observed.Data?.ContentHash ?? (sameJob && hasJob ? run.Status?.DatasetContentHash : null),
            TrainingTimeSeconds = job?.TrainingTimeInSeconds,
            BillableTimeSeconds = job?.BillableTimeInSeconds,
            SpotSavingsPercent = SpotSavings(job),
            LogsUrl = hasJob ? LogsUrl(observed.Region, observed.JobName) : null,
            StartTime = job?.TrainingStartTime?.UtcDateTime,
            EndTime = job?.TrainingEndTime?.UtcDateTime,
            FailureReason = state == ReconcileState.Stalled ? view.Message : null,
            History = [.. (observed.History ?? run.Status?.History ?? []).Take(RunJobs.MaxHistory)],
        };
    }

    /// <summary>True when nothing more happens without a spec change: Completed, Failed or Stopped (or stalled before a job).</summary>
    public static bool IsSettled(TrainingRunStatus status) =>
        status.Phase is TrainingRunPhase.Completed or TrainingRunPhase.Failed or TrainingRunPhase.Stopped
        && !Conditions.IsTrue(status.Conditions, Conditions.Reconciling)
        || Conditions.IsTrue(status.Conditions, Conditions.Stalled);

    /// <summary>
    /// The CloudWatch console link to the job's log streams (log group /aws/sagemaker/TrainingJobs, streams
    /// prefixed with the job name). China regions use the amazonaws.cn console.
    /// </summary>
    public static string? LogsUrl(string? region, string jobName)
    {
        if (string.IsNullOrEmpty(region))
            return null;
        var host = region.StartsWith("cn-", StringComparison.Ordinal) ? $"{region}.console.amazonaws.cn" : $"{region}.console.aws.amazon.com";
        return $"https://{host}/cloudwatch/home?region={region}#logsV2:log-groups/log-group/$252Faws$252Fsagemaker$252FTrainingJobs$3FlogStreamNameFilter$3D{jobName}";
    }

    /// <summary>The final metrics sorted by name (a stable order keeps the status from churning).</summary>
    public static IReadOnlyList<MetricValue> FinalMetrics(DescribeTrainingJobResponse? job) =>
        [.. (job?.FinalMetricDataList ?? [])
            .Where(m => m.MetricName is { Length: > 0 } && m.Value is { } v && double.IsFinite(v))
            .GroupBy(m => m.MetricName!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MetricValue { Name = g.Key, Value = g.Last().Value!.Value })];

    /// <summary>An entry for the history when a job is replaced by a spec edit.</summary>
    public static JobHistoryEntry HistoryEntry(string jobName, DescribeTrainingJobResponse? job, long? generation, DateTimeOffset now, string? statusOverride = null) => new()
    {
        JobName = jobName,
        Status = statusOverride ?? job?.TrainingJobStatus ?? "NotFound",
        Generation = generation,
        MAP = FinalMetrics(job).FirstOrDefault(m => m.Name == RunJobs.MapMetric)?.Value,
        ModelArtifactUri = job?.TrainingJobStatus == TrainingJobStatus.Completed ? job.ModelArtifacts.S3ModelArtifacts : null,
        EndTime = (job?.TrainingEndTime ?? now).UtcDateTime,
    };

    private static double? SpotSavings(DescribeTrainingJobResponse? job) =>
        job is { EnableManagedSpotTraining: true, TrainingTimeInSeconds: > 0 and var training, BillableTimeInSeconds: { } billable }
            ? Math.Round(100.0 * (1 - (double)billable / training), 1)
            : null;

    private static PhaseView View(TrainingRunObservation o)
    {
        if (o.InvalidSpec is { } invalid)
            return new(TrainingRunPhase.Failed, Reasons.InvalidSpec, invalid);
        if (o.Misconfigured is { } misconfigured)
            return new(TrainingRunPhase.Pending, Reasons.OperatorMisconfigured, misconfigured);
        if (o.Rejected is { } rejected)
            return new(TrainingRunPhase.Failed, Reasons.SageMakerRejected, rejected);
        if (o.Job is null)
        {
            if (o.CreatedArn is not null)
                return new(TrainingRunPhase.Starting, RunReasons.JobStarting, $"Created SageMaker training job {o.JobName}");
            return o.WaitingFor is { } waiting
                ? new(TrainingRunPhase.Waiting, RunReasons.WaitingForReference, waiting)
                : new(TrainingRunPhase.Pending, RunReasons.JobPending, $"Training job {o.JobName} is not created yet");
        }
        var job = o.Job;
        var detail = job.SecondaryStatusTransitions?.LastOrDefault()?.StatusMessage is { Length: > 0 } m ? $" ({m})" : "";
        return job.TrainingJobStatus switch
        {
            TrainingJobStatus.InProgress when s_starting.Contains(job.SecondaryStatus) =>
                new(TrainingRunPhase.Starting, RunReasons.JobStarting, $"Training job {o.JobName} is {job.SecondaryStatus}{detail}"),
            TrainingJobStatus.InProgress =>
                new(TrainingRunPhase.Training, RunReasons.JobInProgress, $"Training job {o.JobName} is {job.SecondaryStatus}{detail}"),
            TrainingJobStatus.Completed => new(TrainingRunPhase.Completed, RunReasons.JobCompleted, Completed(o.JobName, job)),
            TrainingJobStatus.Failed => new(TrainingRunPhase.Failed, RunReasons.JobFailed,
                $"Training job {o.JobName} failed: {Truncate(job.FailureReason ?? "no reason given")}"),
            TrainingJobStatus.Stopping => new(TrainingRunPhase.Stopped, RunReasons.JobStopping, $"Training job {o.JobName} is stopping"),
            TrainingJobStatus.Stopped => new(TrainingRunPhase.Stopped, RunReasons.JobStopped,
                $"Training job {o.JobName} was stopped ({job.SecondaryStatus})"),
            _ => new(TrainingRunPhase.Training, RunReasons.UnknownJobStatus, $"SageMaker reported status {job.TrainingJobStatus} for {o.JobName}"),
        };
    }

    private static string Completed(string name, DescribeTrainingJobResponse job)
    {
        var map = FinalMetrics(job).FirstOrDefault(m => m.Name == RunJobs.MapMetric);
        var metric = map is null ? "no validation:mAP reported" : $"validation:mAP {map.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}";
        return $"Training job {name} completed with {metric}; model in {job.ModelArtifacts.S3ModelArtifacts}";
    }

    // Status must stay small (etcd object size, kubectl output); FailureReason is at most 1024 characters anyway.
    private static string Truncate(string text) => text.Length <= 1024 ? text : text[..1024] + "…";

    private sealed record PhaseView(string Phase, string Reason, string Message);
}
