namespace Detector.Operator.Aws;

/// <summary>The CloudWatch Logs operations <c>detector logs</c> uses (JSON 1.1, target prefix <c>Logs_20140328</c>).</summary>
public interface ICloudWatchLogs
{
    /// <summary>Events of a group's streams, interleaved by time, one page at a time.</summary>
    Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken ct = default);

    /// <summary>A group's streams, one page at a time.</summary>
    Task<DescribeLogStreamsResponse> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken ct = default);
}

/// <summary>The CloudWatch operation endpoint health uses (JSON 1.0, target prefix <c>GraniteServiceVersion20100801</c>).</summary>
public interface ICloudWatch
{
    /// <summary>Data points of several metric queries over one range, one page at a time.</summary>
    Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken ct = default);
}

/// <summary>The SageMaker Metrics operation training curves use (REST-JSON, <c>POST /BatchGetMetrics</c>).</summary>
public interface ISageMakerMetrics
{
    /// <summary>Time series of training metrics (one per query).</summary>
    Task<BatchGetMetricsResponse> BatchGetMetricsAsync(BatchGetMetricsRequest request, CancellationToken ct = default);
}
