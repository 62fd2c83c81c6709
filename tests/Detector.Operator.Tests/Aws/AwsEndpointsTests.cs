using Detector.Operator.Aws;

namespace Detector.Operator.Tests.Aws;

public class AwsEndpointsTests
{
    // Reference §2.1 partition suffixes, as AWSSDK.Core's endpoint data gives them.
    [Theory]
    [InlineData("us-east-1", "https://api.sagemaker.us-east-1.amazonaws.com/", "aws")]
    [InlineData("eu-west-1", "https://api.sagemaker.eu-west-1.amazonaws.com/", "aws")]
    [InlineData("cn-north-1", "https://api.sagemaker.cn-north-1.amazonaws.com.cn/", "aws-cn")]
    [InlineData("cn-northwest-1", "https://api.sagemaker.cn-northwest-1.amazonaws.com.cn/", "aws-cn")]
    [InlineData("us-gov-west-1", "https://api.sagemaker.us-gov-west-1.amazonaws.com/", "aws-us-gov")]
    [InlineData("us-iso-east-1", "https://api.sagemaker.us-iso-east-1.c2s.ic.gov/", "aws-iso")]
    [InlineData("us-isob-east-1", "https://api.sagemaker.us-isob-east-1.sc2s.sgov.gov/", "aws-iso-b")]
    [InlineData("eu-isoe-west-1", "https://api.sagemaker.eu-isoe-west-1.cloud.adc-e.uk/", "aws-iso-e")]
    [InlineData("us-isof-south-1", "https://api.sagemaker.us-isof-south-1.csp.hci.ic.gov/", "aws-iso-f")]
    [InlineData("eusc-de-east-1", "https://api.sagemaker.eusc-de-east-1.amazonaws.eu/", "aws-eusc")]
    public void SageMakerApi_Region_UsesItsPartitionSuffix(string region, string url, string partition)
    {
        Assert.Equal(new Uri(url), AwsEndpoints.SageMakerApi(region));
        Assert.Equal(partition, AwsEndpoints.Partition(region));
    }

    [Theory]
    [InlineData("us-west-2", "https://runtime.sagemaker.us-west-2.amazonaws.com/")]
    [InlineData("cn-north-1", "https://runtime.sagemaker.cn-north-1.amazonaws.com.cn/")]
    public void SageMakerRuntime_Region_UsesTheRuntimeHost(string region, string url) =>
        Assert.Equal(new Uri(url), AwsEndpoints.SageMakerRuntime(region));

    [Theory]
    [InlineData("")]
    [InlineData("US-EAST-1")]
    [InlineData("useast1")]
    [InlineData("us-east-1.evil.com/x")]
    public void Validate_NotARegion_NamesIt(string region)
    {
        var error = Assert.Throws<ArgumentException>(() => AwsEndpoints.SageMakerApi(region));
        Assert.Contains($"Region '{region}'", error.Message);
    }
}
