using Amazon.Runtime;

namespace Detector.Operator.Aws;

/// <summary>Configuration of <see cref="SageMakerClient"/>; every member has a working default except <see cref="Region"/>.</summary>
public sealed record SageMakerClientOptions
{
    /// <summary>AWS region, e.g. <c>us-east-1</c>; also the SigV4 signing region. Required.</summary>
    public required string Region { get; init; }

    /// <summary>Control-plane endpoint override (<c>--sagemaker-endpoint-url</c>); http is allowed for tests.
    /// Null means <c>https://api.sagemaker.{region}.{dnsSuffix}</c>.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>Runtime (InvokeEndpoint) endpoint override; null means <c>https://runtime.sagemaker.{region}.{dnsSuffix}</c>,
    /// or <see cref="ServiceUrl"/> when only that is set (emulators serve both on one port).</summary>
    public Uri? RuntimeServiceUrl { get; init; }

    /// <summary>Credentials; null means AWSSDK.Core's default chain (environment, profile, web identity, container, IMDS).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Time allowed for one HTTP attempt, including reading the response. Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one InvokeEndpoint attempt; the container may take 60 s (reference §3). Default 70 s.</summary>
    public TimeSpan InvokeTimeout { get; init; } = TimeSpan.FromSeconds(70);

    /// <summary>Retries after the first attempt for throttling, 5xx and network errors. Default 4 (5 attempts).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Base of the exponential backoff: retry n waits a random time in [0, min(cap, base · 2^n)). Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap of one backoff delay. Default 20 s (botocore's cap).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Global rate limit over every call of this client, retries included (<c>--sagemaker-requests-per-second</c>).
    /// Zero or less disables it. Default 5.</summary>
    public double RequestsPerSecond { get; init; } = 5;

    /// <summary>
    /// For a best-effort client (live training progress, endpoint health): the longest a call may wait for this
    /// client's own rate limit. A call that would wait longer fails at once with error code <c>ClientRateLimited</c>
    /// (kind Throttling, no HTTP request), so a reconcile worker is never held up by a read it can skip. Null (default):
    /// every call waits its turn.
    /// </summary>
    public TimeSpan? MaxRateLimitWait { get; init; }

    /// <summary>Calls allowed at once before the rate applies. Default 5.</summary>
    public int Burst { get; init; } = 5;

    /// <summary>Clock for signing dates, timeouts and the rate limit.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How the client waits (backoff, rate limit); tests record the requested delays instead of sleeping.
    /// Null means <c>Task.Delay</c> on <see cref="TimeProvider"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Source of backoff jitter in [0, 1); null means <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }

    /// <summary>Called after every HTTP attempt (success or failure), e.g. to count calls and retries in metrics.
    /// Must be fast and must not throw.</summary>
    public Action<SageMakerAttempt>? OnAttempt { get; init; }

    /// <summary>HTTP handler override (tests); null means a pooled <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }
}
