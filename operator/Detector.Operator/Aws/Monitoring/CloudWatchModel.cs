namespace Detector.Operator.Aws;

// CloudWatch (monitoring-2010-08-01.json) GetMetricData over JSON 1.0; names as in the model and the AWS SDK for .NET.

/// <summary>GetMetricData input: up to 500 queries over one time range.</summary>
public sealed record GetMetricDataRequest
{
    /// <summary>The queries (a metric and a statistic each, or an expression).</summary>
    public required List<MetricDataQuery> MetricDataQueries { get; init; }
    /// <summary>Start of the range (inclusive), rounded by CloudWatch to the period.</summary>
    public required DateTimeOffset StartTime { get; init; }
    /// <summary>End of the range (exclusive).</summary>
    public required DateTimeOffset EndTime { get; init; }
    /// <summary>The previous page's token.</summary>
    public string? NextToken { get; init; }
    /// <summary><see cref="MetricScanBy"/>; default TimestampDescending.</summary>
    public string? ScanBy { get; init; }
    /// <summary>Upper bound on data points returned (default 100,800).</summary>
    public int? MaxDatapoints { get; init; }
    /// <summary>Label options (time zone of dynamic labels).</summary>
    public LabelOptions? LabelOptions { get; init; }
}

/// <summary>Values of the model's ScanBy enum.</summary>
public static class MetricScanBy
{
    /// <summary>Newest first (the default).</summary>
    public const string TimestampDescending = "TimestampDescending";
    /// <summary>Oldest first.</summary>
    public const string TimestampAscending = "TimestampAscending";
}

/// <summary>Label formatting.</summary>
public sealed record LabelOptions
{
    /// <summary>e.g. <c>+0130</c>.</summary>
    public string? Timezone { get; init; }
}

/// <summary>One query: <see cref="MetricStat"/> or <see cref="Expression"/>.</summary>
public sealed record MetricDataQuery
{
    /// <summary>Short id (lower-case first letter), echoed in the result.</summary>
    public required string Id { get; init; }
    /// <summary>The metric, period and statistic.</summary>
    public MetricStat? MetricStat { get; init; }
    /// <summary>A metric math expression.</summary>
    public string? Expression { get; init; }
    /// <summary>A label for the result.</summary>
    public string? Label { get; init; }
    /// <summary>False to use the query only inside expressions.</summary>
    public bool? ReturnData { get; init; }
    /// <summary>Period of an expression, seconds.</summary>
    public int? Period { get; init; }
    /// <summary>Cross-account source.</summary>
    public string? AccountId { get; init; }
}

/// <summary>A metric with period and statistic.</summary>
public sealed record MetricStat
{
    /// <summary>The metric.</summary>
    public required Metric Metric { get; init; }
    /// <summary>Seconds per data point (a multiple of 60 for standard resolution).</summary>
    public required int Period { get; init; }
    /// <summary><c>Sum</c>, <c>Average</c>, <c>Maximum</c>, <c>SampleCount</c>, <c>p50</c>, <c>p99</c>, ...</summary>
    public required string Stat { get; init; }
    /// <summary>Unit filter; null for any.</summary>
    public string? Unit { get; init; }
}

/// <summary>A metric: namespace, name and dimensions.</summary>
public sealed record Metric
{
    /// <summary>e.g. <c>AWS/SageMaker</c>.</summary>
    public string? Namespace { get; init; }
    /// <summary>e.g. <c>Invocations</c>.</summary>
    public string? MetricName { get; init; }
    /// <summary>Every dimension of the series (CloudWatch matches them exactly).</summary>
    public List<Dimension>? Dimensions { get; init; }
}

/// <summary>A name/value pair of a metric's identity.</summary>
public sealed record Dimension
{
    /// <summary>e.g. <c>EndpointName</c>.</summary>
    public required string Name { get; init; }
    /// <summary>The value.</summary>
    public required string Value { get; init; }
}

/// <summary>GetMetricData output.</summary>
public sealed record GetMetricDataResponse
{
    /// <summary>One result per returned query (a long range spans several pages).</summary>
    public List<MetricDataResult>? MetricDataResults { get; init; }
    /// <summary>The next page's token.</summary>
    public string? NextToken { get; init; }
    /// <summary>Warnings about the whole request.</summary>
    public List<MessageData>? Messages { get; init; }
}

/// <summary>One query's data points: parallel lists of timestamps and values.</summary>
public sealed record MetricDataResult
{
    /// <summary>The query's id.</summary>
    public string? Id { get; init; }
    /// <summary>Its label.</summary>
    public string? Label { get; init; }
    /// <summary>Data point times.</summary>
    public List<DateTimeOffset>? Timestamps { get; init; }
    /// <summary>Data point values.</summary>
    public List<double>? Values { get; init; }
    /// <summary>Complete, PartialData (more pages), InternalError or Forbidden.</summary>
    public string? StatusCode { get; init; }
    /// <summary>Warnings about this query.</summary>
    public List<MessageData>? Messages { get; init; }
}

/// <summary>A code and message CloudWatch attaches to a result.</summary>
public sealed record MessageData
{
    /// <summary>The code.</summary>
    public string? Code { get; init; }
    /// <summary>The text.</summary>
    public string? Value { get; init; }
}
