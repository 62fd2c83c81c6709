using Detector.Operator.Runs;
using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.Runs;

public sealed class RunCadenceTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    // seconds until the next Describe (null: unknown), metrics due, metrics only
    [InlineData(240, true, true)]       // a backed-off Describe not due yet: read the metrics only
    [InlineData(0, true, false)]        // the Describe is due: a full reconcile (it reads the metrics too)
    [InlineData(-30, true, false)]
    [InlineData(null, true, false)]     // unknown (restart, new generation, another job): describe
    [InlineData(240, false, false)]     // nothing due (an event brought the run): a full reconcile, as before
    public void MetricsOnly_OnlyWhenMetricsAreDueAndTheDescribeIsNot(int? describeIn, bool metricsDue, bool expected) =>
        Assert.Equal(expected, RunCadence.MetricsOnly(describeIn is { } s ? s_now.AddSeconds(s) : null, metricsDue, s_now));

    [Theory]
    // seconds until the next Describe, metrics live, seconds since the last metrics read (null: never), expected requeue seconds
    [InlineData(300, true, 0, 60)]       // a 10-hour job: described every 5 min, its metrics every minute
    [InlineData(300, true, 45, 15)]      // the next read is an interval after the last one
    [InlineData(30, true, 0, 30)]        // a young job: the Describe comes first
    [InlineData(300, false, 0, 300)]     // no live metrics (none configured, or the job is not running): the Describe only
    [InlineData(300, true, null, 60)]    // never read (no point yet): an interval from now, not at once
    [InlineData(300, true, 600, 60)]     // a read that failed long ago is not retried in a loop
    [InlineData(0, true, 0, 1)]          // never a zero requeue
    public void Requeue_IsTheEarlierOfTheNextDescribeAndTheNextMetricsRead(int describeIn, bool metricsLive, int? readAgo, int expected)
    {
        var lastRead = readAgo is { } ago ? s_now.AddSeconds(-ago).UtcDateTime : (DateTime?)null;

        var requeue = RunCadence.Requeue(s_now, s_now.AddSeconds(describeIn), metricsLive, lastRead, TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(expected), requeue);
    }

    [Fact]
    public void DescribeSchedule_HoldsOnlyForTheGenerationAndJobItWasMadeFor()
    {
        var schedule = new DescribeSchedule();
        var key = new ObjectKey("ml", "ssd");
        schedule.Described(key, 2, "job-a", s_now);

        Assert.Equal(s_now, schedule.DueAt(key, 2, "job-a"));
        Assert.Null(schedule.DueAt(key, 3, "job-a"));
        Assert.Null(schedule.DueAt(key, 2, "job-b"));
        schedule.Forget(key);
        Assert.Null(schedule.DueAt(key, 2, "job-a"));
    }
}
