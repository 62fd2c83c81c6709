using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using k8s.Autorest;

namespace Detector.Operator.Runtime;

/// <summary>
/// Pure: the one place that turns a reconcile exception into what the user sees on the object (reason, one-line
/// message) and how the loop retries, for every adapter: the API server, SageMaker and S3 (AWS errors through
/// <see cref="AwsFailures"/>). Unknown exceptions are transient: retried, and shown as they are.
/// </summary>
public static class ReconcileErrors
{
    /// <summary>The longest message put on a condition or Event.</summary>
    public const int MaxMessageLength = 512;

    /// <summary>What the SDK says when neither a region nor an endpoint is configured.</summary>
    public const string NoRegionSdkMessage = "No RegionEndpoint or ServiceURL configured";

    /// <summary>The fix for a missing region, named in the message and at start-up.</summary>
    public const string NoRegionFix = "set --aws-region or AWS_REGION (or --s3-endpoint-url for an S3-compatible store)";

    /// <summary>Classifies <paramref name="error"/>.</summary>
    public static ReconcileFailure Classify(Exception error) => error switch
    {
        InvalidSpecException e => new(Reasons.InvalidSpec, OneLine(e.Message), FailureKind.Terminal),
        OperatorMisconfiguredException e => new(Reasons.OperatorMisconfigured, OneLine(e.Message), FailureKind.Misconfiguration),
        RetryableException e => Transient(e.Message),
        AggregateException { InnerExceptions.Count: 1 } e => Classify(e.InnerExceptions[0]),
        SageMakerException e => AwsFailures.Classify("SageMaker", e.Operation, e.ErrorCode, e.Message, e.StatusCode, e.Kind),
        AmazonServiceException e => Aws(e),
        AmazonClientException e when e.Message.Contains(NoRegionSdkMessage, StringComparison.Ordinal) =>
            Misconfigured($"No AWS region is configured for the operator's S3 client: {NoRegionFix}"),
        AmazonClientException e when IsCredentialsProblem(e.Message) =>
            Misconfigured("The operator found no AWS credentials: give its service account an IAM role (IRSA or Pod Identity), " +
                "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
        KubeConflictException => Transient("Conflict with a concurrent change; retrying with the latest version"),
        _ when KubeErrors.StatusOf(error) is { } code => Kube(code, error),
        HttpRequestException or SocketException or IOException or TimeoutException or TaskCanceledException =>
            Transient($"Network error: {OneLine(error.Message)}"),
        AmazonClientException e => Transient($"AWS client error: {OneLine(e.Message)}"),
        _ => Transient($"{error.GetType().Name}: {OneLine(error.Message)}"),
    };

    /// <summary>First line of <paramref name="message"/>, redacted and bounded.</summary>
    public static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "";
        line = KubeEventRecorder.Redact(line);
        return line.Length <= MaxMessageLength ? line : line[..(MaxMessageLength - 1)] + "…";
    }

    // The S3 (or STS) client's errors, read by the same rules as SageMaker's.
    private static ReconcileFailure Aws(AmazonServiceException e)
    {
        var status = (int)e.StatusCode;
        var code = string.IsNullOrEmpty(e.ErrorCode) ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : e.ErrorCode;
        var service = e.GetType().Namespace switch
        {
            "Amazon.S3" => "S3",
            "Amazon.SecurityToken" => "STS",
            _ => "AWS",
        };
        return AwsFailures.Classify(service, null, code, e.Message, status, AwsErrors.Classify("", code, e.Message, status));
    }

    private static ReconcileFailure Kube(HttpStatusCode code, Exception error)
    {
        var message = ServerMessage(error);
        return (int)code switch
        {
            422 => new(Reasons.Rejected, OneLine($"The API server refused the request: {message}"), FailureKind.Terminal),
            401 => Misconfigured($"The API server refused the operator's credentials (401): {message}"),
            403 => Misconfigured($"The operator's service account lacks a permission (403): {message}; grant it (the chart's RBAC does)"),
            _ => Transient($"The API server answered {(int)code}: {message}"),
        };
    }

    // The server's Status.message says what was wrong; the exception's own message is only "Operation returned 422".
    private static string ServerMessage(Exception error)
    {
        var inner = error is KubeNotFoundException or KubeConflictException && error.InnerException is { } i ? i : error;
        if (inner is HttpOperationException { Response.Content: { Length: > 0 } content })
        {
            try
            {
                using var doc = JsonDocument.Parse(content);
                if (doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                    return OneLine(m.GetString()!);
            }
            catch (JsonException)
            {
                // Not a Status object: fall back to the exception message.
            }
        }
        if (inner is k8s.KubernetesException { Status.Message: { Length: > 0 } statusMessage })
            return OneLine(statusMessage);
        return OneLine(inner.Message);
    }

    private static bool IsCredentialsProblem(string message) =>
        message.Contains("resolve AWS credentials", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Unable to get IAM security credentials", StringComparison.OrdinalIgnoreCase);

    private static ReconcileFailure Transient(string message) => new(Reasons.Retrying, OneLine(message), FailureKind.Transient);

    private static ReconcileFailure Misconfigured(string message) => new(Reasons.OperatorMisconfigured, OneLine(message), FailureKind.Misconfiguration);
}
