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
        var problem = Assert.Single(ServedKinds.Problems(new OperatorSettings { AwsRegion = null }, [Detector.Operator.TrainingRuns.SageMakerRunControllers.Served, DetectionEndpointController.Served]));

        Assert.Contains("--aws-region", problem);
        Assert.EndsWith("(needed by TrainingRun, TuningRun, DetectionEndpoint)", problem);
    }

    [Fact]
    public void Problems_WithRegion_None() =>
        Assert.Null(DetectionEndpointController.Served.MissingConfiguration(new OperatorSettings { AwsRegion = "eu-west-1" }));
}
