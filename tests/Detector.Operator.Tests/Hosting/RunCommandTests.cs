using Detector.Operator.Cli;
using Detector.Operator.Hosting;

namespace Detector.Operator.Tests.Hosting;

public sealed class RunCommandTests
{
    private static readonly Dictionary<string, string> s_noEnv = [];

    [Fact]
    public void ParseSettings_NoFlags_UsesDocumentedDefaults()
    {
        var settings = RunCommand.ParseSettings([], Env(("DETECTOR_IMAGE", "img:1"), ("POD_NAMESPACE", "detector-system"), ("POD_NAME", "op-0")));
        Assert.Empty(settings.Namespaces);
        Assert.Equal(2, settings.Workers);
        Assert.True(settings.LeaderElection.Enabled);
        Assert.Equal(("detector-operator", "detector-system", "op-0"),
            (settings.LeaderElection.LeaseName, settings.LeaderElection.LeaseNamespace, settings.LeaderElection.Identity));
        Assert.Equal(":8080", settings.MetricsAddress);
        Assert.Equal("img:1", settings.Jobs.Image);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.PollInterval);
        Assert.Equal("json", settings.LogFormat);
        Assert.Null(settings.Storage.ServiceUrl);
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void ParseSettings_ImageFlag_WinsOverEnvironment()
    {
        var settings = RunCommand.ParseSettings(["--image", "flag:2"], Env(("DETECTOR_IMAGE", "env:1")));
        Assert.Equal("flag:2", settings.Jobs.Image);
    }

    [Fact]
    public void ParseSettings_S3Endpoint_TurnsOnPathStyleAndChecksumsAndPassesNoCredentialsToJobs()
    {
        var settings = RunCommand.ParseSettings(["--s3-endpoint-url", "http://minio:9000", "--image", "i"],
            Env(("AWS_ACCESS_KEY_ID", "AKIAOPERATOR"), ("AWS_SECRET_ACCESS_KEY", "operator-secret")));
        Assert.Equal(("http://minio:9000", true, true), (settings.Storage.ServiceUrl, settings.Storage.ForcePathStyle, settings.Storage.ChecksumWhenRequired));
        Assert.Equal(("http://minio:9000", true, true), (settings.Jobs.S3EndpointUrl, settings.Jobs.S3ForcePathStyle, settings.Jobs.S3ChecksumWhenRequired));
        Assert.Equal("AKIAOPERATOR", settings.Storage.AccessKeyId);
        Assert.DoesNotContain("AKIAOPERATOR", k8s.KubernetesJson.Serialize(settings.Jobs));
        Assert.DoesNotContain("operator-secret", k8s.KubernetesJson.Serialize(settings.Jobs));
    }

    [Fact]
    public void ParseSettings_PathStyleOff_OverridesTheEndpointDefault()
    {
        var settings = RunCommand.ParseSettings(["--s3-endpoint-url", "http://minio:9000", "--s3-force-path-style", "false"], _ => null);
        Assert.False(settings.Storage.ForcePathStyle);
    }

    [Theory]
    [InlineData(null, null, new string[0])]
    [InlineData("a", null, new[] { "a" })]
    [InlineData(null, "a,b", new[] { "a", "b" })]
    [InlineData("a", " b , a ,,c", new[] { "a", "b", "c" })]
    public void Namespaces_Flags_AreMergedAndDeduplicated(string? single, string? list, string[] expected) =>
        Assert.Equal(expected, RunCommand.Namespaces(single, list));

    [Theory]
    [InlineData("45", 45)]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("0.5s", 0.5)]
    [InlineData("00:01:00", 60)]
    public void ParseDuration_Forms_GiveSeconds(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RunCommand.ParseDuration(text, "--poll-interval"));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5s")]
    [InlineData("soon")]
    public void ParseDuration_Nonsense_NamesTheFlag(string text)
    {
        var error = Assert.Throws<FormatException>(() => RunCommand.ParseDuration(text, "--poll-interval"));
        Assert.Contains("--poll-interval", error.Message);
    }

    [Fact]
    public void ParseSettings_UnknownFlag_Throws() =>
        Assert.Throws<FormatException>(() => RunCommand.ParseSettings(["--no-such-flag"], _ => null));

    [Theory]
    [InlineData("--workers", "0", "--workers")]
    [InlineData("--log-format", "xml", "--log-format")]
    [InlineData("--metrics-address", "nonsense", "--metrics-address")]
    [InlineData("--policy-file", "/no/such/policy.yaml", "--policy-file")]
    public void Validate_BadFlag_NamesIt(string flag, string value, string named)
    {
        var settings = RunCommand.ParseSettings([flag, value, "--image", "i", "--lease-namespace", "x"], _ => null);
        Assert.Contains(settings.Validate(), e => e.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoImage_AsksForIt() =>
        Assert.Contains(RunCommand.ParseSettings(["--lease-namespace", "x"], _ => null).Validate(), e => e.Contains("--image", StringComparison.Ordinal));

    [Fact]
    public void Validate_LeaderElectionWithoutNamespace_AsksForIt() =>
        Assert.Contains(RunCommand.ParseSettings(["--image", "i"], _ => null).Validate(), e => e.Contains("--lease-namespace", StringComparison.Ordinal));

    private static Func<string, string?> Env(params (string Name, string Value)[] vars)
    {
        var map = vars.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name) ?? s_noEnv.GetValueOrDefault(name);
    }
}
