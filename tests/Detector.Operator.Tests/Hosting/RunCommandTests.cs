using Detector.Operator.Cli;
using Detector.Operator.Hosting;

namespace Detector.Operator.Tests.Hosting;

public sealed class RunCommandTests
{
    private static readonly Dictionary<string, string> s_noEnv = [];

    [Fact]
    public void ParseSettings_NoFlagsInAPod_UsesDocumentedDefaults()
    {
        var settings = RunCommand.ParseSettings([], Env(("DETECTOR_IMAGE", "img:1"), ("POD_NAMESPACE", "detector-system"), ("POD_NAME", "op-0"),
            ("KUBERNETES_SERVICE_HOST", "10.96.0.1")));
        Assert.True(settings.InPod);
        Assert.Empty(settings.KubeconfigFiles);                       // the pod's service account
        Assert.Empty(settings.Namespaces);
        Assert.Equal(2, settings.Workers);
        Assert.True(settings.LeaderElection.Enabled);
        Assert.Equal(("detector-operator", "detector-system"), (settings.LeaderElection.LeaseName, settings.LeaderElection.LeaseNamespace));
        Assert.Matches("^op-0_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", settings.LeaderElection.Identity);
        Assert.Equal(":8080", settings.MetricsAddress);
        Assert.Equal("img:1", settings.Jobs.Image);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.DriftInterval);
        Assert.Equal("json", settings.LogFormat);
        Assert.Null(settings.Storage.ServiceUrl);
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void ParseSettings_TwoProcessesOnOneMachine_HaveDifferentLeaderIdentities()
    {
        // Issue 19: two `detector run --leader-elect true` on one laptop both "started leading" under the host name.
        var first = RunCommand.ParseSettings(["--leader-elect", "true"], _ => null).LeaderElection.Identity;
        var second = RunCommand.ParseSettings(["--leader-elect", "true"], _ => null).LeaderElection.Identity;
        Assert.NotEqual(first, second);
        Assert.StartsWith(Environment.MachineName + "_", first);
    }

    [Fact]
    public void ParseSettings_OnlyKubeconfigOnALaptop_NeedsNoOtherFlag()
    {
        var settings = RunCommand.ParseSettings([], Env(("KUBECONFIG", "/tmp/a.yaml:/tmp/b.yaml"), ("HOME", "/home/dev"), ("AWS_REGION", "eu-west-1")));
        Assert.False(settings.InPod);
        Assert.Equal(["/tmp/a.yaml", "/tmp/b.yaml"], settings.KubeconfigFiles);
        Assert.False(settings.LeaderElection.Enabled);
        Assert.Equal("", settings.LeaderElection.LeaseNamespace);     // the host takes the context's namespace
        Assert.Equal("127.0.0.1:0", settings.MetricsAddress);
        Assert.Equal(OperatorImage.Default, settings.Jobs.Image);
        Assert.Equal("eu-west-1", settings.AwsRegion);
        Assert.Equal("text", settings.LogFormat);
        Assert.Empty(settings.Validate());
    }

    [Theory]
    [InlineData("--kubeconfig", "/flag.yaml", "/flag.yaml")]
    [InlineData("--context", "staging", "/tmp/a.yaml")]
    public void ParseSettings_KubeconfigFlag_WinsOverTheVariable(string flag, string value, string firstFile) =>
        Assert.Equal(firstFile, RunCommand.ParseSettings([flag, value], Env(("KUBECONFIG", "/tmp/a.yaml"))).KubeconfigFiles[0]);

    [Fact]
    public void ParseSettings_NoKubeconfigVariableOnALaptop_ReadsHomeKubeConfig() =>
        Assert.Equal(["/home/dev/.kube/config"], RunCommand.ParseSettings([], Env(("HOME", "/home/dev"))).KubeconfigFiles);

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void ParseSettings_LeaderElectFlag_ForcesEitherWayOutsideAPod(string value, bool enabled) =>
        Assert.Equal(enabled, RunCommand.ParseSettings(["--leader-elect", value], _ => null).LeaderElection.Enabled);

    [Fact]
    public void ParseSettings_BareLeaderElectFlag_TurnsItOn() =>
        Assert.True(RunCommand.ParseSettings(["--leader-elect"], _ => null).LeaderElection.Enabled);

    [Fact]
    public void ParseSettings_LeaderElectFalse_WinsInAPod() =>
        Assert.False(RunCommand.ParseSettings(["--leader-elect", "false"], Env(("KUBERNETES_SERVICE_HOST", "10.96.0.1"))).LeaderElection.Enabled);

    [Theory]
    [InlineData("--metrics-bind-address")]
    [InlineData("--metrics-address")]
    public void ParseSettings_MetricsBindAddress_AndItsOldName(string flag) =>
        Assert.Equal("127.0.0.1:9443", RunCommand.ParseSettings([flag, "127.0.0.1:9443"], _ => null).MetricsAddress);

