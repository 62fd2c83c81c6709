using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.DetectionEndpoints;
using static Detector.Operator.Tests.DetectionEndpoints.EndpointSamples;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>The endpoint config carries SageMaker's DataCaptureConfig exactly as <c>spec.dataCapture</c> asks.</summary>
public sealed class DataCaptureRequestTests
{
    public static TheoryData<string, string> Modes => new()
    {
        { "inference component", EndpointDeploymentMode.InferenceComponent },
        { "single model", EndpointDeploymentMode.SingleModel },
    };

    private static CreateEndpointConfigRequest Config(string mode, DataCapture? capture)
    {
        var endpoint = Endpoint(mode, edit: s => s with { DataCapture = capture });
        var model = ModelOf(endpoint, 1);
        return DetectionEndpointRequests.BuildCreateEndpointConfig(endpoint,
            new EndpointTarget(1, Arn(1), model, DetectionEndpointNames.EndpointConfig(endpoint, model)));
    }

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public void Enabled_CarriesDestinationSamplingKeyModesAndJsonHeader_ValidAgainstTheAwsModel(string situation, string mode)
    {
        var config = Config(mode, new DataCapture
        {
            DestinationS3Uri = "s3://ml-data/vision/capture/", SamplingPercentage = 25, KmsKeyId = "alias/capture",
        });

        var capture = config.DataCaptureConfig;
        Assert.NotNull(capture);
        Assert.Equal((true, 25, "s3://ml-data/vision/capture/", "alias/capture"),
            (capture.EnableCapture, capture.InitialSamplingPercentage, capture.DestinationS3Uri, capture.KmsKeyId));
        Assert.Equal([CaptureMode.Input, CaptureMode.Output], capture.CaptureOptions.Select(o => o.CaptureMode));
        Assert.Equal(["application/json"], capture.CaptureContentTypeHeader!.JsonContentTypes);
        Assert.True(AwsRequestCheck.Problems("CreateEndpointConfig", config) is [],
            $"{situation}: " + string.Join("; ", AwsRequestCheck.Problems("CreateEndpointConfig", config)));
    }

    [Theory]
    [InlineData(true, false, new[] { "Input" })]
    [InlineData(false, true, new[] { "Output" })]
    [InlineData(true, true, new[] { "Input", "Output" })]
    public void CaptureOptions_FollowWhatIsCaptured(bool requests, bool responses, string[] modes)
    {
        var config = Config(EndpointDeploymentMode.InferenceComponent, new DataCapture
        {
            DestinationS3Uri = "s3://ml-data/vision/capture/", CaptureRequests = requests, CaptureResponses = responses,
        });

        Assert.Equal(modes, config.DataCaptureConfig!.CaptureOptions.Select(o => o.CaptureMode));
    }

    [Fact]
    public void Disabled_SendsTheConfigSwitchedOff()
    {
        var config = Config(EndpointDeploymentMode.InferenceComponent, new DataCapture { Enabled = false, DestinationS3Uri = "s3://ml-data/vision/capture/" });

        Assert.False(config.DataCaptureConfig!.EnableCapture);
    }

    [Fact]
    public void Absent_SendsNoDataCaptureConfig()
    {
        Assert.Null(Config(EndpointDeploymentMode.InferenceComponent, capture: null).DataCaptureConfig);
    }
}
