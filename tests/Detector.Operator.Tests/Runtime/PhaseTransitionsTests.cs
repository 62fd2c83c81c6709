using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Tests.Runtime;

public sealed class PhaseTransitionsTests
{
    private static V1Condition Ready(string reason) =>
        new() { Type = Conditions.Ready, Status = Conditions.False, Reason = reason, Message = $"message of {reason}" };

    [Theory]
    // before phase, before reason, after phase, after reason, warning, expected event type (null: none)
    [InlineData(null, null, "Pending", "JobPending", false, null)]
    [InlineData(null, null, "Running", "JobStarting", false, EventTypes.Normal)]
    [InlineData(null, null, "Pending", "InvalidSpec", true, EventTypes.Warning)]
    [InlineData("Pending", "JobPending", "Running", "JobStarting", false, EventTypes.Normal)]
    [InlineData("Running", "JobStarting", "Running", "JobInProgress", false, EventTypes.Normal)]
    [InlineData("Running", "JobInProgress", "Pending", "WaitingForReference", false, null)]
    [InlineData("Running", "JobInProgress", "Failed", "JobFailed", true, EventTypes.Warning)]
    public void Decide_PhaseOrReasonMoved_LogsAndPicksTheEvent(string? beforePhase, string? beforeReason, string afterPhase,
        string afterReason, bool warning, string? eventType)
    {
        var moved = PhaseTransitions.Decide(beforePhase, beforeReason, afterPhase, Ready(afterReason), warning, "Pending");

        Assert.NotNull(moved);
        Assert.Equal(beforePhase ?? PhaseTransitions.NoPhase, moved.OldPhase);
        Assert.Equal(afterPhase, moved.NewPhase);
        Assert.Equal(afterReason, moved.Reason);
        Assert.Equal(eventType, moved.Event?.Type);
    }

    [Theory]
    [InlineData("Running", "JobInProgress", false)]
    [InlineData("Failed", "JobFailed", true)]
    [InlineData("Pending", "JobPending", false)]
    public void Decide_NeitherPhaseNorReasonMoved_ReturnsNull(string phase, string reason, bool warning) =>
        Assert.Null(PhaseTransitions.Decide(phase, reason, phase, Ready(reason), warning, "Pending"));

    [Fact]
    public void Decide_Warning_UsesTheReadyReasonAndMessage()
    {
        var moved = PhaseTransitions.Decide("Running", "JobInProgress", "Failed", Ready("JobFailed"), warning: true, "Pending");

        Assert.Equal(new PhaseEvent(EventTypes.Warning, "JobFailed", "message of JobFailed"), moved?.Event);
    }

    [Fact]
    public void Decide_Normal_UsesTheNewPhaseAsReasonAndTheReadyMessage()
    {
        var moved = PhaseTransitions.Decide("Pending", "JobPending", "Running", Ready("JobStarting"), warning: false, "Pending");

        Assert.Equal(new PhaseEvent(EventTypes.Normal, "Running", "message of JobStarting"), moved?.Event);
    }

    [Fact]
    public void Decide_WarningInTheQuietPhase_StillWarns()
    {
        var moved = PhaseTransitions.Decide("Pending", "JobPending", "Pending", Ready("ServiceAccountNotFound"), warning: true, "Pending");

        Assert.Equal(EventTypes.Warning, moved?.Event?.Type);
    }

    [Theory]
    // before phase, before reason, after phase, after reason, warning, expected event type (null: none)
    [InlineData("Creating", "CreatingModel", "InService", "InService", false, EventTypes.Normal)]   // the announced phase
    [InlineData("InService", "CleaningUp", "InService", "InService", false, null)]                 // a new reason only
    [InlineData("InService", "InService", "Updating", "RollingOut", false, null)]                  // not announced
    [InlineData("Failed", "InvalidSpec", "Failed", "SageMakerRejected", true, EventTypes.Warning)] // warnings always
    public void Decide_OnlyRule_AnnouncesArrivingInItsPhaseOnly(string beforePhase, string beforeReason, string afterPhase, string afterReason,
        bool warning, string? eventType)
    {
        var moved = PhaseTransitions.Decide(beforePhase, beforeReason, afterPhase, Ready(afterReason), warning, PhaseEventRule.Only("InService"));

        Assert.NotNull(moved);
        Assert.Equal(eventType, moved.Event?.Type);
    }

    [Fact]
    public void Decide_OverConditions_ReadsTheReadyReasons()
    {
        IReadOnlyList<V1Condition> before = [Ready("JobPending")];
        IReadOnlyList<V1Condition> after = [Ready("JobStarting")];

        var moved = PhaseTransitions.Decide("Pending", before, "Running", after, warning: false, PhaseEventRule.AllBut("Pending"));

        Assert.Equal(new PhaseTransition("Pending", "Running", "JobStarting", new PhaseEvent(EventTypes.Normal, "Running", "message of JobStarting")), moved);
    }
}