    [Fact]
    public void ParseSettings_RegionFlag_WinsOverTheVariable()
    {
        var settings = RunCommand.ParseSettings(["--aws-region", "us-west-2"], Env(("AWS_REGION", "eu-west-1")));
        Assert.Equal(("us-west-2", "us-west-2"), (settings.AwsRegion, settings.Storage.Region));
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

    [Theory]
    [InlineData("3s", 3)]
    [InlineData("90", 90)]
    [InlineData("10m", 600)]
    [InlineData("00:02:00", 120)]
    public void ParseSettings_DriftInterval_TakesThePollIntervalSyntax(string text, double seconds)
    {
        var settings = RunCommand.ParseSettings(["--drift-interval", text], _ => null);
        Assert.Equal(TimeSpan.FromSeconds(seconds), settings.DriftInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.PollInterval);   // Independent of --poll-interval.
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1m")]
    [InlineData("later")]
    public void ParseSettings_BadDriftInterval_NamesTheFlag(string text)
    {
        var error = Assert.Throws<FormatException>(() => RunCommand.ParseSettings(["--drift-interval", text], _ => null));
        Assert.Contains("--drift-interval", error.Message);
    }

    [Fact]
    public void Validate_NonPositiveDriftInterval_NamesTheFlag() =>
        Assert.Contains(new OperatorSettings { DriftInterval = TimeSpan.Zero }.Validate(), e => e.Contains("--drift-interval", StringComparison.Ordinal));

    [Fact]
    public void ParseSettings_StalledRecheckInterval_DefaultsToFiveMinutesAndTakesTheDurationSyntax()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), RunCommand.ParseSettings([], _ => null).StalledRecheckInterval);
        Assert.Equal(TimeSpan.FromSeconds(90), RunCommand.ParseSettings(["--stalled-recheck-interval", "90s"], _ => null).StalledRecheckInterval);
        var error = Assert.Throws<FormatException>(() => RunCommand.ParseSettings(["--stalled-recheck-interval", "soon"], _ => null));
        Assert.Contains("--stalled-recheck-interval", error.Message);
        Assert.Contains(new OperatorSettings { StalledRecheckInterval = TimeSpan.Zero }.Validate(),
            e => e.Contains("--stalled-recheck-interval", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("2m", 120)]
    [InlineData("0", 0)]
    [InlineData(" 0 ", 0)]
    public void ParseSettings_MemoryTrimInterval_DefaultsTo30sAndZeroTurnsItOff(string? value, int seconds)
    {
        string[] args = value is null ? [] : ["--memory-trim-interval", value];
        Assert.Equal(TimeSpan.FromSeconds(seconds), RunCommand.ParseSettings(args, _ => null).MemoryTrimInterval);
    }

    [Fact]
    public void ParseSettings_MemoryTrimIntervalNonsense_NamesTheFlag() =>
        Assert.Contains("--memory-trim-interval", Assert.Throws<FormatException>(() => RunCommand.ParseSettings(["--memory-trim-interval", "-5s"], _ => null)).Message);

    [Fact]
    public void ParseSettings_UnknownFlag_Throws() =>
        Assert.Throws<FormatException>(() => RunCommand.ParseSettings(["--no-such-flag"], _ => null));

    [Theory]
    [InlineData("--workers", "0", "--workers")]
    [InlineData("--log-format", "xml", "--log-format")]
    [InlineData("--metrics-bind-address", "nonsense", "--metrics-bind-address")]
    [InlineData("--metrics-address", "nonsense", "--metrics-bind-address")]
    [InlineData("--policy-file", "/no/such/policy.yaml", "--policy-file")]
    public void Validate_BadFlag_NamesIt(string flag, string value, string named)
    {
        var settings = RunCommand.ParseSettings([flag, value, "--image", "i", "--lease-namespace", "x"], _ => null);
        Assert.Contains(settings.Validate(), e => e.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ImageWithWhitespace_NamesTheFlag() =>
        Assert.Contains(RunCommand.ParseSettings(["--image", "detector :1"], _ => null).Validate(), e => e.Contains("--image", StringComparison.Ordinal));

    [Fact]
    public void ParseSettings_NoImage_IsThisBuildsImage() =>
        Assert.Equal(OperatorImage.Default, RunCommand.ParseSettings([], _ => null).Jobs.Image);

    [Fact]
    public void ServedKinds_NoRegionAndNoEndpoint_IsAProblemNamingTheFix()
    {
        var problems = ServedKinds.Problems(RunCommand.ParseSettings([], _ => null), ServedKinds.All);
        Assert.Contains(problems, p => p.Contains("--aws-region", StringComparison.Ordinal) && p.Contains("Dataset", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("--aws-region", StringComparison.Ordinal) && p.Contains("TrainingRun", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--aws-region", "eu-west-1")]
    [InlineData("--s3-endpoint-url", "http://minio:9000")]
    public void ServedKinds_RegionOrEndpoint_IsNoDatasetProblem(string flag, string value) =>
        Assert.DoesNotContain(ServedKinds.Problems(RunCommand.ParseSettings([flag, value], _ => null), ServedKinds.All),
            p => p.Contains("Dataset", StringComparison.Ordinal));

    [Fact]
    public void ServedKinds_Region_IsNoProblem() =>
        Assert.Empty(ServedKinds.Problems(RunCommand.ParseSettings(["--aws-region", "eu-west-1"], _ => null), ServedKinds.All));

    [Fact]
    public void ServedKinds_NoKindNeedsS3_IsNoProblem() =>
        Assert.Empty(ServedKinds.Problems(RunCommand.ParseSettings([], _ => null), [new ServedKind("Quiet", _ => null, (_, _) => { })]));

    private static Func<string, string?> Env(params (string Name, string Value)[] vars)
    {
        var map = vars.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name) ?? s_noEnv.GetValueOrDefault(name);
    }
}
