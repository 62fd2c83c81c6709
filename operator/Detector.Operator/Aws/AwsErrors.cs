namespace Detector.Operator.Aws;

/// <summary>
/// The one place that reads AWS error codes (reference §2.2, §2.3): trims the wire code and classifies an error by
/// operation, code, message and HTTP status. Pure; table-tested.
/// </summary>
public static class AwsErrors
{
    // botocore's ThrottledRetryableChecker list (retries/standard.py), which the reference §2.2 quotes.
    private static readonly HashSet<string> s_throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> s_transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "InternalServerError", "InternalError",
        "ServiceUnavailable", "InternalDependencyException", "ModelNotReadyException",
        // Concurrent modification of a model package: succeeds after a backoff (reference §2.2).
        "ConflictException",
    };

    private static readonly HashSet<string> s_accessDenied = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDenied", "UnrecognizedClientException", "InvalidSignatureException",
        "IncompleteSignature", "ExpiredTokenException", "ExpiredToken", "MissingAuthenticationToken",
        "MissingAuthenticationTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch", "NotAuthorized",
        "RequestExpired", "AuthFailure",
    };

    private static readonly HashSet<string> s_validation = new(StringComparer.Ordinal)
    {
        "ValidationException", "ValidationError", "InvalidParameterValue", "InvalidParameterCombination",
        "MissingParameter", "SerializationException", "UnknownOperationException", "ModelError",
    };

    // Per-resource "not found" messages of a ValidationException (reference §2.3).
    private static readonly string[] s_notFoundPrefixes =
    [
        "Requested resource not found", "Could not find model", "Could not find endpoint",
        "Could not find inference component", "Could not find hyperparameter tuning job",
    ];

    /// <summary>
    /// The error code from a JSON <c>__type</c> or an <c>x-amzn-ErrorType</c> header: the part before the first
    /// <c>:</c>, then after the last <c>#</c> (<c>com.amazonaws.sagemaker#ResourceNotFound</c> and
    /// <c>ResourceNotFound:http://internal…</c> both give <c>ResourceNotFound</c>); null when empty.
    /// </summary>
    public static string? TrimErrorCode(string? wireType)
    {
        if (string.IsNullOrWhiteSpace(wireType))
            return null;
        var code = wireType.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
            code = code[..colon];
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
            code = code[(hash + 1)..];
        return code.Length == 0 ? null : code;
    }

    /// <summary>
    /// Classifies an AWS error. <paramref name="operation"/> is the API name (e.g. <c>DescribeTrainingJob</c>),
    /// <paramref name="code"/> the trimmed error code (or the HTTP status as text when the body had none).
    /// </summary>
    public static SageMakerErrorKind Classify(string operation, string code, string? message, int statusCode)
    {
        var text = message ?? "";
        var isCreate = operation.StartsWith("Create", StringComparison.Ordinal);
        if (code is "ResourceNotFound" or "ResourceNotFoundException")
            return SageMakerErrorKind.NotFound;
        if (code is "ResourceInUse" or "ResourceInUseException")
            return isCreate ? SageMakerErrorKind.AlreadyExists : SageMakerErrorKind.Validation;
        if (code == "ResourceLimitExceeded")
            return SageMakerErrorKind.ResourceLimit;
        if (code == "ValidationException")
            return ClassifyValidation(operation, isCreate, text);
        if (s_throttling.Contains(code))
            return SageMakerErrorKind.Throttling;
        if (s_transient.Contains(code))
            return SageMakerErrorKind.Transient;
        if (s_accessDenied.Contains(code))
            return SageMakerErrorKind.AccessDenied;
        if (s_validation.Contains(code))
            return SageMakerErrorKind.Validation;
        return statusCode switch
        {
            429 => SageMakerErrorKind.Throttling,
            408 or >= 500 => SageMakerErrorKind.Transient,
            0 => SageMakerErrorKind.Transient, // No response at all: a network error.
            401 or 403 => SageMakerErrorKind.AccessDenied,
            _ => SageMakerErrorKind.Other,
        };
    }

    private static SageMakerErrorKind ClassifyValidation(string operation, bool isCreate, string message)
    {
        if (isCreate)
        {
            if (message.Contains("already exist", StringComparison.OrdinalIgnoreCase))
                return SageMakerErrorKind.AlreadyExists;
            // A config created a moment ago may not be visible yet; AWS recommends retrying (reference §0 #12).
            if (operation == "CreateEndpoint" && StartsWith(message, "Could not find endpoint configuration"))
                return SageMakerErrorKind.Transient;
            // Otherwise "could not find" names a missing dependency of the Create, not the resource itself.
            return SageMakerErrorKind.Validation;
        }
        if (s_notFoundPrefixes.Any(p => StartsWith(message, p)))
            return SageMakerErrorKind.NotFound;
        // Model packages and their groups: "ModelPackageGroup x does not exist." (reference §2.3).
        if (operation.Contains("ModelPackage", StringComparison.Ordinal)
            && message.TrimEnd().EndsWith("does not exist.", StringComparison.OrdinalIgnoreCase))
            return SageMakerErrorKind.NotFound;
        return SageMakerErrorKind.Validation;
    }

    private static bool StartsWith(string message, string prefix) =>
        message.TrimStart().StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
