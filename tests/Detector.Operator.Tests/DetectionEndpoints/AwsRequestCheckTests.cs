using Detector.Operator.Aws;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>The request checker the builder tests rely on reports each kind of violation.</summary>
public sealed class AwsRequestCheckTests
{
    [SkippableFact]
    public void Problems_BadRequest_ReportsPatternEnumRangeAndSize()
    {
        var request = new CreateEndpointConfigRequest
        {
            EndpointConfigName = "-bad_name-",
            ProductionVariants = [new ProductionVariant { VariantName = "AllTraffic", InstanceType = "ml.nope.large", InitialInstanceCount = 0 }],
            DataCaptureConfig = new DataCaptureConfig { InitialSamplingPercentage = 101, DestinationS3Uri = "s3://b/", CaptureOptions = [] },
        };

        var problems = AwsRequestCheck.Problems("CreateEndpointConfig", request);

        Assert.Contains(problems, p => p.StartsWith(".EndpointConfigName: '-bad_name-' does not match", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".ProductionVariants[0].InstanceType: 'ml.nope.large' is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".ProductionVariants[0].InitialInstanceCount: 0 <", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".DataCaptureConfig.InitialSamplingPercentage: 101 >", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".DataCaptureConfig.CaptureOptions: size 0 <", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Problems_MissingRequiredMember_IsReported() =>
        Assert.Contains(".ModelPackageGroupName: required",
            AwsRequestCheck.Problems("CreateModelPackageGroup", new CreateModelPackageGroupRequest { ModelPackageGroupName = null! }));
}
