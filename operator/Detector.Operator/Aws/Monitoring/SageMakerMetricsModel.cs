namespace Detector.Operator.Aws;

// SageMaker Metrics (sagemaker-metrics-2022-09-30.json), REST-JSON: POST /BatchGetMetrics.

/// <summary>BatchGetMetrics input: 1–100 series queries.</summary>
public sealed record BatchGetMetricsRequest
{
    /// <summary>The queries.</summary>
    public required List<MetricQuery> MetricQueries { get; init; }
}

/// <summary>One metric series of a resource (a training job's ARN).</summary>
public sealed record MetricQuery
{
    /// <summary>e.g. <c>validation:mAP</c>.</summary>
    public required string MetricName { get; init; }
    /// <summary>The training job's ARN.</summary>
    public required string ResourceArn { get; init; }
    /// <summary><see cref="MetricStatistic"/>.</summary>
    public required string MetricStat { get; init; }
    /// <summary><see cref="MetricPeriod"/>.</summary>
    public required string Period { get; init; }
    /// <summary><see cref="XAxisType"/>.</summary>
    public required string XAxisType { get; init; }
    /// <summary>Start time, epoch seconds.</summary>
    public long? Start { get; init; }
    /// <summary>End time, epoch seconds.</summary>
    public long? End { get; init; }
}

/// <summary>Values of the model's MetricStatistic enum.</summary>
public static class MetricStatistic
{
    /// <summary>Minimum.</summary>
    public const string Min = "Min";
    /// <summary>Maximum.</summary>
    public const string Max = "Max";
    /// <summary>Average.</summary>
    public const string Avg = "Avg";
    /// <summary>Count.</summary>
    public const string Count = "Count";
    /// <summary>Standard deviation.</summary>
    public const string StdDev = "StdDev";
    /// <summary>The last value of each period.</summary>
    public const string Last = "Last";
}

/// <summary>Values of the model's Period enum.</summary>
public static class MetricPeriod
{
    /// <summary>One minute.</summary>
    public const string OneMinute = "OneMinute";
    /// <summary>Five minutes.</summary>
    public const string FiveMinute = "FiveMinute";
    /// <summary>One hour.</summary>
    public const string OneHour = "OneHour";
    /// <summary>One point per iteration (epoch).</summary>
    public const string IterationNumber = "IterationNumber";
}

/// <summary>Values of the model's XAxisType enum.</summary>
public static class XAxisType
{
    /// <summary>X values are iteration (epoch) numbers.</summary>
    public const string IterationNumber = "IterationNumber";
    /// <summary>X values are epoch seconds.</summary>
    public const string Timestamp = "Timestamp";
}

/// <summary>BatchGetMetrics output: one result per query, in order.</summary>
public sealed record BatchGetMetricsResponse
{
    /// <summary>The results.</summary>
    public List<MetricQueryResult>? MetricQueryResults { get; init; }
}

/// <summary>A series: parallel lists of x values and metric values.</summary>
public sealed record MetricQueryResult
{
    /// <summary>Complete, Truncated, InternalError or ValidationError.</summary>
    public required string Status { get; init; }
    /// <summary>Why a query failed.</summary>
    public string? Message { get; init; }
    /// <summary>Iteration numbers or epoch seconds.</summary>
    public required List<long> XAxisValues { get; init; }
    /// <summary>The values.</summary>
    public required List<double> MetricValues { get; init; }
}
