using Detector.Operator.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Detector.Operator.Tests.Hosting;

public sealed class MemoryTrimmerTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(MemoryTrimPolicy.MinAllocatedBytes - 1, false)]
    [InlineData(MemoryTrimPolicy.MinAllocatedBytes, true)]
    [InlineData(1L << 32, true)]
    public void ShouldTrim_AllocatedSinceLastTrim_TrimsOnlyWhenThereIsSomethingToGiveBack(long allocated, bool trim) =>
        Assert.Equal(trim, MemoryTrimPolicy.ShouldTrim(allocated));

    [Fact]
    public async Task TrimIfWorthIt_Allocations_TrimAndCountOnlyAfterEnoughNewOnes()
    {
        var registry = Metrics.NewCustomRegistry();
        long allocated = 0;
        const long step = MemoryTrimPolicy.MinAllocatedBytes;
        await using var trimmer = MemoryTrimmer.Start(TimeSpan.FromSeconds(30), new FakeTimeProvider(), NullLoggerFactory.Instance, registry,
            () => allocated)!;

        var trims = new List<bool>();
        foreach (var now in new[] { 0, step, step + step / 2, 2 * step + step / 2, 3 * step })
        {
            allocated = now;
            trims.Add(trimmer.TrimIfWorthIt());
        }

        Assert.Equal([false, true, false, true, false], trims);
        Assert.Contains("detector_memory_trims_total 2", await Scrape(registry));
    }

    [Fact]
    public void Start_ZeroInterval_RunsNothing() =>
        Assert.Null(MemoryTrimmer.Start(TimeSpan.Zero, new FakeTimeProvider(), NullLoggerFactory.Instance, Metrics.NewCustomRegistry()));

    private static async Task<string> Scrape(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
