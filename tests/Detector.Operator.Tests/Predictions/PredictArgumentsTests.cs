using Detector.Operator.Cli;

namespace Detector.Operator.Tests.Predictions;

public sealed class PredictArgumentsTests
{
    private static readonly Dictionary<string, string?> s_env = new() { ["HOME"] = "/home/me" };

    private static PredictArguments Parse(params string[] args) => PredictCommand.ParseArguments(args, name => s_env.GetValueOrDefault(name));

    [Fact]
    public void Parse_Defaults()
    {
        var a = Parse("--endpoint", "vision/fish", "photo.jpg");

        Assert.Equal(("vision", "fish", "photo.jpg", null, 0.4), (a.Target.Namespace, a.Target.Name, a.ImagePath, a.OutputPath, a.Threshold));
        Assert.Equal((null, null, null), (a.InferenceComponent, a.Region, a.SageMakerEndpointUrl));
        Assert.Equal(["/home/me/.kube/config"], a.KubeconfigFiles);
    }

    [Fact]
    public void Parse_EveryFlag()
    {
        var a = Parse("-e", "fish-ep", "in.png", "-o", "out.png", "--threshold", "0.25", "--inference-component", "fish-ic",
            "--region", "eu-west-1", "--sagemaker-endpoint-url", "http://127.0.0.1:9000", "--kubeconfig", "/tmp/k", "--context", "lab");

        Assert.Equal((null, "fish-ep", "out.png", 0.25, "fish-ic"), (a.Target.Namespace, a.Target.Name, a.OutputPath, a.Threshold, a.InferenceComponent));
        Assert.Equal(("eu-west-1", new Uri("http://127.0.0.1:9000"), "lab"), (a.Region, a.SageMakerEndpointUrl, a.Context));
        Assert.Equal(["/tmp/k"], a.KubeconfigFiles);
    }

    [Fact]
    public void Parse_RegionAndUrlFallBackToTheEnvironment()
    {
        var env = new Dictionary<string, string?> { ["AWS_DEFAULT_REGION"] = "us-west-2", ["DETECTOR_SAGEMAKER_ENDPOINT_URL"] = "http://sm:1", ["KUBECONFIG"] = "/a:/b" };

        var a = PredictCommand.ParseArguments(["-e", "x", "i.jpg"], name => env.GetValueOrDefault(name));

        Assert.Equal(("us-west-2", new Uri("http://sm:1")), (a.Region, a.SageMakerEndpointUrl));
        Assert.Equal(["/a", "/b"], a.KubeconfigFiles);
    }

    [Theory]
    [InlineData("--threshold 1.5", "--threshold 1.5 must be between 0 and 1")]
    [InlineData("--sagemaker-endpoint-url ftp://x", "--sagemaker-endpoint-url 'ftp://x' is not an http or https URL")]
    public void Parse_BadValues_NameTheFlag(string extra, string message)
    {
        var error = Assert.Throws<FormatException>(() => Parse(["-e", "x", "i.jpg", .. extra.Split(' ')]));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_NoEndpoint_IsRefused() => Assert.Contains("--endpoint", Assert.Throws<FormatException>(() => Parse("i.jpg")).Message);
}
