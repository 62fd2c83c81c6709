using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Tests.Runtime;

public sealed class ConditionsTests
{
    private static readonly DateTimeOffset Before = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("True", true, "True", false)]
    [InlineData("False", false, "False", false)]
    [InlineData("Unknown", null, "Unknown", false)]
    [InlineData("False", true, "True", true)]
    [InlineData("True", false, "False", true)]
    [InlineData("Unknown", true, "True", true)]
    [InlineData(null, true, "True", true)]
    public void Set_ExistingStatus_MovesTransitionTimeOnlyOnFlip(string? oldStatus, bool? newStatus, string expected, bool moved)
    {
        IReadOnlyList<V1Condition> current = oldStatus is null ? [] :
            [new V1Condition { Type = Conditions.Ready, Status = oldStatus, Reason = "Old", Message = "old", LastTransitionTime = Before.UtcDateTime }];

        var next = Conditions.Set(current, Conditions.Ready, newStatus, "New", "new message", 3, Now);

        var ready = Assert.Single(next);
        Assert.Equal((expected, "New", "new message", 3L), (ready.Status, ready.Reason, ready.Message, ready.ObservedGeneration!.Value));
        Assert.Equal(moved ? Now.UtcDateTime : Before.UtcDateTime, ready.LastTransitionTime);
    }

    [Fact]
    public void Set_OtherTypes_KeepsThemAndTheirOrder()
    {
        var start = Conditions.Set([], Conditions.Ready, false, "A", "a", 1, Before);
        start = Conditions.Set(start, Conditions.Reconciling, true, "B", "b", 1, Before);

        var next = Conditions.Set(start, Conditions.Ready, true, "C", "c", 2, Now);

        Assert.Equal([Conditions.Ready, Conditions.Reconciling], next.Select(c => c.Type));
        Assert.Same(start[1], next[1]);
        Assert.Equal(Conditions.False, start[0].Status);
    }

    [Fact]
    public void GetAndIsTrue_ReadByType()
    {
        var conditions = Conditions.Set(Conditions.Set([], Conditions.Ready, true, "R", "", 1, Now), Conditions.Stalled, false, "S", "", 1, Now);
        Assert.True(Conditions.IsTrue(conditions, Conditions.Ready));
        Assert.False(Conditions.IsTrue(conditions, Conditions.Stalled));
        Assert.True(Conditions.IsFalse(conditions, Conditions.Stalled));
        Assert.Null(Conditions.Get(conditions, Conditions.Reconciling));
        Assert.False(Conditions.IsTrue(null, Conditions.Ready));
    }

    [Theory]
    [InlineData(ReconcileState.Ready, "True", "False", "False")]
    [InlineData(ReconcileState.Reconciling, "False", "True", "False")]
    [InlineData(ReconcileState.Stalled, "False", "False", "True")]
    public void SetSummary_NoConditions_SetsReadyReconcilingStalledInOrderWithOneReason(ReconcileState state,
        string readyStatus, string reconcilingStatus, string stalledStatus)
    {
        var next = Conditions.SetSummary(null, state, "Why", "because", 4, Now);

        Assert.Equal([(Conditions.Ready, readyStatus), (Conditions.Reconciling, reconcilingStatus), (Conditions.Stalled, stalledStatus)],
            next.Select(c => (c.Type, c.Status)));
        Assert.All(next, c => Assert.Equal(("Why", "because", 4L, Now.UtcDateTime), (c.Reason, c.Message, c.ObservedGeneration!.Value, c.LastTransitionTime)));
        Assert.Equal(state, Conditions.StateOf(next));
    }

    [Fact]
    public void SetSummary_Existing_EqualsThreeSetCallsAndKeepsOtherTypes()
    {
        var start = Conditions.Set([], "Custom", true, "X", "x", 1, Before);
        start = Conditions.Set(start, Conditions.Stalled, true, "A", "a", 1, Before);

        var summary = Conditions.SetSummary(start, ReconcileState.Stalled, "B", "b", 2, Now);

        var expected = Conditions.Set(Conditions.Set(Conditions.Set(start, Conditions.Ready, false, "B", "b", 2, Now),
            Conditions.Reconciling, false, "B", "b", 2, Now), Conditions.Stalled, true, "B", "b", 2, Now);
        Assert.Equal(expected.Select(c => (c.Type, c.Status, c.Reason, c.LastTransitionTime)), summary.Select(c => (c.Type, c.Status, c.Reason, c.LastTransitionTime)));
        Assert.Equal(Before.UtcDateTime, summary.Single(c => c.Type == Conditions.Stalled).LastTransitionTime);
    }

    [Fact]
    public void SetSummary_StatusWrittenBeforeKstatus_DropsTheRetiredProgressingCondition()
    {
        var old = Conditions.Set(Conditions.Set([], Conditions.Ready, false, "JobRunning", "j", 1, Before),
            Conditions.RetiredProgressing, true, "JobRunning", "j", 1, Before);

        var next = Conditions.SetSummary(old, ReconcileState.Reconciling, "JobRunning", "j", 1, Now);

        Assert.Equal([Conditions.Ready, Conditions.Reconciling, Conditions.Stalled], next.Select(c => c.Type));
    }

    [Fact]
    public void StateOf_NotExactlyOneTrue_IsNull()
    {
        var both = Conditions.Set(Conditions.SetSummary(null, ReconcileState.Reconciling, "A", "a", 1, Now), Conditions.Stalled, true, "A", "a", 1, Now);
        Assert.Null(Conditions.StateOf(both));
        Assert.Null(Conditions.StateOf(null));
    }
}
