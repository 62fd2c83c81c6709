using System.Net;
using Amazon.Runtime;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using k8s.Autorest;

namespace Detector.Operator.Tests.Runtime;

public sealed class ReconcileErrorsTests
{
    public static TheoryData<Exception, string, FailureKind> Cases => new()
    {
        { new AmazonClientException("No RegionEndpoint or ServiceURL configured"), Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { new AmazonClientException("Failed to resolve AWS credentials. The credential providers used..."), Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { Aws(HttpStatusCode.ServiceUnavailable, "SlowDown"), Reasons.Retrying, FailureKind.Transient },
        { Aws(HttpStatusCode.InternalServerError, "InternalError"), Reasons.Retrying, FailureKind.Transient },
        { Aws(HttpStatusCode.Forbidden, "AccessDenied"), Reasons.AccessDenied, FailureKind.Misconfiguration },
        { Aws(HttpStatusCode.Forbidden, "InvalidAccessKeyId"), Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { Aws(HttpStatusCode.NotFound, "NoSuchBucket"), Reasons.Rejected, FailureKind.Terminal },
        { SageMaker("AccessDeniedException", 400, SageMakerErrorKind.AccessDenied), Reasons.AccessDenied, FailureKind.Misconfiguration },
        { SageMaker("UnrecognizedClientException", 400, SageMakerErrorKind.AccessDenied), Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { SageMaker("ResourceLimitExceeded", 400, SageMakerErrorKind.ResourceLimit), Reasons.QuotaExceeded, FailureKind.Blocked },
        { SageMaker("ThrottlingException", 400, SageMakerErrorKind.Throttling), Reasons.Retrying, FailureKind.Transient },
        { SageMaker("ValidationException", 400, SageMakerErrorKind.Validation), Reasons.Rejected, FailureKind.Terminal },
        { new AggregateException(SageMaker("ResourceLimitExceeded", 400, SageMakerErrorKind.ResourceLimit)), Reasons.QuotaExceeded, FailureKind.Blocked },
        { new HttpRequestException("Connection refused (s3.amazonaws.com:443)"), Reasons.Retrying, FailureKind.Transient },
        { new TimeoutException("The operation has timed out."), Reasons.Retrying, FailureKind.Transient },
        { new KubeConflictException("Conflict on datasets ml/a"), Reasons.Retrying, FailureKind.Transient },
        { Kube(HttpStatusCode.Conflict), Reasons.Retrying, FailureKind.Transient },
        { Kube(HttpStatusCode.TooManyRequests), Reasons.Retrying, FailureKind.Transient },
        { Kube(HttpStatusCode.ServiceUnavailable), Reasons.Retrying, FailureKind.Transient },
        { Kube((HttpStatusCode)422), Reasons.Rejected, FailureKind.Terminal },
        { Kube(HttpStatusCode.Forbidden), Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { new InvalidSpecException("spec.output.s3.uri: must start with s3://"), Reasons.InvalidSpec, FailureKind.Terminal },
        { new OperatorMisconfiguredException("--image is empty"), Reasons.OperatorMisconfigured, FailureKind.Misconfiguration },
        { new InvalidOperationException("something unexpected"), Reasons.Retrying, FailureKind.Transient },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_Exception_GivesReasonAndKind(Exception error, string reason, FailureKind kind)
    {
        var failure = ReconcileErrors.Classify(error);
        Assert.Equal((reason, kind), (failure.Reason, failure.Kind));
        Assert.DoesNotContain('\n', failure.Message);
        Assert.NotEmpty(failure.Message);
    }

    [Fact]
    public void Classify_NoRegion_NamesTheFlagAndVariableThatFixIt()
    {
        var failure = ReconcileErrors.Classify(new AmazonClientException("No RegionEndpoint or ServiceURL configured"));
        Assert.Contains("--aws-region", failure.Message);
        Assert.Contains("AWS_REGION", failure.Message);
        Assert.Contains("--s3-endpoint-url", failure.Message);
    }

    [Fact]
    public void Classify_Rejected_CarriesTheServersMessage()
    {
        var failure = ReconcileErrors.Classify(Kube((HttpStatusCode)422,
            "Job.batch \"a-prepare\" is invalid: spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"tmp\""));
        Assert.Contains("spec.template.spec.containers[0].volumeMounts[0].name: Not found", failure.Message);
    }

    [Fact]
    public void Classify_StackTraceAndSecrets_StayOut()
    {
        var failure = ReconcileErrors.Classify(new InvalidOperationException(
            "failed with key AKIAABCDEFGHIJKLMNOP\n   at Detector.Operator.Datasets.DatasetReconciler.ObserveAsync()"));
        Assert.DoesNotContain("AKIAABCDEFGHIJKLMNOP", failure.Message);
        Assert.DoesNotContain(" at Detector", failure.Message);
    }

    [Fact]
    public void OneLine_LongMessage_IsBounded() =>
        Assert.Equal(ReconcileErrors.MaxMessageLength, ReconcileErrors.OneLine(new string('x', 5000)).Length);

    private static SageMakerException SageMaker(string code, int status, SageMakerErrorKind kind) =>
        new(code, $"SageMaker said {code}", status, "req-2", kind, operation: "CreateTrainingJob");

    private static AmazonServiceException Aws(HttpStatusCode code, string errorCode) =>
        new("S3 said no", ErrorType.Receiver, errorCode, "req-1", code);

    private static HttpOperationException Kube(HttpStatusCode code, string message = "the server says no") => new($"Operation returned an invalid status code '{code}'")
    {
        Response = new HttpResponseMessageWrapper(new HttpResponseMessage(code),
            $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":{{System.Text.Json.JsonSerializer.Serialize(message)}},"code":{{(int)code}}}"""),
    };
}
