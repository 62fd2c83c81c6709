using System.Text.Json.Nodes;
using Detector.Operator.Tests.EndToEnd.Apis;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.RuntimeBench.Tests;

public sealed class IdleReportTests
{
    private static readonly ProcSample s_start = new(CpuTicks: 1000, RssKiB: 100 * 1024, PeakRssKiB: 120 * 1024);
    private static readonly ProcSample s_end = new(CpuTicks: 1600, RssKiB: 150 * 1024, PeakRssKiB: 160 * 1024);

    private static SageMakerCall Call(string operation, string job) =>
        new(0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, operation, new JsonObject { ["TrainingJobName"] = job }, 200, null, null, false);

    private static IdleFigures Compute(params string[] paths) => IdleReport.Compute(120,
        [.. paths.Select(p => ApiProxy.Describe(p.Split(' ')[0], p.Split(' ')[1], p.Split(' ').Length > 2 ? p.Split(' ')[2] : ""))],
        [Call("DescribeTrainingJob", "train-0001-abc"), Call("DescribeTrainingJob", "train-0002-def"), Call("DescribeTrainingJob", "train-0002-def")],
        new HashSet<string> { "train-0002-def" }, monitoringCalls: 4, s_start, s_end, ticksPerSecond: 100);

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

    [Fact]
    public void Compute_ProcSamples_GiveCpuOverTheWindowAndRssAtItsEnd()
    {
        var figures = Compute();
        Assert.Equal((6.0, 5.0), (figures.CpuSeconds, figures.CpuPercentOfOneCore));
        Assert.Equal((150.0, 160.0), (figures.RssMiB, figures.PeakRssMiB));
    }
}
