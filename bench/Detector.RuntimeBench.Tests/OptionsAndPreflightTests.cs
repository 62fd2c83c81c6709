namespace Detector.RuntimeBench.Tests;

public sealed class OptionsAndPreflightTests
{
    [Theory]
    [InlineData(2, 60, 120, 900, "--objects")]
    [InlineData(300, -1, 120, 900, "--settle-seconds")]
    [InlineData(300, 60, 0, 900, "--idle-seconds")]
    [InlineData(300, 60, 120, 0, "--timeout-seconds")]
    public void Problems_OutOfRangeFlag_NamesTheFlag(int objects, int settle, int idle, int timeout, string flag)
    {
        var problem = Assert.Single(new BenchOptions { Objects = objects, SettleSeconds = settle, IdleSeconds = idle, TimeoutSeconds = timeout }.Problems());
        Assert.StartsWith(flag, problem);
    }

    [Fact]
    public void Problems_Defaults_None() => Assert.Empty(new BenchOptions().Problems());

    [Theory]
    [InlineData(true, "Release", "--operator /nowhere/detector does not exist")]
    [InlineData(false, "Debug", "the bench is a Debug build")]
    [InlineData(false, "Release", "/nowhere/detector does not exist: build it with")]
    public void Operator_MissingOrDebug_SaysWhatToRun(bool explicitPath, string configuration, string expected) =>
        Assert.StartsWith(expected, Preflight.Operator("/nowhere/detector", explicitPath, configuration));

    [Fact]
    public void Assets_Unset_NamesTheVariableAndTheCommandThatProvidesIt() =>
        Assert.Contains("KUBEBUILDER_ASSETS=\"$(bash ../shared/envtest/setup.sh)\"", Preflight.Assets(null));

    [Fact]
    public void DefaultOperator_BenchOutputFolder_IsTheOperatorBuiltInTheSameConfigurationAndFramework() =>
        Assert.Equal("/repo/operator/Detector.Operator/bin/Release/net10.0/detector",
            Preflight.DefaultOperator("/repo", "/repo/bench/Detector.RuntimeBench/bin/Release/net10.0/"));

    [Fact]
    public void Arguments_Targets_RunAsTheChartDoesWithLeaderElectionAndDefaultIntervals()
    {
        var args = OperatorCommandLine.Arguments(new OperatorTargets("/k", "bench", "lease", "http://s3", "http://sm/", "http://mon/", "us-east-1", "/home"));
        Assert.Equal("run", args[0]);
        Assert.Equal("true", args[args.ToList().IndexOf("--leader-elect") + 1]);
        Assert.DoesNotContain("--poll-interval", args);
        Assert.DoesNotContain("--drift-interval", args);
        Assert.Equal("bench", args[args.ToList().IndexOf("--watch-namespaces") + 1]);
    }

    [Fact]
    public void Environment_Targets_CarriesOnlyTheFakeIdentityAndNoKubeconfig()
    {
        var env = OperatorCommandLine.Environment(new OperatorTargets("/k", "bench", "lease", "http://s3", "http://sm/", "http://mon/", "us-east-1", "/home"), "/bin", null);
        Assert.Equal(BenchWorld.AccessKey, env["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("/home", env["HOME"]);
        Assert.False(env.ContainsKey("KUBECONFIG") || env.ContainsKey("DOTNET_ROOT") || env.ContainsKey("KUBERNETES_SERVICE_HOST"));
        Assert.All(Detector.Operator.Hosting.OperatorRuntimeEnvironment.Variables, v => Assert.Equal(v.Value, env[v.Key]));
    }

    [Fact]
    public void Environment_CallerRuntimeSettings_PassThroughAndNothingElse()
    {
        var caller = new Dictionary<string, string>
        {
            ["DOTNET_GCgen0size"] = "0x400000",
            ["KUBECONFIG"] = "/home/me/.kube/config",
            ["AWS_PROFILE"] = "prod",
            ["DOTNET_NOLOGO"] = "0",
            ["DOTNET_TieredCompilation"] = "",
        };

        var env = OperatorCommandLine.Environment(new OperatorTargets("/k", "bench", "lease", "http://s3", "http://sm/", "http://mon/", "us-east-1", "/home"), "/bin", null, caller);

        Assert.Equal("0x400000", env["DOTNET_GCgen0size"]);
        Assert.Equal("1", env["DOTNET_NOLOGO"]);
        Assert.False(env.ContainsKey("DOTNET_TieredCompilation"));
        Assert.False(env.ContainsKey("KUBECONFIG") || env.ContainsKey("AWS_PROFILE"));
    }
}
