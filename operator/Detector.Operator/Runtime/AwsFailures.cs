using System.Text.RegularExpressions;
using Detector.Operator.Aws;

namespace Detector.Operator.Runtime;

/// <summary>
/// Pure: the one mapping of an AWS error (SageMaker, S3, STS, whichever client raised it) to what the user sees and how
/// the loop treats it. Passing failures (throttling, 5xx, timeouts, a resource not visible yet) are
/// <see cref="Reasons.Retrying"/>; wrong or missing credentials are <see cref="Reasons.OperatorMisconfigured"/>
/// naming credentials; a denied IAM action is <see cref="Reasons.AccessDenied"/> naming the action and resource
/// when AWS gives them; an exhausted quota is <see cref="Reasons.QuotaExceeded"/>; any other refusal of the
/// request is <see cref="Reasons.Rejected"/>.
/// </summary>
public static partial class AwsFailures
{
    /// <summary>What to do about credentials, named in every credentials message.</summary>
    public const string CredentialsFix =
        "check the operator's AWS credentials (its service account's IAM role via IRSA or Pod Identity, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)";

    // Codes that say the credentials themselves are wrong, missing, expired or signed badly: no IAM policy helps.
    private static readonly HashSet<string> s_credentials = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException", "SignatureDoesNotMatch",
        "IncompleteSignature", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "InvalidToken",
        "MissingAuthenticationToken", "MissingAuthenticationTokenException", "MissingCredentials", "CredentialsRefreshFailed",
        "RequestExpired", "RequestTimeTooSkewed", "AuthFailure",
    };

    private static readonly HashSet<string> s_quota = new(StringComparer.Ordinal)
    {
        "ResourceLimitExceeded", "ServiceQuotaExceededException", "ServiceQuotaExceeded",
    };

    /// <summary>
    /// Classifies an error of <paramref name="service"/> (e.g. <c>SageMaker</c>, <c>S3</c>) answering
    /// <paramref name="operation"/> (null when unknown) with <paramref name="code"/>, <paramref name="message"/> and HTTP
    /// <paramref name="statusCode"/> (0: no response), already read by <see cref="AwsErrors.Classify"/> as <paramref name="kind"/>.
    /// </summary>
    public static ReconcileFailure Classify(string service, string? operation, string code, string message, int statusCode, SageMakerErrorKind kind)
    {
        var call = operation is null ? service : $"{service} {operation}";
        var said = string.IsNullOrWhiteSpace(message) ? code : $"{code}: {ReconcileErrors.OneLine(message)}";
        if (s_credentials.Contains(code))
        {
            // A credentials refresh that failed without a 4xx (STS or IMDS unreachable) is a passing failure.
            return kind == SageMakerErrorKind.Transient
                ? Transient($"{call} could not get AWS credentials yet ({said})")
                : Failure(Reasons.OperatorMisconfigured, FailureKind.Misconfiguration,
                    $"{call} refused the operator's AWS credentials ({said}); {CredentialsFix}");
        }
        if (s_quota.Contains(code) || kind == SageMakerErrorKind.ResourceLimit)
            return Failure(Reasons.QuotaExceeded, FailureKind.Blocked,
                $"{call}: an AWS account quota is exhausted ({said}); free capacity or raise the quota in Service Quotas");
        if (statusCode is >= 200 and < 300)
            return Transient($"{call}: {said}");             // An answer we could not read (a proxy, a truncated body).
        return kind switch
        {
            SageMakerErrorKind.AccessDenied => Denied(call, code, message),
            SageMakerErrorKind.Throttling or SageMakerErrorKind.Transient or SageMakerErrorKind.NotFound or SageMakerErrorKind.AlreadyExists =>
                Transient(statusCode != 0 ? $"{call} answered {statusCode} {said}"
                    : message.StartsWith(service, StringComparison.Ordinal) ? message : $"{call} failed ({said})"),
            _ => Failure(Reasons.Rejected, FailureKind.Terminal, $"{call} refused the request ({statusCode} {said})"),
        };
    }

    /// <summary>
    /// The IAM action and resource named by AWS's denial, e.g. "User: arn:… is not authorized to perform:
    /// sagemaker:CreateTrainingJob on resource: arn:… because …"; null parts when the message names none.
    /// </summary>
    public static (string? Action, string? Resource) DeniedAction(string? message)
    {
        if (string.IsNullOrEmpty(message) || DeniedPattern().Match(message) is not { Success: true } match)
            return (null, null);
        var resource = match.Groups["resource"].Success ? match.Groups["resource"].Value.Trim('"', '\'', '.', ',') : null;
        return (match.Groups["action"].Value, string.IsNullOrEmpty(resource) ? null : resource);
    }

    private static ReconcileFailure Denied(string call, string code, string message)
    {
        var (action, resource) = DeniedAction(message);
        var what = action is null
            ? $"{call} was denied to the operator's IAM identity ({code}: {ReconcileErrors.OneLine(message)})"
            : $"The operator's IAM identity may not perform {action}" + (resource is null ? "" : $" on {resource}");
        var grant = action is null ? "grant the operator's IAM role the permission it needs" : $"grant {action} to the operator's IAM role";
        return Failure(Reasons.AccessDenied, FailureKind.Misconfiguration, $"{what}; {grant}");
    }

    private static ReconcileFailure Transient(string message) => Failure(Reasons.Retrying, FailureKind.Transient, message);

    private static ReconcileFailure Failure(string reason, FailureKind kind, string message) => new(reason, ReconcileErrors.OneLine(message), kind);

    // IAM's wording (SageMaker, STS, and S3 since 2023): "is not authorized to perform: <service>:<Action>[ on resource: <arn>]".
    [GeneratedRegex(@"not authorized to perform:\s*(?<action>[A-Za-z0-9-]+:[A-Za-z0-9*]+)(?:\s+on\s+resource:\s*(?<resource>""[^""]+""|\S+))?",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DeniedPattern();
}
