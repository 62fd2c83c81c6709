using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using static Detector.Operator.Tests.DetectionEndpoints.EndpointSamples;

namespace Detector.Operator.Tests.DetectionEndpoints;

public sealed class DetectionEndpointNamesTests
{
    [SkippableTheory]
    [InlineData("birds-live")]
    [InlineData("x")]
    [InlineData("a-very-long-endpoint-name-that-is-much-longer-than-sixty-three-characters-allowed-by-sagemaker")]
    [InlineData("dots.and.more.dots")]
    public void Names_AnyObjectName_FitTheModelShapes(string name)
    {
        var endpoint = Endpoint(name: name);
        var model = DetectionEndpointNames.Model(endpoint, 12345, Arn(12345));
        (string Shape, string Value)[] names =
        [
            ("EndpointName", DetectionEndpointNames.Endpoint(endpoint)),
            ("InferenceComponentName", DetectionEndpointNames.InferenceComponent(endpoint)),
            ("ModelName", model),
            ("EndpointConfigName", DetectionEndpointNames.EndpointConfig(endpoint, model)),
            ("VariantName", DetectionEndpointNames.VariantName),
        ];

        foreach (var (shape, value) in names)
        {
            Assert.InRange(value.Length, 1, DetectionEndpointNames.MaxLength);
            Assert.True(AwsRequestCheck.MatchesShape(shape, value), $"{shape}: {value}");
        }
    }

    [Fact]
    public void Names_EveryRole_Distinct()
    {
        var endpoint = Endpoint();
        var model = ModelOf(endpoint, 1);

        string[] names = [DetectionEndpointNames.Endpoint(endpoint), DetectionEndpointNames.InferenceComponent(endpoint), model,
            DetectionEndpointNames.EndpointConfig(endpoint, model)];

        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith("birds-live-", n));
    }

    [Fact]
    public void EndpointAndComponent_SpecEdit_KeepTheirNames()
    {
        var before = Endpoint();
        var after = Endpoint(edit: s => s with { InstanceType = "ml.g4dn.xlarge", Copies = 3 });

        Assert.Equal(DetectionEndpointNames.Endpoint(before), DetectionEndpointNames.Endpoint(after));
        Assert.Equal(DetectionEndpointNames.InferenceComponent(before), DetectionEndpointNames.InferenceComponent(after));
        Assert.NotEqual(DetectionEndpointNames.Endpoint(before), DetectionEndpointNames.Endpoint(Endpoint(uid: "uid-2")));
    }

    [Fact]
    public void Model_NewVersion_GetsANewName() =>
        Assert.NotEqual(ModelOf(Endpoint(), 1), ModelOf(Endpoint(), 2));

    [Fact]
    public void EndpointConfig_SingleModel_ChangesPerVersion()
    {
        var endpoint = Endpoint(EndpointDeploymentMode.SingleModel);

        Assert.NotEqual(ConfigOf(endpoint, 1), ConfigOf(endpoint, 2));
    }

    [Fact]
    public void EndpointConfig_InferenceComponent_SameAcrossVersionsNewOnConfigChange()
    {
        var endpoint = Endpoint();
        var bigger = Endpoint(edit: s => s with { InstanceType = "ml.g5.xlarge" });
        var scaled = Endpoint(edit: s => s with { InstanceCount = 2 });
        var copies = Endpoint(edit: s => s with { Copies = 4 });

        Assert.Equal(ConfigOf(endpoint, 1), ConfigOf(endpoint, 2));
        Assert.NotEqual(ConfigOf(endpoint, 1), ConfigOf(bigger, 1));
        Assert.Equal(ConfigOf(endpoint, 1), ConfigOf(scaled, 1));   // Instance counts change in place, not by a new config.
        Assert.Equal(ConfigOf(endpoint, 1), ConfigOf(copies, 1));
    }

    [Theory]
    [InlineData("birds-live")]
    [InlineData("a-very-long-endpoint-name-that-is-much-longer-than-sixty-three-characters-allowed-by-sagemaker")]
    public void IsOwnEndpointConfig_ItsConfigsOfAnySpec_AreOwnButOtherNamesAreNot(string name)
    {
        var endpoint = Endpoint(name: name);
        var other = Endpoint(name: name, edit: s => s with { InstanceType = "ml.g5.xlarge" });

        Assert.True(DetectionEndpointNames.IsOwnEndpointConfig(endpoint, ConfigOf(endpoint, 1)));
        Assert.True(DetectionEndpointNames.IsOwnEndpointConfig(endpoint, DetectionEndpointNames.EndpointConfig(other, null)));
        Assert.False(DetectionEndpointNames.IsOwnEndpointConfig(endpoint, "birds-live-console-copy"));
        Assert.False(DetectionEndpointNames.IsOwnEndpointConfig(endpoint, DetectionEndpointNames.Endpoint(endpoint)));
        Assert.False(DetectionEndpointNames.IsOwnEndpointConfig(Endpoint(name: "fish"), ConfigOf(endpoint, 1)));
    }
}
