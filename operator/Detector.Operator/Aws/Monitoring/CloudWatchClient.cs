namespace Detector.Operator.Aws;

/// <summary>
/// <see cref="ICloudWatch"/> over JSON 1.0 (<c>X-Amz-Target: GraniteServiceVersion20100801.&lt;Operation&gt;</c>,
/// <c>application/x-amz-json-1.0</c>), signed as <c>monitoring</c>. The model lists three protocols
/// (<c>smithy-rpc-v2-cbor</c>, <c>json</c>, <c>query</c>); JSON 1.0 is chosen because it shares the JSON machinery and
/// error parsing of the other clients (CBOR would need a codec for one operation). Thread-safe.
/// </summary>
public sealed class CloudWatchClient : ICloudWatch, IDisposable
{
    /// <summary>The JSON 1.0 content type.</summary>
    public const string ContentType = "application/x-amz-json-1.0";

    /// <summary>The model's target prefix.</summary>
    public const string TargetPrefix = "GraniteServiceVersion20100801";

    private readonly SageMakerClientOptions _options;
    private readonly AwsHttpTransport _transport;

    /// <summary>Creates a client; throws <see cref="ArgumentException"/> naming a bad region or endpoint.</summary>
    public CloudWatchClient(SageMakerClientOptions options)
    {
        _options = options;
        ServiceUrl = MonitoringEndpoints.Resolve(options.ServiceUrl, MonitoringEndpoints.CloudWatch(options.Region), "CloudWatch");
        _transport = new AwsHttpTransport(options, MonitoringEndpoints.CloudWatchSigningName);
    }

    /// <summary>Where requests go.</summary>
    public Uri ServiceUrl { get; }

    /// <inheritdoc/>
    public Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken ct = default) =>
        AwsJsonRpc.CallAsync<GetMetricDataRequest, GetMetricDataResponse>(_transport, ServiceUrl, "CloudWatch", TargetPrefix, ContentType,
            "GetMetricData", request, _options.Timeout, ct);

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _transport.Dispose();
}
