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
        start = Conditions.Set(start, Conditions.Progressing, true, "B", "b", 1, Before);

        var next = Conditions.Set(start, Conditions.Ready, true, "C", "c", 2, Now);

        Assert.Equal([Conditions.Ready, Conditions.Progressing], next.Select(c => c.Type));
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
        Assert.Null(Conditions.Get(conditions, Conditions.Progressing));
        Assert.False(Conditions.IsTrue(null, Conditions.Ready));
    }

    [Theory]
    [InlineData(true, false, false, "True", "False", "False")]
    [InlineData(false, true, false, "False", "True", "False")]
    [InlineData(false, false, true, "False", "False", "True")]
    public void SetSummary_NoConditions_SetsReadyProgressingStalledInOrderWithOneReason(bool ready, bool progressing, bool stalled,
        string readyStatus, string progressingStatus, string stalledStatus)
    {
        var next = Conditions.SetSummary(null, ready, progressing, stalled, "Why", "because", 4, Now);

        Assert.Equal([(Conditions.Ready, readyStatus), (Conditions.Progressing, progressingStatus), (Conditions.Stalled, stalledStatus)],
            next.Select(c => (c.Type, c.Status)));
        Assert.All(next, c => Assert.Equal(("Why", "because", 4L, Now.UtcDateTime), (c.Reason, c.Message, c.ObservedGeneration!.Value, c.LastTransitionTime)));
    }

    [Fact]
    public void SetSummary_Existing_EqualsThreeSetCallsAndKeepsOtherTypes()
    {
        var start = Conditions.Set([], "Custom", true, "X", "x", 1, Before);
        start = Conditions.Set(start, Conditions.Stalled, true, "A", "a", 1, Before);

        var summary = Conditions.SetSummary(start, true, false, true, "B", "b", 2, Now);

        var expected = Conditions.Set(Conditions.Set(Conditions.Set(start, Conditions.Ready, true, "B", "b", 2, Now),
            Conditions.Progressing, false, "B", "b", 2, Now), Conditions.Stalled, true, "B", "b", 2, Now);
        Assert.Equal(expected.Select(c => (c.Type, c.Status, c.Reason, c.LastTransitionTime)), summary.Select(c => (c.Type, c.Status, c.Reason, c.LastTransitionTime)));
        Assert.Equal(Before.UtcDateTime, summary.Single(c => c.Type == Conditions.Stalled).LastTransitionTime);
    }
}
