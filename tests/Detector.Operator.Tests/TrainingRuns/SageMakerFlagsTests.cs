using Detector.Operator.Cli;

namespace Detector.Operator.Tests.TrainingRuns;

public class SageMakerFlagsTests
{
    [Fact]
    public void ParseSettings_SageMakerFlags_SetRegionEndpointAndRate()
    {
        var settings = RunCommand.ParseSettings(
            ["--aws-region", "eu-west-1", "--sagemaker-endpoint-url", "http://127.0.0.1:4566/", "--sagemaker-requests-per-second", "2"], _ => null);
        Assert.Equal(("eu-west-1", "http://127.0.0.1:4566/", 2.0), (settings.AwsRegion, settings.SageMaker.EndpointUrl, settings.SageMaker.RequestsPerSecond));
        Assert.Null(settings.SageMaker.Credentials);
    }

    [Theory]
    [InlineData("AWS_REGION", "ap-south-1")]
    [InlineData("AWS_DEFAULT_REGION", "sa-east-1")]
    public void ParseSettings_NoRegionFlag_TakesTheSdkVariables(string variable, string region)
    {
        var settings = RunCommand.ParseSettings([], name => name == variable ? region : null);
        Assert.Equal(region, settings.AwsRegion);
    }

    [Fact]
    public void ParseSettings_RegionAlias_IsAccepted() =>
        Assert.Equal("us-west-2", RunCommand.ParseSettings(["--region", "us-west-2"], _ => null).AwsRegion);

    [Fact]
    public void Validate_BadEndpoint_NamesTheFlag()
    {
        var settings = RunCommand.ParseSettings(["--sagemaker-endpoint-url", "not a url", "--image", "x"], _ => null);
        Assert.Contains(settings.Validate(), e => e.Contains("--sagemaker-endpoint-url"));
    }
}
