using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Tests.Runtime;

public sealed class PollScheduleTests
{
    [Theory]
    [InlineData(0, 30)]            // a fresh wait: the configured interval
    [InlineData(299, 30)]          // up to 10 intervals waited: still the interval
    [InlineData(600, 60)]          // then a tenth of the time waited
    [InlineData(1800, 180)]
    [InlineData(3000, 300)]        // capped at 10 intervals
    [InlineData(36000, 300)]       // a 10-hour training job: every 5 minutes, not every 30 s
    public void After_BacksOffForLongWaits(int waitedSeconds, int delaySeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(delaySeconds), PollSchedule.After(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(waitedSeconds)));

    [Fact]
    public void After_WaitStartsWhenReadyLastChanged_ElseAtCreation()
    {
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        var created = now.UtcDateTime.AddHours(-5);
        var ready = new V1Condition { Type = Conditions.Ready, Status = "False", Reason = "Training", LastTransitionTime = now.UtcDateTime.AddMinutes(-20) };

        Assert.Equal(TimeSpan.FromMinutes(2), PollSchedule.After(TimeSpan.FromSeconds(30), [ready], created, now));
        Assert.Equal(TimeSpan.FromMinutes(5), PollSchedule.After(TimeSpan.FromSeconds(30), [], created, now));
        Assert.Equal(TimeSpan.FromSeconds(30), PollSchedule.After(TimeSpan.FromSeconds(30), null, null, now));
    }
}
