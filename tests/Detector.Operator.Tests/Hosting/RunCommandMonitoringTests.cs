using Detector.Operator.Cli;
using Detector.Operator.Hosting;

namespace Detector.Operator.Tests.Hosting;

/// <summary>The monitoring flags of <c>detector run</c>: endpoint overrides (flag, then the AWS SDKs' variables) and the interval.</summary>
public sealed class RunCommandMonitoringTests
{
    [Theory]
    // flag value, AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL, expected
    [InlineData("http://flag:1", "http://specific:2", "http://global:3", "http://flag:1")]
    [InlineData(null, "http://specific:2", "http://global:3", "http://specific:2")]
    [InlineData(null, null, "http://global:3", "http://global:3")]
    [InlineData(" ", "", null, null)]
    public void CloudWatchEndpoint_FlagThenServiceVariableThenGlobal(string? flag, string? specific, string? global, string? expected)
    {
        string[] args = flag is null ? [] : [MonitoringSettings.CloudWatchFlag, flag];
        var env = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_CLOUDWATCH"] = specific, ["AWS_ENDPOINT_URL"] = global };
        var settings = RunCommand.ParseSettings(args, name => env.GetValueOrDefault(name));
        Assert.Equal(expected, settings.Monitoring.CloudWatchEndpointUrl);
        // The other service's variable is not this one's.
        Assert.Equal(global is { Length: > 0 } ? global : null, settings.Monitoring.SageMakerMetricsEndpointUrl);
    }

    [Theory]
    [InlineData("http://flag:1", "http://specific:2", "http://global:3", "http://flag:1")]
    [InlineData(null, "http://specific:2", "http://global:3", "http://specific:2")]
    [InlineData(null, null, "http://global:3", "http://global:3")]
    [InlineData(null, null, null, null)]
    public void SageMakerMetricsEndpoint_FlagThenServiceVariableThenGlobal(string? flag, string? specific, string? global, string? expected)
    {
        string[] args = flag is null ? [] : [MonitoringSettings.SageMakerMetricsFlag, flag];
        var env = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_SAGEMAKER_METRICS"] = specific, ["AWS_ENDPOINT_URL"] = global };
        Assert.Equal(expected, RunCommand.ParseSettings(args, name => env.GetValueOrDefault(name)).Monitoring.SageMakerMetricsEndpointUrl);
    }

    [Theory]
    [InlineData(null, 60)]
    [InlineData("30s", 30)]
    [InlineData("0.2s", 0.2)]
    public void MonitoringInterval_DefaultsToTheDocumentedMinute(string? value, double seconds)
    {
        string[] args = value is null ? [] : ["--monitoring-interval", value];
        Assert.Equal(TimeSpan.FromSeconds(seconds), RunCommand.ParseSettings(args, _ => null).Monitoring.Interval);
    }

    [Fact]
    public void MonitoringInterval_NotPositive_NamesTheFlag() =>
        Assert.Contains("--monitoring-interval", Assert.Throws<FormatException>(() => RunCommand.ParseSettings(["--monitoring-interval", "0"], _ => null)).Message);

    [Theory]
    [InlineData(MonitoringSettings.CloudWatchFlag, "not a url")]
    [InlineData(MonitoringSettings.CloudWatchFlag, "ftp://host/")]
    [InlineData(MonitoringSettings.SageMakerMetricsFlag, "localhost:4566")]
    public void Validate_BadEndpoint_NamesTheFlag(string flag, string url)
    {
        var settings = RunCommand.ParseSettings([flag, url], _ => null);
        Assert.Contains(settings.Validate(), e => e.StartsWith($"{flag} '{url}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HttpEndpoints_AreAccepted() =>
        Assert.Empty(RunCommand.ParseSettings([MonitoringSettings.CloudWatchFlag, "http://127.0.0.1:4566/",
            MonitoringSettings.SageMakerMetricsFlag, "https://metrics.example/"], _ => null).Validate());
}
