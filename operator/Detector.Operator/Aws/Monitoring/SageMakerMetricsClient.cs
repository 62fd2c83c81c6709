namespace Detector.Operator.Aws;

/// <summary>
/// <see cref="ISageMakerMetrics"/> over REST-JSON: <c>POST /BatchGetMetrics</c> with <c>Content-Type: application/json</c>
/// on <c>metrics.sagemaker.{region}.{dnsSuffix}</c>, signed as <c>sagemaker</c>; errors name their code in
/// <c>x-amzn-ErrorType</c>. Thread-safe.
/// </summary>
public sealed class SageMakerMetricsClient : ISageMakerMetrics, IDisposable
{
    private readonly SageMakerClientOptions _options;
    private readonly AwsHttpTransport _transport;

    /// <summary>Creates a client; throws <see cref="ArgumentException"/> naming a bad region or endpoint.</summary>
    public SageMakerMetricsClient(SageMakerClientOptions options)
    {
        _options = options;
        ServiceUrl = MonitoringEndpoints.Resolve(options.ServiceUrl, MonitoringEndpoints.SageMakerMetrics(options.Region), "SageMaker Metrics");
        _transport = new AwsHttpTransport(options, MonitoringEndpoints.MetricsSigningName);
    }

    /// <summary>Where requests go.</summary>
    public Uri ServiceUrl { get; }

    /// <inheritdoc/>
    public async Task<BatchGetMetricsResponse> BatchGetMetricsAsync(BatchGetMetricsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new AwsHttpRequest("BatchGetMetrics", HttpMethod.Post, new Uri(ServiceUrl, "BatchGetMetrics"), AwsJson.Serialize(request),
            "application/json", [], _options.Timeout, RestJson: true);
        var response = await _transport.SendAsync(call, ct);
        return AwsJsonRpc.Read<BatchGetMetricsResponse>("SageMaker Metrics", "BatchGetMetrics", response);
    }

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _transport.Dispose();
}
