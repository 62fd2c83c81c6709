using Detector.Operator.Hosting;
using k8s.KubeConfigModels;

namespace Detector.Operator.Tests.Hosting;

public sealed class HostingPureTests
{
    [Theory]
    [InlineData(":8080", "0.0.0.0:8080")]
    [InlineData("0.0.0.0:9090", "0.0.0.0:9090")]
    [InlineData("127.0.0.1:0", "127.0.0.1:0")]
    [InlineData("localhost:9090", "127.0.0.1:9090")]
    [InlineData("[::]:8080", "[::]:8080")]
    [InlineData("[::1]:8080", "[::1]:8080")]
    public void MetricsEndpoint_Address_BecomesEndPoint(string address, string endpoint)
    {
        Assert.True(MetricsEndpoint.TryParse(address, out var parsed));
        Assert.Equal(endpoint, parsed.ToString());
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("host:")]
    [InlineData("host:99999")]
    [InlineData("host:http")]
    [InlineData("metrics.example.com:8080")]
    [InlineData("1:8080")]
    [InlineData("::1:8080")]
    [InlineData("[127.0.0.1]:8080")]
    [InlineData("0.0.0.0 :8080")]
    public void MetricsEndpoint_Nonsense_IsRefused(string address) => Assert.False(MetricsEndpoint.TryParse(address, out _));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("0", true)]
    [InlineData(":8080", false)]
    public void MetricsEndpoint_ZeroOrEmpty_IsDisabled(string? address, bool disabled) => Assert.Equal(disabled, MetricsEndpoint.IsDisabled(address));

    [Theory]
    [InlineData(true, ":8080")]
    [InlineData(false, "127.0.0.1:0")]
    public void MetricsEndpoint_Default_DependsOnThePod(bool inPod, string expected) => Assert.Equal(expected, MetricsEndpoint.Default(inPod));

    [Theory]
    [InlineData("/k/config", "/a:/b", null, true, KubeConfigSource.ExplicitFile, "/k/config")]
    [InlineData(null, "/a:/b", null, true, KubeConfigSource.EnvironmentFiles, "/a|/b")]
    [InlineData(null, "/a::/b:/a: ", null, false, KubeConfigSource.EnvironmentFiles, "/a|/b")]
    [InlineData(null, null, null, true, KubeConfigSource.InCluster, "")]
    [InlineData(null, null, "staging", true, KubeConfigSource.DefaultFile, "/home/u/.kube/config")]
    [InlineData(null, null, null, false, KubeConfigSource.DefaultFile, "/home/u/.kube/config")]
    [InlineData("", "", null, false, KubeConfigSource.DefaultFile, "/home/u/.kube/config")]
    [InlineData(null, " : ", null, false, KubeConfigSource.DefaultFile, "/home/u/.kube/config")]
    public void KubeClientConfig_FlagsAndKubeconfigVariable_ChooseTheFiles(string? flag, string? env, string? context, bool inCluster,
        KubeConfigSource source, string files)
    {
        Assert.Equal(source, KubeClientConfig.Choose(flag, env, context, inCluster));
        Assert.Equal(files.Length == 0 ? [] : files.Split('|'), KubeClientConfig.Files(flag, env, context, inCluster, "/home/u"));
    }

    [Fact]
    public void KubeClientConfig_Merge_FirstFileThatSetsAValueWins()
    {
        var first = Config(null, [("dev", "https://dev-1")], [("dev", "dev", "team-a")]);
        var second = Config("dev", [("dev", "https://dev-2"), ("prod", "https://prod")], [("dev", "dev", "team-b"), ("prod", "prod", null)]);
        var third = Config("prod", [], []);

        var merged = KubeClientConfig.Merge([first, second, third]);

        Assert.Equal("dev", merged.CurrentContext);                       // the first file that has one (the second)
        Assert.Equal(["https://dev-1", "https://prod"], merged.Clusters.Select(c => c.ClusterEndpoint.Server));
        Assert.Equal("team-a", merged.Contexts.Single(c => c.Name == "dev").ContextDetails.Namespace);
        Assert.Equal(2, merged.Contexts.Count());
    }

    [Theory]
    [InlineData("ops", "vision", "ops")]
    [InlineData("", "vision", "vision")]
    [InlineData(null, null, "default")]
    [InlineData(" ", "", "default")]
    public void LeaseNamespace_FlagThenContextThenDefault(string? configured, string? context, string expected) =>
        Assert.Equal(expected, OperatorHost.LeaseNamespace(configured, context));

    [Theory]
    [InlineData("0.1.0+3f2a9c1", "0.1.0")]
    [InlineData("0.2.0-rc.1", "0.2.0-rc.1")]
    public void OperatorImage_StripMetadata_KeepsTheVersion(string informational, string version) =>
        Assert.Equal(version, OperatorImage.StripMetadata(informational));

    [Fact]
    public void OperatorImage_Default_IsTheChartsRepositoryAtTheChartsAppVersion()
    {
        var chart = File.ReadAllText(Path.Combine(Detector.Testing.SharedData.RepositoryRoot, "charts", "detector-operator", "Chart.yaml"));
        var values = File.ReadAllText(Path.Combine(Detector.Testing.SharedData.RepositoryRoot, "charts", "detector-operator", "values.yaml"));
        Assert.Contains($"appVersion: \"{OperatorImage.Version}\"", chart);
        Assert.Contains($"repository: {OperatorImage.Repository}", values);
        Assert.Equal($"{OperatorImage.Repository}:{OperatorImage.Version}", OperatorImage.Default);
    }

    private static K8SConfiguration Config(string? current, (string Name, string Server)[] clusters, (string Name, string Cluster, string? Ns)[] contexts) => new()
    {
        CurrentContext = current,
        Clusters = [.. clusters.Select(c => new Cluster { Name = c.Name, ClusterEndpoint = new ClusterEndpoint { Server = c.Server } })],
        Users = [],
        Contexts = [.. contexts.Select(c => new Context { Name = c.Name, ContextDetails = new ContextDetails { Cluster = c.Cluster, User = "u", Namespace = c.Ns } })],
    };
}
