using System.Net.Http.Headers;
using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Detector.Operator.Aws;

/// <summary>One AWS call as the transport sends it; the body is already serialized.</summary>
internal sealed record AwsHttpRequest(string Operation, HttpMethod Method, Uri Url, byte[] Body, string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers, TimeSpan Timeout, bool RestJson);

/// <summary>A successful (2xx) response: status, body and headers (response and content headers, case-insensitive).</summary>
internal sealed record AwsHttpResponse(int StatusCode, byte[] Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// The thin shell under both SageMaker clients: global rate limit, credentials, SigV4, per-attempt timeout, and
/// retries of throttling, 5xx and network errors with full-jitter backoff. Errors leave as <see cref="SageMakerException"/>;
/// the caller's cancellation leaves as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class AwsHttpTransport : IDisposable
{
    private static readonly string s_userAgent = $"detector/{Version()} dotnet/{Environment.Version}";
    // Headers that proxies may rewrite or that carry per-attempt bookkeeping; SDKs leave them unsigned too.
    private static readonly HashSet<string> s_unsigned = new(StringComparer.OrdinalIgnoreCase)
    {
        "User-Agent", "amz-sdk-invocation-id", "amz-sdk-request", "Expect", "Transfer-Encoding", "X-Amzn-Trace-Id",
    };

    private readonly SageMakerClientOptions _options;
    private readonly HttpClient _http;
    private readonly TokenBucket? _bucket;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Func<double> _jitter;
    private readonly SemaphoreSlim _resolveGate = new(1, 1);
    private AWSCredentials? _credentials;
    // Server time minus local time, learnt from a clock-skew rejection; added to the signing time from then on.
    private long _clockOffsetTicks;
    private readonly string _signingName;

    /// <param name="options">Region, credentials, timeouts, retries and rate limit.</param>
    /// <param name="signingName">The SigV4 service name (<c>sagemaker</c>; <c>logs</c> and <c>monitoring</c> for CloudWatch).</param>
    public AwsHttpTransport(SageMakerClientOptions options, string signingName = AwsEndpoints.SigningName)
    {
        _signingName = signingName;
        AwsEndpoints.Validate(options.Region);
        _options = options;
        var handler = options.Handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _http = new HttpClient(handler, disposeHandler: options.Handler is null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _bucket = options.RequestsPerSecond > 0 ? new TokenBucket(options.RequestsPerSecond, options.Burst, options.TimeProvider) : null;
        _delay = options.Delay ?? ((delay, ct) => Task.Delay(delay, options.TimeProvider, ct));
        _jitter = options.Jitter ?? Random.Shared.NextDouble;
        _credentials = options.Credentials;
    }

    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, CancellationToken ct)
    {
        var invocationId = Guid.NewGuid().ToString();
        var refreshedCredentials = false;
        var correctedClock = false;
        var retries = 0;
        while (true)
        {
            var (response, failure, wait, duration, serverDate) = await AttemptAsync(request, invocationId, retries + 1, ct);
            _options.OnAttempt?.Invoke(new SageMakerAttempt(request.Operation, retries + 1,
                response?.StatusCode ?? failure?.StatusCode ?? 0, failure?.ErrorCode, failure?.Kind, duration, wait));
            if (response is not null)
                return response;
            // An expired session token: fetch fresh credentials and try once more (reference §2.2).
            if (failure!.ErrorCode is "ExpiredTokenException" or "ExpiredToken" && !refreshedCredentials
                && _credentials is RefreshingAWSCredentials refreshing)
            {
                refreshing.ClearCredentials();
                refreshedCredentials = true;
                continue;
            }
            // A signature dated too far from the server's clock: sign with the server's time and try once more.
            if (!correctedClock && ClockSkew.Offset(failure, serverDate, _options.TimeProvider.GetUtcNow()) is { } offset)
            {
                Interlocked.Exchange(ref _clockOffsetTicks, offset.Ticks);
                correctedClock = true;
                continue;
            }
            if (!RetryPolicy.ShouldRetry(failure.Kind, retries, _options.MaxRetries))
                throw failure;
            await _delay(RetryPolicy.Delay(retries, _options.RetryBaseDelay, _options.RetryMaxDelay, _jitter()), ct);
            retries++;
        }
    }

    private async Task<(AwsHttpResponse? Response, SageMakerException? Failure, TimeSpan Wait, TimeSpan Duration, DateTimeOffset? ServerDate)>
        AttemptAsync(
        AwsHttpRequest request, string invocationId, int attempt, CancellationToken ct)
    {
        var wait = _bucket is null ? TimeSpan.Zero
            : _options.MaxRateLimitWait is { } max ? _bucket.TryReserve(max) ?? throw RateLimited(request.Operation)
            : _bucket.Reserve();
        if (wait > TimeSpan.Zero)
            await _delay(wait, ct);
        var source = await CredentialsAsync(ct);
        ImmutableCredentials credentials;
        try
        {
            credentials = await source.GetCredentialsAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, CredentialsFailure(request, e), wait, TimeSpan.Zero, null);
        }
        var signingTime = _options.TimeProvider.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));
        using var message = Build(request, credentials, signingTime);
        message.Headers.TryAddWithoutValidation("amz-sdk-invocation-id", invocationId);
        message.Headers.TryAddWithoutValidation("amz-sdk-request", $"attempt={attempt}; max={_options.MaxRetries + 1}");
        var started = _options.TimeProvider.GetTimestamp();
        TimeSpan Elapsed() => _options.TimeProvider.GetElapsedTime(started);
        using var timeout = new CancellationTokenSource(request.Timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            var headers = Headers(response);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
                return (new AwsHttpResponse(status, body, headers), null, wait, Elapsed(), null);
            var error = AwsErrorParser.Parse(status, headers.GetValueOrDefault("x-amzn-ErrorType"),
                headers.GetValueOrDefault("x-amzn-RequestId") ?? headers.GetValueOrDefault("x-amz-request-id"), body, request.RestJson);
            var kind = AwsErrors.Classify(request.Operation, error.Code, error.Message, status);
            return (null, new SageMakerException(error.Code, Describe(request, error.Code, error.Message, status), status,
                error.RequestId, kind, operation: request.Operation), wait, Elapsed(), response.Headers.Date);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return (null, new SageMakerException("RequestTimeout",
                $"SageMaker {request.Operation} got no response within {request.Timeout.TotalSeconds:0.#} s", 0, null,
                SageMakerErrorKind.Transient, e, request.Operation), wait, Elapsed(), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            return (null, new SageMakerException("NetworkError",
                $"SageMaker {request.Operation} failed to reach {request.Url.Authority}: {e.Message}", 0, null,
                SageMakerErrorKind.Transient, e, request.Operation), wait, Elapsed(), null);
        }
    }

    private HttpRequestMessage Build(AwsHttpRequest request, ImmutableCredentials credentials, DateTimeOffset now)
    {
        var message = new HttpRequestMessage(request.Method, request.Url) { Content = new ByteArrayContent(request.Body) };
        var signed = new List<KeyValuePair<string, string>> { new("host", request.Url.Authority) };
        void Add(string name, string value)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
                message.Content.Headers.TryAddWithoutValidation(name, value);
            if (!s_unsigned.Contains(name))
                signed.Add(new(name, value));
        }
        if (request.ContentType is not null)
            Add("Content-Type", request.ContentType);
        foreach (var header in request.Headers)
            Add(header.Key, header.Value);
        Add("X-Amz-Date", SigV4.AmzDate(now));
        if (credentials.UseToken)
            Add("X-Amz-Security-Token", credentials.Token);
        var signature = SigV4.Sign(
            new SigV4Request(request.Method.Method, request.Url.AbsolutePath, request.Url.Query, signed, SigV4.Hash(request.Body)),
            credentials.AccessKey, credentials.SecretKey, _options.Region, _signingName, now);
        message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        message.Headers.TryAddWithoutValidation("User-Agent", s_userAgent);
        return message;
    }

    private async Task<AWSCredentials> CredentialsAsync(CancellationToken ct)
    {
        if (_credentials is { } known)
            return known;
        await _resolveGate.WaitAsync(ct);
        try
        {
            // The default chain probes the environment, profiles, web identity (IRSA), container credentials (ECS,
            // EKS Pod Identity) and IMDS; resolve it once, the credentials object refreshes itself.
            return _credentials ??= await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, ct);
        }
        catch (AmazonClientException e)
        {
            throw new SageMakerException("MissingCredentials", "No AWS credentials found for SageMaker: " + e.Message, 0, null,
                SageMakerErrorKind.AccessDenied, e);
        }
        finally
        {
            _resolveGate.Release();
        }
    }

    // Refreshing credentials (STS for IRSA, the container endpoint, IMDS) can fail like any call: an STS 4xx is an
    // identity problem, anything else is worth another attempt.
    private static SageMakerException CredentialsFailure(AwsHttpRequest request, Exception e)
    {
        var status = e is AmazonServiceException service ? (int)service.StatusCode : 0;
        var kind = status is >= 400 and < 500 ? SageMakerErrorKind.AccessDenied : SageMakerErrorKind.Transient;
        return new SageMakerException("CredentialsRefreshFailed",
            $"SageMaker {request.Operation} could not get AWS credentials: {e.Message}", status, null, kind, e, request.Operation);
    }

    private static string Describe(AwsHttpRequest request, string code, string message, int status) =>
        string.IsNullOrEmpty(message) ? $"SageMaker {request.Operation} failed: {code} (HTTP {status})" : message;

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
            headers[name] = string.Join(',', values);
        return headers;
    }

    private static string Version()
    {
        var version = typeof(AwsHttpTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    public void Dispose()
    {
        _http.Dispose();
        _resolveGate.Dispose();
    }

    private SageMakerException RateLimited(string operation) => new("ClientRateLimited",
        $"{operation} skipped: this best-effort client's own rate limit ({_options.RequestsPerSecond}/s) has no turn free within {_options.MaxRateLimitWait?.TotalSeconds:0.###} s",
        0, null, SageMakerErrorKind.Throttling, operation: operation);
}
