using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class TrainingTimelineTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TrainingPlan s_plan = new(s_t0, new TrainingTimings(), TimeSpan.FromDays(1), null, "Training", null);

    [Theory]
    [InlineData(0, "InProgress", "Starting")]
    [InlineData(119, "InProgress", "Starting")]
    [InlineData(120, "InProgress", "Downloading")]
    [InlineData(300, "InProgress", "Training")]
    [InlineData(1500, "InProgress", "Uploading")]
    [InlineData(1560, "Completed", "Completed")]
    public void At_DefaultTimings_Status(int seconds, string status, string secondary)
    {
        var state = TrainingTimeline.At(s_plan, s_t0.AddSeconds(seconds));

        Assert.Equal((status, secondary), (state.Status, state.SecondaryStatus));
    }

    [Fact]
    public void At_WhileStarting_HasNoTrainingStartTime() =>
        Assert.Null(TrainingTimeline.At(s_plan, s_t0.AddSeconds(60)).TrainingStartTime);

    [Fact]
    public void At_RuntimeLimitShorterThanTraining_StopsWithMaxRuntimeExceeded()
    {
        var plan = s_plan with { MaxRuntime = TimeSpan.FromMinutes(10) };

        var state = TrainingTimeline.At(plan, s_t0.AddHours(1));

        Assert.Equal(("Stopped", "MaxRuntimeExceeded", s_t0.AddMinutes(12)), (state.Status, state.SecondaryStatus, state.EndTime));
    }

    [Fact]
    public void At_FailureDuringDownloading_FailsAtTheEndOfDownloading()
    {
        var plan = s_plan with { FailureReason = "ClientError: no data", FailDuring = "Downloading" };

        var state = TrainingTimeline.At(plan, s_t0.AddHours(1));

        Assert.Equal(("Failed", s_t0.AddMinutes(5)), (state.Status, state.EndTime));
        Assert.Equal(["Starting", "Downloading", "Failed"], state.Transitions.Select(t => t.Status));
    }
}
