namespace Detector.Operator.Aws;

/// <summary>
/// <see cref="ISageMakerRuntime"/> over REST-JSON: <c>POST /endpoints/{EndpointName}/invocations</c> on
/// <c>runtime.sagemaker.{region}.{dnsSuffix}</c>, the payload as the body, the other members as headers, signed as
/// service <c>sagemaker</c>. Shares the transport's retries and rate limit (one limiter per client instance).
/// </summary>
public sealed class SageMakerRuntimeClient : ISageMakerRuntime, IDisposable
{
    /// <summary>Largest payload InvokeEndpoint accepts (the model's BodyBlob max).</summary>
    public const int MaxBodyBytes = 6_291_456;

    private readonly SageMakerClientOptions _options;
    private readonly AwsHttpTransport _transport;
    private readonly Uri _url;

    /// <summary>Creates a client; throws <see cref="ArgumentException"/> naming a bad region or endpoint.</summary>
    public SageMakerRuntimeClient(SageMakerClientOptions options)
    {
        _options = options;
        _url = options.RuntimeServiceUrl ?? options.ServiceUrl ?? AwsEndpoints.SageMakerRuntime(options.Region);
        if (_url.Scheme is not ("https" or "http"))
            throw new ArgumentException($"SageMaker runtime endpoint '{_url}' must be an http or https URL", nameof(options));
        _transport = new AwsHttpTransport(options);
    }

    /// <summary>The factory the CLI calls.</summary>
    public static SageMakerRuntimeClient Create(SageMakerClientOptions options) => new(options);

    /// <summary>The runtime URL requests go to.</summary>
    public Uri ServiceUrl => _url;

    /// <inheritdoc/>
    public async Task<InvokeEndpointResponse> InvokeEndpointAsync(InvokeEndpointRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.EndpointName))
            throw new ArgumentException("InvokeEndpointRequest.EndpointName is empty", nameof(request));
        if (request.Body.Length > MaxBodyBytes)
            throw new ArgumentException(
                $"InvokeEndpointRequest.Body is {request.Body.Length:N0} bytes; SageMaker accepts at most {MaxBodyBytes:N0}", nameof(request));
        var url = new Uri(_url, $"endpoints/{Uri.EscapeDataString(request.EndpointName)}/invocations");
        var call = new AwsHttpRequest("InvokeEndpoint", HttpMethod.Post, url, request.Body, request.ContentType, Headers(request),
            _options.InvokeTimeout, RestJson: true);
        var response = await _transport.SendAsync(call, ct);
        return new()
        {
            Body = response.Body,
            ContentType = response.Headers.GetValueOrDefault("Content-Type"),
            InvokedProductionVariant = response.Headers.GetValueOrDefault("x-Amzn-Invoked-Production-Variant"),
            CustomAttributes = response.Headers.GetValueOrDefault("X-Amzn-SageMaker-Custom-Attributes"),
            NewSessionId = response.Headers.GetValueOrDefault("X-Amzn-SageMaker-New-Session-Id"),
            ClosedSessionId = response.Headers.GetValueOrDefault("X-Amzn-SageMaker-Closed-Session-Id"),
        };
    }

    private static List<KeyValuePair<string, string>> Headers(InvokeEndpointRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (value is not null)
                headers.Add(new(name, value));
        }
        Add("Accept", request.Accept);
        Add("X-Amzn-SageMaker-Custom-Attributes", request.CustomAttributes);
        Add("X-Amzn-SageMaker-Target-Model", request.TargetModel);
        Add("X-Amzn-SageMaker-Target-Variant", request.TargetVariant);
        Add("X-Amzn-SageMaker-Target-Container-Hostname", request.TargetContainerHostname);
        Add("X-Amzn-SageMaker-Inference-Id", request.InferenceId);
        Add("X-Amzn-SageMaker-Enable-Explanations", request.EnableExplanations);
        Add("X-Amzn-SageMaker-Inference-Component", request.InferenceComponentName);
        Add("X-Amzn-SageMaker-Session-Id", request.SessionId);
        return headers;
    }

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _transport.Dispose();
}
