using Prometheus;

namespace Detector.Operator.Aws;

/// <summary>
/// Prometheus metrics of the operator's calls to AWS, one observation per HTTP attempt (a retried call counts each
/// attempt, as the AWS SDKs' own metrics do): <c>detector_aws_requests_total{service,operation,outcome}</c>,
/// <c>detector_aws_request_duration_seconds{service,operation}</c>, <c>detector_aws_throttled_requests_total{service,operation}</c>
/// (AWS answered "slow down") and <c>detector_aws_rate_limit_wait_seconds_total{service}</c> (time spent in the
/// operator's own rate limit before sending). Fed by <see cref="SageMakerClientOptions.OnAttempt"/> and, for S3, by <see cref="ForS3"/>.
/// </summary>
public sealed partial class AwsMetrics
{
    /// <summary>The outcome label of a successful attempt.</summary>
    public const string Success = "success";

    /// <summary>Creates the metrics on <paramref name="registry"/> (tests use a fresh one).</summary>
    public AwsMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        Requests = factory.CreateCounter("detector_aws_requests_total",
            "HTTP attempts of calls to AWS, by service, API operation and outcome (success, or the error's class: throttling, " +
            "transient, not_found, already_exists, validation, access_denied, resource_limit, other).",
            "service", "operation", "outcome");
        Duration = factory.CreateHistogram("detector_aws_request_duration_seconds",
            "Duration of HTTP attempts of calls to AWS (sending to the end of the answer), by service and API operation.",
            new HistogramConfiguration { LabelNames = ["service", "operation"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 12) });
        Throttled = factory.CreateCounter("detector_aws_throttled_requests_total",
            "HTTP attempts AWS answered with a throttling error, by service and API operation.", "service", "operation");
        RateLimitWait = factory.CreateCounter("detector_aws_rate_limit_wait_seconds_total",
            "Seconds attempts waited in the operator's own rate limit (--sagemaker-requests-per-second) before they were sent.", "service");
    }

    /// <summary><c>detector_aws_requests_total{service,operation,outcome}</c>.</summary>
    public Counter Requests { get; }

    /// <summary><c>detector_aws_request_duration_seconds{service,operation}</c>.</summary>
    public Histogram Duration { get; }

    /// <summary><c>detector_aws_throttled_requests_total{service,operation}</c>.</summary>
    public Counter Throttled { get; }

    /// <summary><c>detector_aws_rate_limit_wait_seconds_total{service}</c>.</summary>
    public Counter RateLimitWait { get; }

    /// <summary>A hook for <see cref="SageMakerClientOptions.OnAttempt"/> recording attempts of <paramref name="service"/>.</summary>
    public Action<SageMakerAttempt> For(string service) => attempt => Record(service, attempt);

    /// <summary>Records one attempt.</summary>
    public void Record(string service, SageMakerAttempt attempt)
    {
        var outcome = Outcome(attempt.Kind);
        Requests.WithLabels(service, attempt.Operation, outcome).Inc();
        Duration.WithLabels(service, attempt.Operation).Observe(attempt.Duration.TotalSeconds);
        if (attempt.Kind == SageMakerErrorKind.Throttling)
            Throttled.WithLabels(service, attempt.Operation).Inc();
        if (attempt.RateLimitWait > TimeSpan.Zero)
            RateLimitWait.WithLabels(service).Inc(attempt.RateLimitWait.TotalSeconds);
    }

    /// <summary>Pure: the outcome label of an attempt: <c>success</c>, or its error class in Prometheus' snake_case.</summary>
    public static string Outcome(SageMakerErrorKind? kind) => kind switch
    {
        null => Success,
        SageMakerErrorKind.NotFound => "not_found",
        SageMakerErrorKind.AlreadyExists => "already_exists",
        SageMakerErrorKind.Validation => "validation",
        SageMakerErrorKind.Throttling => "throttling",
        SageMakerErrorKind.Transient => "transient",
        SageMakerErrorKind.AccessDenied => "access_denied",
        SageMakerErrorKind.ResourceLimit => "resource_limit",
        _ => "other",
    };
}
