using System.Text.Json.Nodes;
using Detector.Operator.Tests.EndToEnd.Apis;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.RuntimeBench.Tests;

public sealed class IdleReportTests
{
    private static readonly ProcSample s_start = new(CpuTicks: 1000, RssKiB: 100 * 1024, PeakRssKiB: 120 * 1024);
    private static readonly ProcSample s_middle = new(CpuTicks: 1300, RssKiB: 155 * 1024, PeakRssKiB: 160 * 1024);
    private static readonly ProcSample s_end = new(CpuTicks: 1600, RssKiB: 150 * 1024, PeakRssKiB: 160 * 1024);

    private static SageMakerCall Call(string operation, string job) =>
        new(0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, operation, new JsonObject { ["TrainingJobName"] = job }, 200, null, null, false);

    private static IdleFigures Compute(params string[] paths) => IdleReport.Compute(120,
        [.. paths.Select(p => ApiProxy.Describe(p.Split(' ')[0], p.Split(' ')[1], p.Split(' ').Length > 2 ? p.Split(' ')[2] : ""))],
        [Call("DescribeTrainingJob", "train-0001-abc"), Call("DescribeTrainingJob", "train-0002-def"), Call("DescribeTrainingJob", "train-0002-def")],
        new HashSet<string> { "train-0002-def" }, monitoringCalls: 4, [s_start, s_middle, s_end], ticksPerSecond: 100);

    [Fact]
    public void Compute_RequestsInTheWindow_AreRatesPerMinuteByVerbAndResource()
    {
        var figures = Compute(
            "GET /apis/detector.dev/v1alpha1/namespaces/bench/datasets/data-0001",
            "GET /apis/detector.dev/v1alpha1/namespaces/bench/datasets/data-0002",
            "PUT /apis/detector.dev/v1alpha1/namespaces/bench/trainingruns/train-0001/status",
            "GET /apis/batch/v1/namespaces/bench/jobs ?watch=true");

        Assert.Equal((4, 2.0), (figures.ApiTotal.Count, figures.ApiTotal.PerMinute));
        Assert.Equal(
            [("get datasets", 2, 1.0), ("update trainingruns/status", 1, 0.5), ("watch jobs", 1, 0.5)],
            figures.Api.Select(r => (r.Key, r.Count, r.PerMinute)));
    }

    [Fact]
    public void Compute_SageMakerCalls_CountsThoseNamingAWaitingRunsJob()
    {
        var figures = Compute();
        Assert.Equal((3, 1.5), (figures.SageMakerTotal.Count, figures.SageMakerTotal.PerMinute));
        Assert.Equal(2, figures.SageMakerForWaitingRuns.Count);
        Assert.Equal(2.0, figures.Monitoring.PerMinute);
    }

    [Theory]
    [InlineData(119, 0, 143.0, true, true, true)]     // 143 MiB = 149.9 MB
    [InlineData(120, 0, 144.0, false, true, false)]   // 1 request/s is not under 1/s; 144 MiB = 151 MB
    [InlineData(10, 1, 100.0, true, false, true)]
    public void Targets_IdleFigures_SayWhichOfIssue19sTargetsAreMet(int apiRequests, int waitingCalls, double rssMiB, bool api, bool waiting, bool rss)
    {
        var rate = new Rate("total", apiRequests, apiRequests / 2.0);
        var figures = new IdleFigures(120, rate, [], rate, [], new Rate("for waiting runs", waitingCalls, waitingCalls / 2.0), rate, 1, rssMiB, rssMiB, rssMiB);
        Assert.Equal([api, waiting, rss], IdleReport.Targets(figures).Select(t => t.Met));
    }

    [Fact]
    public void Compute_ProcSamples_GiveCpuOverTheWindowAndTheHighestRssInIt()
    {
        var figures = Compute();
        Assert.Equal((6.0, 5.0), (figures.CpuSeconds, figures.CpuPercentOfOneCore));
        Assert.Equal((155.0, 160.0), (figures.RssMiB, figures.PeakRssMiB));
        Assert.Equal((100.0 + 155 + 150) / 3, figures.MeanRssMiB, precision: 6);
    }

    [Fact]
    public void Compute_OneSample_IsRefused() =>
        Assert.Throws<ArgumentException>(() => IdleReport.Compute(120, [], [], new HashSet<string>(), 0, [s_start], 100));
}
