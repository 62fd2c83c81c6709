namespace Detector.Operator.Aws;

/// <summary>
/// <see cref="ICloudWatchLogs"/> over JSON 1.1 (<c>X-Amz-Target: Logs_20140328.&lt;Operation&gt;</c>), signed as
/// <c>logs</c>, on the SageMaker client's transport (retries of throttling and 5xx, rate limit, credentials).
/// <see cref="SageMakerClientOptions.ServiceUrl"/> overrides the host. Thread-safe.
/// </summary>
public sealed class CloudWatchLogsClient : ICloudWatchLogs, IDisposable
{
    /// <summary>The JSON 1.1 content type.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The model's target prefix.</summary>
    public const string TargetPrefix = "Logs_20140328";

    private readonly SageMakerClientOptions _options;
    private readonly AwsHttpTransport _transport;

    /// <summary>Creates a client; throws <see cref="ArgumentException"/> naming a bad region or endpoint.</summary>
    public CloudWatchLogsClient(SageMakerClientOptions options)
    {
        _options = options;
        ServiceUrl = MonitoringEndpoints.Resolve(options.ServiceUrl, MonitoringEndpoints.Logs(options.Region), "CloudWatch Logs");
        _transport = new AwsHttpTransport(options, MonitoringEndpoints.LogsSigningName);
    }

    /// <summary>Where requests go.</summary>
    public Uri ServiceUrl { get; }

    /// <inheritdoc/>
    public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken ct = default) =>
        CallAsync<FilterLogEventsRequest, FilterLogEventsResponse>("FilterLogEvents", request, ct);

    /// <inheritdoc/>
    public Task<DescribeLogStreamsResponse> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken ct = default) =>
        CallAsync<DescribeLogStreamsRequest, DescribeLogStreamsResponse>("DescribeLogStreams", request, ct);

    private Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken ct) =>
        AwsJsonRpc.CallAsync<TRequest, TResponse>(_transport, ServiceUrl, "CloudWatch Logs", TargetPrefix, ContentType, operation, request,
            _options.Timeout, ct);

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _transport.Dispose();
}
