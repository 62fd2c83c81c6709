using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;

namespace Detector.Operator.TrainingRuns;

/// <summary>
/// Live progress of a running training job: the latest epoch and validation:mAP from SageMaker Metrics. The decision
/// (<see cref="IsDue"/>) and the reduction (<see cref="FromSeries"/>) are pure; <see cref="UpdateAsync"/> is the one call.
/// Cost: at most one BatchGetMetrics per running job per <see cref="SageMakerRunSettings.ProgressInterval"/>.
/// </summary>
public static class LiveProgress
{
    /// <summary>Pure: read again when the job runs, has an ARN and the last read is at least <paramref name="interval"/> old.</summary>
    public static bool IsDue(TrainingRunStatus status, DateTimeOffset now, TimeSpan interval) =>
        status.TrainingJobStatus == TrainingJobStatus.InProgress && !string.IsNullOrEmpty(status.TrainingJobArn)
        && (status.Progress?.UpdatedAt is not { } at || now - new DateTimeOffset(at, TimeSpan.Zero) >= interval);

    /// <summary>Pure: the progress a series (epoch, value) says; null when it has no point yet.</summary>
    public static TrainingProgress? FromSeries(IReadOnlyList<long> epochs, IReadOnlyList<double> values, DateTimeOffset now)
    {
        var count = Math.Min(epochs.Count, values.Count);
        if (count == 0)
            return null;
        return new TrainingProgress
        {
            Epoch = epochs[count - 1], MAP = Math.Round(values[count - 1], 4), BestMAP = Math.Round(values.Take(count).Max(), 4),
            UpdatedAt = now.UtcDateTime,
        };
    }

    /// <summary>
    /// Pure: whether a read's figures differ from the stored ones. Unchanged figures keep the stored progress, its
    /// <c>updatedAt</c> included, so a job whose mAP has not moved costs no status write (no churn for GitOps tools, no
    /// request to the API server); a read that found no point yet changes nothing either.
    /// </summary>
    public static bool Changed(TrainingProgress? stored, TrainingProgress? read) =>
        read is not null && (stored is null || stored with { UpdatedAt = null } != read with { UpdatedAt = null });

    /// <summary>
    /// The status with fresh progress when due; otherwise (or when the read fails: progress is best effort and must not
    /// fail the reconcile) the previous progress carried over.
    /// </summary>
    public static async Task<TrainingRunStatus> UpdateAsync(TrainingRunStatus status, TrainingProgress? previous, ISageMakerMetrics? metrics,
        DateTimeOffset now, TimeSpan interval, CancellationToken ct)
    {
        status = status with { Progress = status.Progress ?? previous };
        if (metrics is null || !IsDue(status, now, interval))
            return status;
        try
        {
            var answer = await metrics.BatchGetMetricsAsync(new BatchGetMetricsRequest
            {
                MetricQueries = [new MetricQuery
                {
                    MetricName = RunJobs.MapMetric, ResourceArn = status.TrainingJobArn!, MetricStat = MetricStatistic.Last,
                    Period = Period.IterationNumber, XAxisType = XAxisType.IterationNumber,
                }],
            }, ct);
            var series = answer.MetricQueryResults?.FirstOrDefault();
            var progress = series is null ? null : FromSeries(series.XAxisValues, series.MetricValues, now);
            return status with { Progress = Changed(status.Progress, progress) ? progress : status.Progress };
        }
        catch (SageMakerException)
        {
            return status;
        }
    }
}
