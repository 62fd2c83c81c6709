using Detector.Operator.Aws;
using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.Runtime;

/// <summary>
/// The one AWS failure taxonomy, one row per error kind: the reason the user sees, whether the loop retries it, and that
/// only <see cref="FailureKind.Transient"/> shows as Reconciling (everything else is Stalled).
/// </summary>
public sealed class AwsFailuresTests
{
    private const string Denial = "User: arn:aws:sts::123456789012:assumed-role/detector-operator/i-0abc is not authorized to perform: " +
        "sagemaker:CreateTrainingJob on resource: arn:aws:sagemaker:us-east-1:123456789012:training-job/ssd-1a2b3c4d " +
        "because no identity-based policy allows the sagemaker:CreateTrainingJob action";

    public static TheoryData<string, string, int, SageMakerErrorKind, string, FailureKind> Cases => new()
    {
        // Passing failures: Retrying with backoff.
        { "ThrottlingException", "Rate exceeded", 400, SageMakerErrorKind.Throttling, Reasons.Retrying, FailureKind.Transient },
        { "ServiceUnavailable", "Service is unavailable.", 503, SageMakerErrorKind.Transient, Reasons.Retrying, FailureKind.Transient },
        { "InternalFailure", "internal error", 500, SageMakerErrorKind.Transient, Reasons.Retrying, FailureKind.Transient },
        { "NetworkError", "SageMaker DescribeTrainingJob failed to reach api.sagemaker…", 0, SageMakerErrorKind.Transient, Reasons.Retrying, FailureKind.Transient },
        { "ResourceNotFound", "Requested resource not found", 400, SageMakerErrorKind.NotFound, Reasons.Retrying, FailureKind.Transient },
        { "InvalidResponse", "not a DescribeTrainingJobResponse", 200, SageMakerErrorKind.Other, Reasons.Retrying, FailureKind.Transient },
        { "CredentialsRefreshFailed", "STS unreachable", 0, SageMakerErrorKind.Transient, Reasons.Retrying, FailureKind.Transient },
        // Wrong or missing credentials: OperatorMisconfigured naming credentials.
        { "UnrecognizedClientException", "The security token included in the request is invalid.", 400, SageMakerErrorKind.AccessDenied, Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { "InvalidClientTokenId", "The security token included in the request is invalid.", 403, SageMakerErrorKind.AccessDenied, Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { "InvalidSignatureException", "The request signature we calculated does not match", 403, SageMakerErrorKind.AccessDenied, Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { "SignatureDoesNotMatch", "The request signature we calculated does not match", 403, SageMakerErrorKind.AccessDenied, Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { "ExpiredTokenException", "The security token included in the request is expired", 400, SageMakerErrorKind.AccessDenied, Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { "ExpiredToken", "The provided token has expired.", 400, SageMakerErrorKind.AccessDenied, Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { "MissingCredentials", "No AWS credentials found for SageMaker: Failed to resolve AWS credentials", 0, SageMakerErrorKind.AccessDenied, Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403, SageMakerErrorKind.AccessDenied, Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        // A denied IAM action: AccessDenied.
        { "AccessDeniedException", Denial, 400, SageMakerErrorKind.AccessDenied, Reasons.AccessDenied, FailureKind.Misconfiguration },
        { "AccessDenied", "Access Denied", 403, SageMakerErrorKind.AccessDenied, Reasons.AccessDenied, FailureKind.Misconfiguration },
        // Quotas: QuotaExceeded.
        { "ResourceLimitExceeded", "The account-level service limit 'ml.p3.2xlarge for training job usage' is 0 Instances", 400, SageMakerErrorKind.ResourceLimit, Reasons.QuotaExceeded, FailureKind.Blocked },
        { "ServiceQuotaExceededException", "quota exceeded", 400, SageMakerErrorKind.Other, Reasons.QuotaExceeded, FailureKind.Blocked },
        // Anything else the service refuses: Rejected, until the spec changes.
        { "ValidationException", "1 validation error detected", 400, SageMakerErrorKind.Validation, Reasons.Rejected, FailureKind.Terminal },
        { "NoSuchBucket", "The specified bucket does not exist", 404, SageMakerErrorKind.Other, Reasons.Rejected, FailureKind.Terminal },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_EachErrorKind_GivesItsReasonAndLoopTreatment(string code, string message, int status, SageMakerErrorKind kind,
        string reason, FailureKind expected)
    {
        var failure = AwsFailures.Classify("SageMaker", "CreateTrainingJob", code, message, status, kind);

        Assert.Equal((reason, expected), (failure.Reason, failure.Kind));
        Assert.Equal(expected == FailureKind.Transient, failure.Retries);
        Assert.Equal(expected != FailureKind.Transient, failure.NeedsPerson);   // FailureStatus: not Transient means Stalled.
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Theory]
    [InlineData("UnrecognizedClientException")]
    [InlineData("InvalidSignatureException")]
    [InlineData("ExpiredToken")]
    [InlineData("MissingCredentials")]
    public void Classify_WrongCredentials_MessageNamesCredentialsAndTheFix(string code)
    {
        var failure = AwsFailures.Classify("SageMaker", "DescribeTrainingJob", code, "The security token included in the request is invalid.", 400,
            SageMakerErrorKind.AccessDenied);

        Assert.Contains("credentials", failure.Message);
        Assert.Contains("IRSA", failure.Message);
        Assert.Contains(code, failure.Message);
    }

    [Fact]
    public void Classify_AccessDenied_NamesTheActionAndResourceAndWhatToGrant()
    {
        var failure = AwsFailures.Classify("SageMaker", "CreateTrainingJob", "AccessDeniedException", Denial, 400, SageMakerErrorKind.AccessDenied);

        Assert.Equal("The operator's IAM identity may not perform sagemaker:CreateTrainingJob on " +
            "arn:aws:sagemaker:us-east-1:123456789012:training-job/ssd-1a2b3c4d; grant sagemaker:CreateTrainingJob to the operator's IAM role",
            failure.Message);
    }

    [Fact]
    public void Classify_AccessDeniedWithoutDetails_NamesTheCall()
    {
        var failure = AwsFailures.Classify("S3", null, "AccessDenied", "Access Denied", 403, SageMakerErrorKind.AccessDenied);

        Assert.StartsWith("S3 was denied to the operator's IAM identity (AccessDenied: Access Denied)", failure.Message);
    }

    [Theory]
    [InlineData(Denial, "sagemaker:CreateTrainingJob", "arn:aws:sagemaker:us-east-1:123456789012:training-job/ssd-1a2b3c4d")]
    [InlineData("User: arn:aws:iam::1:user/x is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::models/a/b.json\" because no identity-based policy allows the s3:PutObject action",
        "s3:PutObject", "arn:aws:s3:::models/a/b.json")]
    [InlineData("User: arn:aws:iam::1:user/x is not authorized to perform: iam:PassRole with an explicit deny in an identity-based policy", "iam:PassRole", null)]
    [InlineData("User: arn:aws:iam::1:user/x is not authorized to perform: sagemaker:ListModelPackages", "sagemaker:ListModelPackages", null)]
    [InlineData("Access Denied", null, null)]
    public void DeniedAction_ParsesIamWording(string message, string? action, string? resource) =>
        Assert.Equal((action, resource), AwsFailures.DeniedAction(message));
}
