using Detector.Preprocessing.Storage;

namespace Detector.Operator.Aws;

/// <summary>S3 calls (made through AWSSDK.S3, not the operator's own AWS client) under the same metric names.</summary>
public sealed partial class AwsMetrics
{
    /// <summary>The service label of S3 calls.</summary>
    public const string S3Service = "S3";

    /// <summary>A hook for <see cref="S3ClientFactory.Create(S3StorageSettings, Action{S3Attempt}?)"/> recording attempts as <c>service="S3"</c>.</summary>
    public Action<S3Attempt> ForS3() => attempt => Record(S3Service, new SageMakerAttempt(attempt.Operation, attempt.Attempt, attempt.StatusCode,
        attempt.ErrorCode, S3Kind(attempt.Operation, attempt.ErrorCode, attempt.StatusCode), attempt.Duration, TimeSpan.Zero));

    /// <summary>
    /// Pure: the error class of an S3 attempt (null on success). S3 names its own "not found" and "already exists" codes;
    /// everything else (SlowDown, AccessDenied, InternalError, 5xx, no response) is classified as for every AWS service.
    /// </summary>
    public static SageMakerErrorKind? S3Kind(string operation, string? errorCode, int statusCode) => errorCode switch
    {
        null => null,
        "NoSuchKey" or "NoSuchBucket" or "NoSuchUpload" or "NotFound" => SageMakerErrorKind.NotFound,
        "BucketAlreadyOwnedByYou" or "BucketAlreadyExists" => SageMakerErrorKind.AlreadyExists,
        _ when statusCode == 404 => SageMakerErrorKind.NotFound,
        _ => AwsErrors.Classify(operation, errorCode, null, statusCode),
    };
}
