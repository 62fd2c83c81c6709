using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Hosting;

namespace Detector.Operator.Tests.DetectionEndpoints;

public sealed class DetectionEndpointControllerTests
{
    [Fact]
    public void ServedKinds_IncludeDetectionEndpoints() => Assert.Contains(DetectionEndpointController.Served, ServedKinds.All);

    [Fact]
    public void Problems_WithoutRegion_NameDetectionEndpointWithTheRunsInOneLine()
    {
        var problem = Assert.Single(ServedKinds.Problems(new OperatorSettings { AwsRegion = null }, [Detector.Operator.Runs.SageMakerRunControllers.Served, DetectionEndpointController.Served]));

        Assert.Contains("--aws-region", problem);
        Assert.EndsWith("(needed by TrainingRun, TuningRun, DetectionEndpoint)", problem);
    }

    [Fact]
    public void Problems_WithRegion_None() =>
        Assert.Null(DetectionEndpointController.Served.MissingConfiguration(new OperatorSettings { AwsRegion = "eu-west-1" }));

    [Theory]
    [InlineData("vision", "fish", "vision/live-a,vision/live-b")]
    [InlineData("vision", "other", "")]
    [InlineData("bars", "fish", "")]
    public void ReferringEndpoints_AreThoseOfTheModelsNamespaceThatNameIt(string ns, string model, string expected)
    {
        DetectionEndpoint Endpoint(string n, string name, string modelName) => new()
        {
            Metadata = new() { NamespaceProperty = n, Name = name },
            Spec = new DetectionEndpointSpec { ModelRef = new ModelReference { Name = modelName } },
        };
        var endpoints = new[] { Endpoint("vision", "live-a", "fish"), Endpoint("vision", "live-b", "fish"), Endpoint("vision", "other-live", "birds") };

        var keys = DetectionEndpointController.ReferringEndpoints(new RegisteredModel { Metadata = new() { NamespaceProperty = ns, Name = model } }, endpoints);

        Assert.Equal(expected, string.Join(",", keys.Select(k => $"{k.Namespace}/{k.Name}")));
    }
}
