using Detector.Operator.Cli;
using Detector.Operator.Hosting;
using Detector.Operator.Tests.Fakes.ApiServer;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Detector.Operator.Tests.Hosting;

public sealed class OperatorHostTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_AgainstFakeApi_ServesHealthReadinessAndMetricsThenStopsCleanly()
    {
        await using var api = await FakeApiServer.StartAsync();
        var kubeconfig = api.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}"));
        try
        {
            var settings = RunCommand.ParseSettings(
                ["--kubeconfig", kubeconfig, "--metrics-bind-address", "127.0.0.1:0", "--image", "detector:test", "--lease-namespace", "detector-system",
                    "--leader-elect", "true", "--aws-region", "eu-west-1"],
                _ => null);
            var host = new OperatorHost(settings, NullLoggerFactory.Instance, TimeProvider.System, Metrics.NewCustomRegistry());
            using var stop = new CancellationTokenSource();
            var run = Task.Run(() => host.RunAsync(stop.Token));
            var url = await host.Serving.WaitAsync(s_timeout);
            Assert.NotNull(url);

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.Equal("ok", await http.GetStringAsync("/healthz"));
            // Lease renewals are store changes, so this wakes up at least every retry period. A follower is ready too, and
            // the new leader is briefly not ready until its caches sync: wait for leadership so /readyz cannot flip after.
            await api.WaitForAsync(_ => host.IsLeading && host.IsReady(), s_timeout);
            Assert.Equal("ok", await http.GetStringAsync("/readyz"));
            var metrics = await http.GetAsync("/metrics");
            Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
            Assert.Contains("detector_workqueue_depth", await metrics.Content.ReadAsStringAsync());

            await stop.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(s_timeout));
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task Run_InvalidSettings_ExitsWith2WithoutStarting()
    {
        var host = new OperatorHost(new OperatorSettings { Workers = 0, MetricsAddress = null }, NullLoggerFactory.Instance,
            TimeProvider.System, Metrics.NewCustomRegistry());
        Assert.Equal(2, await host.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Run_MissingKubeconfig_ExitsWith2WithoutServing()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-kubeconfig-{Guid.NewGuid():N}");
        var settings = RunCommand.ParseSettings(["--kubeconfig", missing, "--aws-region", "eu-west-1"], _ => null);
        var logs = new CapturingLogs();
        var host = new OperatorHost(settings, logs, TimeProvider.System, Metrics.NewCustomRegistry());

        Assert.Equal(2, await host.RunAsync(CancellationToken.None));
        Assert.Null(await host.Serving.WaitAsync(s_timeout));
        Assert.Contains(logs.Lines, l => l.Contains("kubeconfig file not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_NoRegionAndNoS3Endpoint_WarnsNamingTheFlagAndGoesOn()
    {
        // Goes on to the kubeconfig (missing here, hence exit 2 for that reason): without a region Datasets still get
        // their Jobs, and every object that needs the region says so in its condition.
        var settings = RunCommand.ParseSettings(["--kubeconfig", "/no/such/kubeconfig"], _ => null);
        var logs = new CapturingLogs();
        var host = new OperatorHost(settings, logs, TimeProvider.System, Metrics.NewCustomRegistry());

        Assert.Equal(2, await host.RunAsync(CancellationToken.None));
        Assert.Contains(logs.Lines, l => l.Contains("No AWS region is configured", StringComparison.Ordinal)
            && l.Contains("--aws-region", StringComparison.Ordinal) && l.Contains("OperatorMisconfigured", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("kubeconfig file not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_MetricsAddressInUse_NamesTheFlagAndExitsWith2()
    {
        await using var api = await FakeApiServer.StartAsync();
        var kubeconfig = api.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}"));
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var address = $"127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
            var settings = RunCommand.ParseSettings(["--kubeconfig", kubeconfig, "--metrics-bind-address", address, "--aws-region", "eu-west-1"], _ => null);
            var logs = new CapturingLogs();
            var host = new OperatorHost(settings, logs, TimeProvider.System, Metrics.NewCustomRegistry());

            Assert.Equal(2, await host.RunAsync(CancellationToken.None).WaitAsync(s_timeout));
            Assert.Contains(logs.Lines, l => l.Contains($"--metrics-bind-address {address} is already in use", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
