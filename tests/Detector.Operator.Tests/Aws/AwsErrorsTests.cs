using Detector.Operator.Aws;

namespace Detector.Operator.Tests.Aws;

public class AwsErrorsTests
{
    [Theory]
    [InlineData("ValidationException", "ValidationException")]
    [InlineData("com.amazonaws.sagemaker#ResourceNotFound", "ResourceNotFound")]
    [InlineData("ResourceInUse:http://internal.amazon.com/coral/com.amazon.coral.validate/", "ResourceInUse")]
    [InlineData("aws.protocoltests#FooError:http://internal.amazon.com/coral/", "FooError")]
    [InlineData("  ThrottlingException  ", "ThrottlingException")]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("#", null)]
    public void TrimErrorCode_WireType_GivesTheBareCode(string? wire, string? expected) =>
        Assert.Equal(expected, AwsErrors.TrimErrorCode(wire));

    // Every row of reference §2.2 (errors and retries) and §2.3 (not-found and already-exists signals) for our operations.
    [Theory]
    // §2.3 not found, per resource.
    [InlineData("DescribeTrainingJob", "ValidationException", "Requested resource not found.", 400, SageMakerErrorKind.NotFound)]
    [InlineData("StopTrainingJob", "ValidationException", "Requested resource not found.", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DescribeTrainingJob", "ResourceNotFound", "Training job x does not exist", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DescribeHyperParameterTuningJob", "ResourceNotFound", "Could not find hyperparameter tuning job 'x'.", 400, SageMakerErrorKind.NotFound)]
    [InlineData("StopHyperParameterTuningJob", "ResourceNotFound", "Could not find hyperparameter tuning job 'x'.", 400, SageMakerErrorKind.NotFound)]
    [InlineData("ListTrainingJobsForHyperParameterTuningJob", "ResourceNotFound", "Could not find hyperparameter tuning job 'x'.", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DescribeModel", "ValidationException", "Could not find model \"arn:aws:sagemaker:us-east-1:1:model/m\".", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DeleteModel", "ValidationException", "Could not find model \"m\".", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DescribeEndpointConfig", "ValidationException", "Could not find endpoint configuration \"c\".", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DescribeEndpoint", "ValidationException", "Could not find endpoint \"e\".", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DeleteEndpoint", "ValidationException", "Could not find endpoint \"e\".", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DescribeInferenceComponent", "ValidationException", "Could not find inference component \"ic\".", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DescribeModelPackage", "ValidationException", "ModelPackage arn:aws:sagemaker:us-east-1:1:model-package/g/1 does not exist.", 400, SageMakerErrorKind.NotFound)]
    [InlineData("DescribeModelPackageGroup", "ValidationException", "ModelPackageGroup g does not exist.", 400, SageMakerErrorKind.NotFound)]
    // §2.3 already exists, per Create.
    [InlineData("CreateTrainingJob", "ResourceInUse", "Training job names must be unique within an AWS account and region, and a training job with this name already exists", 400, SageMakerErrorKind.AlreadyExists)]
    [InlineData("CreateHyperParameterTuningJob", "ResourceInUse", "A hyperparameter tuning job with the name, t, already exists.", 400, SageMakerErrorKind.AlreadyExists)]
    [InlineData("CreateModel", "ValidationException", "Cannot create already existing model \"arn:aws:sagemaker:us-east-1:1:model/m\".", 400, SageMakerErrorKind.AlreadyExists)]
    [InlineData("CreateEndpointConfig", "ValidationException", "Cannot create already existing endpoint configuration \"arn:aws:sagemaker:us-east-1:1:endpoint-config/c\".", 400, SageMakerErrorKind.AlreadyExists)]
    [InlineData("CreateEndpoint", "ValidationException", "Cannot create already existing endpoint \"arn:aws:sagemaker:us-east-1:1:endpoint/e\".", 400, SageMakerErrorKind.AlreadyExists)]
    // A Create that cannot find what it references is a bad request, not a missing resource...
    [InlineData("CreateInferenceComponent", "ValidationException", "Could not find endpoint \"e\".", 400, SageMakerErrorKind.Validation)]
    [InlineData("CreateModelPackage", "ValidationException", "ModelPackageGroup g does not exist.", 400, SageMakerErrorKind.Validation)]
    // ...except the config a CreateEndpoint names right after CreateEndpointConfig (eventual consistency, §0 #12).
    [InlineData("CreateEndpoint", "ValidationException", "Could not find endpoint configuration \"c\".", 400, SageMakerErrorKind.Transient)]
    // §2.2 terminal.
    [InlineData("CreateTrainingJob", "ValidationException", "1 validation error detected: Value 'x' at 'trainingJobName' failed to satisfy constraint", 400, SageMakerErrorKind.Validation)]
    [InlineData("DescribeTrainingJob", "ValidationException", "", 400, SageMakerErrorKind.Validation)]
    [InlineData("StopTrainingJob", "ResourceInUse", "The job is already stopping", 400, SageMakerErrorKind.Validation)]
    [InlineData("CreateTrainingJob", "ResourceLimitExceeded", "The account-level service limit 'ml.p3.2xlarge for training job usage' is 0 Instances", 400, SageMakerErrorKind.ResourceLimit)]
    [InlineData("CreateModel", "InvalidParameterValue", "", 400, SageMakerErrorKind.Validation)]
    [InlineData("CreateModel", "InvalidParameterCombination", "", 400, SageMakerErrorKind.Validation)]
    [InlineData("CreateModel", "MissingParameter", "", 400, SageMakerErrorKind.Validation)]
    [InlineData("CreateTrainingJob", "SerializationException", "Start of structure or map found where not expected.", 400, SageMakerErrorKind.Validation)]
    [InlineData("CreateTrainingJob", "UnknownOperationException", "", 400, SageMakerErrorKind.Validation)]
    [InlineData("InvokeEndpoint", "ValidationError", "Endpoint e of account 1 not found.", 400, SageMakerErrorKind.Validation)]
    [InlineData("InvokeEndpoint", "ModelError", "Received server error (500) from primary", 424, SageMakerErrorKind.Validation)]
    // §2.2 retried: conflict, throttling, timeouts, 5xx.
    [InlineData("UpdateModelPackage", "ConflictException", "Concurrent modification", 400, SageMakerErrorKind.Transient)]
    [InlineData("CreateModelPackage", "ConflictException", "", 409, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "ThrottlingException", "Rate exceeded", 400, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "Throttling", "", 400, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "ThrottledException", "", 400, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "RequestThrottledException", "", 400, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "TooManyRequestsException", "", 429, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "RequestLimitExceeded", "", 400, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "SlowDown", "", 503, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "LimitExceededException", "", 400, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "PriorRequestNotComplete", "", 400, SageMakerErrorKind.Throttling)]
    [InlineData("InvokeEndpoint", "ThrottlingException", "", 400, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "RequestTimeout", "", 400, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "RequestTimeoutException", "", 408, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "InternalFailure", "", 500, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "ServiceUnavailable", "", 503, SageMakerErrorKind.Transient)]
    [InlineData("InvokeEndpoint", "ModelNotReadyException", "", 429, SageMakerErrorKind.Transient)]
    [InlineData("InvokeEndpoint", "InternalDependencyException", "", 530, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "500", "", 500, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "502", "<html>Bad Gateway</html>", 502, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "503", "", 503, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "504", "", 504, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "SomethingNew", "", 500, SageMakerErrorKind.Transient)]
    [InlineData("DescribeTrainingJob", "429", "", 429, SageMakerErrorKind.Throttling)]
    [InlineData("DescribeTrainingJob", "NetworkError", "connection refused", 0, SageMakerErrorKind.Transient)]
    // §2.2 auth and signing.
    [InlineData("DescribeTrainingJob", "AccessDeniedException", "User is not authorized to perform: sagemaker:DescribeTrainingJob", 400, SageMakerErrorKind.AccessDenied)]
    [InlineData("DescribeTrainingJob", "UnrecognizedClientException", "The security token included in the request is invalid.", 400, SageMakerErrorKind.AccessDenied)]
    [InlineData("DescribeTrainingJob", "InvalidSignatureException", "The request signature we calculated does not match", 403, SageMakerErrorKind.AccessDenied)]
    [InlineData("DescribeTrainingJob", "IncompleteSignature", "", 400, SageMakerErrorKind.AccessDenied)]
    [InlineData("DescribeTrainingJob", "ExpiredTokenException", "The security token included in the request is expired", 400, SageMakerErrorKind.AccessDenied)]
    [InlineData("DescribeTrainingJob", "MissingAuthenticationToken", "", 403, SageMakerErrorKind.AccessDenied)]
    [InlineData("DescribeTrainingJob", "InvalidClientTokenId", "", 403, SageMakerErrorKind.AccessDenied)]
    [InlineData("DescribeTrainingJob", "403", "", 403, SageMakerErrorKind.AccessDenied)]
    // Anything else.
    [InlineData("DescribeTrainingJob", "SomethingNew", "", 400, SageMakerErrorKind.Other)]
    public void Classify_ReferenceRow_GivesItsKind(string operation, string code, string message, int status, SageMakerErrorKind expected) =>
        Assert.Equal(expected, AwsErrors.Classify(operation, code, message, status));

    [Fact]
    public void Classify_NullMessage_IsNotANotFound() =>
        Assert.Equal(SageMakerErrorKind.Validation, AwsErrors.Classify("DescribeTrainingJob", "ValidationException", null, 400));
}
