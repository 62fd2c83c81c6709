using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;

namespace Detector.Operator.TuningRuns;

/// <summary>
/// Live figures of a running tuning job: its running trials (one ListTrainingJobsForHyperParameterTuningJob,
/// StatusEquals=InProgress) and their validation:mAP series (one BatchGetMetrics), at most once per
/// <see cref="SageMakerRunSettings.ProgressInterval"/> per tuning job: two calls per running TuningRun per minute.
/// Best effort: a failed read keeps the previous figures.
/// </summary>
public static class LiveTuningProgress
{
    private const int MaxTrials = 100;   // BatchGetMetrics' MetricQueries max; ListTrainingJobs... MaxResults max.

    /// <summary>Pure: read again while the tuning job runs and the last read is at least <paramref name="interval"/> old.</summary>
    public static bool IsDue(TuningRunStatus status, DateTimeOffset now, TimeSpan interval) =>
        status.TuningJobStatus == HyperParameterTuningJobStatus.InProgress && !string.IsNullOrEmpty(status.TuningJobName)
        && (status.Progress?.UpdatedAt is not { } at || now - new DateTimeOffset(at, TimeSpan.Zero) >= interval);

    /// <summary>Pure: the progress from the running trials' series and the finished best.</summary>
    public static TuningProgress Combine(IReadOnlyList<(string Trial, IReadOnlyList<long> Epochs, IReadOnlyList<double> Values)> running,
        BestTrainingJob? finishedBest, DateTimeOffset now)
    {
        var trials = running.Where(r => Math.Min(r.Epochs.Count, r.Values.Count) > 0)
            .Select(r => new TrialProgress { Name = r.Trial, Epoch = r.Epochs[Math.Min(r.Epochs.Count, r.Values.Count) - 1], MAP = Math.Round(r.Values[Math.Min(r.Epochs.Count, r.Values.Count) - 1], 4) })
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var candidates = trials.Select(t => (t.Name, t.MAP)).ToList();
        if (finishedBest?.MAP is { } best && finishedBest.Name is { } name)
            candidates.Add((name, best));
        var top = candidates.OrderByDescending(c => c.MAP).FirstOrDefault();
        return new TuningProgress { BestMAP = top.MAP, BestTrial = top.Name, RunningTrials = trials, UpdatedAt = now.UtcDateTime };
    }

    /// <summary>
    /// Pure: whether a read's figures differ from the stored ones; unchanged figures keep the stored progress and its
    /// <c>updatedAt</c>, so nothing is written.
    /// </summary>
    public static bool Changed(TuningProgress? stored, TuningProgress read) =>
        stored is null || stored.BestMAP != read.BestMAP || stored.BestTrial != read.BestTrial
        || !stored.RunningTrials.SequenceEqual(read.RunningTrials);

    /// <summary>The status with fresh progress when due, else the previous progress carried over.</summary>
    public static async Task<TuningRunStatus> UpdateAsync(TuningRunStatus status, TuningProgress? previous, ISageMakerTraining sageMaker,
        ISageMakerMetrics? metrics, DateTimeOffset now, TimeSpan interval, CancellationToken ct)
    {
        status = status with { Progress = status.Progress ?? previous };
        if (metrics is null || !IsDue(status, now, interval))
            return status;
        try
        {
            var running = (await sageMaker.ListTrainingJobsForHyperParameterTuningJobAsync(new ListTrainingJobsForHyperParameterTuningJobRequest
            {
                HyperParameterTuningJobName = status.TuningJobName!, StatusEquals = TrainingJobStatus.InProgress, MaxResults = MaxTrials,
            }, ct)).TrainingJobSummaries;
            var series = new List<(string, IReadOnlyList<long>, IReadOnlyList<double>)>();
            if (running.Count > 0)
            {
                var answer = await metrics.BatchGetMetricsAsync(new BatchGetMetricsRequest
                {
                    MetricQueries = [.. running.Select(t => new MetricQuery
                    {
                        MetricName = RunJobs.MapMetric, ResourceArn = t.TrainingJobArn, MetricStat = MetricStatistic.Last,
                        Period = Period.IterationNumber, XAxisType = XAxisType.IterationNumber,
                    })],
                }, ct);
                var results = answer.MetricQueryResults ?? [];
                for (var i = 0; i < running.Count && i < results.Count; i++)
                    series.Add((running[i].TrainingJobName, results[i].XAxisValues, results[i].MetricValues));
            }
            var progress = Combine(series, status.BestTrainingJob, now);
            return status with { Progress = Changed(status.Progress, progress) ? progress : status.Progress };
        }
        catch (SageMakerException)
        {
            return status;
        }
    }
}
