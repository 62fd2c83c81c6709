using Detector.Preprocessing.Reporting;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Preprocessing.Tests.Reporting;

public class ProgressMeterTests
{
    [Fact]
    public void Line_HalfwayAfterTenSeconds_ShowsRateAndEta()
    {
        Assert.Equal("Processed 50/100 images (50.0%), 5.0 images/s, ETA 00:00:10", ProgressText.Line(50, 100, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Line_NothingProcessed_EtaUnknown()
    {
        Assert.EndsWith("ETA unknown", ProgressText.Line(0, 100, TimeSpan.Zero));
    }

    [Fact]
    public void Meter_EachInterval_LogsOneLine()
    {
        var time = new FakeTimeProvider();
        var lines = new List<string>();
        using var meter = new ProgressMeter(10, time, TimeSpan.FromSeconds(5), lines.Add, bar: false);
        meter.Advance();
        meter.Advance();

        time.Advance(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["Processed 2/10 images (20.0%), 0.4 images/s, ETA 00:00:20", "Processed 2/10 images (20.0%), 0.2 images/s, ETA 00:00:40"], lines);
    }

    [Fact]
    public void Meter_Bar_RedrawsWithCarriageReturn()
    {
        var time = new FakeTimeProvider();
        var lines = new List<string>();
        using var meter = new ProgressMeter(4, time, TimeSpan.FromSeconds(1), lines.Add, bar: true);
        meter.Advance();

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.StartsWith("\r[#######.......................] Processed 1/4", lines.Single());
    }
}
