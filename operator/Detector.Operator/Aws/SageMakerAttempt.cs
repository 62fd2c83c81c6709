namespace Detector.Operator.Aws;

/// <summary>One HTTP attempt of a SageMaker call, reported to <see cref="SageMakerClientOptions.OnAttempt"/> for metrics and logs.</summary>
/// <param name="Operation">The API operation, e.g. <c>DescribeTrainingJob</c>.</param>
/// <param name="Attempt">1 for the first try, 2 for the first retry, ...</param>
/// <param name="StatusCode">The HTTP status, or 0 when no response arrived.</param>
/// <param name="ErrorCode">The AWS error code of a failed attempt; null on success.</param>
/// <param name="Kind">The classification of a failed attempt; null on success.</param>
/// <param name="Duration">Time from sending to the end of the response (or the failure), on the client's TimeProvider.</param>
/// <param name="RateLimitWait">Time the attempt waited for the global rate limit before it was sent.</param>
public sealed record SageMakerAttempt(string Operation, int Attempt, int StatusCode, string? ErrorCode, SageMakerErrorKind? Kind,
    TimeSpan Duration, TimeSpan RateLimitWait);
