namespace Detector.Operator.Aws;

/// <summary>An error returned by SageMaker (or the network) after the client's retries, with its classification.</summary>
public sealed class SageMakerException : Exception
{
    /// <summary>Creates the exception; <paramref name="kind"/> normally comes from <see cref="AwsErrors.Classify"/>.</summary>
    public SageMakerException(string errorCode, string message, int statusCode, string? requestId, SageMakerErrorKind kind,
        Exception? inner = null, string? operation = null)
        : base(message, inner)
    {
        Operation = operation;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
        Kind = kind;
    }

    /// <summary>The AWS error code: <c>__type</c> (or <c>x-amzn-ErrorType</c>) trimmed of namespace and suffix,
    /// e.g. <c>ValidationException</c>; for network errors a code of our own such as <c>RequestTimeout</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The API operation that failed, e.g. <c>CreateTrainingJob</c>; null when not known.</summary>
    public string? Operation { get; }

    /// <summary>The HTTP status code, or 0 when no response arrived.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>x-amzn-RequestId</c> response header, for AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>What the error means for the caller.</summary>
    public SageMakerErrorKind Kind { get; }

    /// <summary>True when the named resource does not exist.</summary>
    public bool IsNotFound => Kind == SageMakerErrorKind.NotFound;

    /// <summary>True when a Create found the name already taken.</summary>
    public bool IsAlreadyExists => Kind == SageMakerErrorKind.AlreadyExists;
}
