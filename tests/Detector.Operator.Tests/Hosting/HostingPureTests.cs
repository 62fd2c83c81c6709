using Detector.Operator.Hosting;

namespace Detector.Operator.Tests.Hosting;

public sealed class HostingPureTests
{
    [Theory]
    [InlineData(":8080", "http://0.0.0.0:8080")]
    [InlineData("0.0.0.0:9090", "http://0.0.0.0:9090")]
    [InlineData("127.0.0.1:0", "http://127.0.0.1:0")]
    [InlineData("[::]:8080", "http://[::]:8080")]
    public void MetricsEndpoint_Address_BecomesUrl(string address, string url)
    {
        Assert.True(MetricsEndpoint.TryParse(address, out var parsed));
        Assert.Equal(url, parsed);
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("host:")]
    [InlineData("host:99999")]
    [InlineData("host:http")]
    public void MetricsEndpoint_Nonsense_IsRefused(string address) => Assert.False(MetricsEndpoint.TryParse(address, out _));

    [Theory]
    [InlineData("/k/config", null, true, KubeConfigSource.ExplicitFile)]
    [InlineData(null, "staging", true, KubeConfigSource.ExplicitFile)]
    [InlineData(null, null, true, KubeConfigSource.InCluster)]
    [InlineData(null, null, false, KubeConfigSource.DefaultFile)]
    [InlineData("", "", false, KubeConfigSource.DefaultFile)]
    public void KubeClientConfig_Flags_ChooseTheSource(string? kubeconfig, string? context, bool inCluster, KubeConfigSource expected) =>
        Assert.Equal(expected, KubeClientConfig.Choose(kubeconfig, context, inCluster));
}
