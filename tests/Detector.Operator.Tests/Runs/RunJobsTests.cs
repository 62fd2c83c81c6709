using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Tests.Runs;

public sealed class RunJobsTests
{
    private static V1Condition[] Conds(string type, string status, string reason, long? generation = 3) =>
        [new() { Type = type, Status = status, Reason = reason, Message = "refused: bad role", ObservedGeneration = generation }];

    [Theory]
    // current job, derived job, Ready reason (null: no status), expected jobs to stop
    [InlineData(null, "new", null, "new")]
    [InlineData("old", "new", RunReasons.JobInProgress, "old,new")]
    [InlineData("same", "same", RunReasons.JobInProgress, "same")]
    [InlineData("old", "new", Reasons.InvalidSpec, "old")]
    [InlineData("old", "new", Reasons.OperatorMisconfigured, "old")]
    [InlineData("old", "new", Reasons.SageMakerRejected, "old")]
    [InlineData(null, "new", Reasons.InvalidSpec, "")]
    [InlineData(null, "new", RunReasons.WaitingForReference, "new")]
    public void ToStop_ListsTheStatusJobAndTheDerivedJobUnlessItWasNeverCreated(string? current, string derived, string? readyReason,
        string expected)
    {
        var conditions = readyReason is null ? null : Conds(Conditions.Ready, Conditions.False, readyReason);

        var stop = RunJobs.ToStop(current, derived, conditions);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), stop);
    }

    [Fact]
    public void RejectedBefore_SameJobSameGenerationStalledRejected_ReturnsTheMessage() =>
        Assert.Equal("refused: bad role",
            RunJobs.RejectedBefore("job", "job", Conds(Conditions.Stalled, Conditions.True, Reasons.SageMakerRejected), 3));

    [Theory]
    [InlineData("job", "other", Conditions.True, Reasons.SageMakerRejected, 3L)]   // the spec now derives another job
    [InlineData("job", "job", Conditions.True, Reasons.SageMakerRejected, 4L)]     // a newer generation may pass
    [InlineData("job", "job", Conditions.False, Reasons.SageMakerRejected, 3L)]    // no longer stalled
    [InlineData("job", "job", Conditions.True, Reasons.InvalidSpec, 3L)]           // stalled for another reason
    [InlineData(null, "job", Conditions.True, Reasons.SageMakerRejected, 3L)]      // no job in status
    public void RejectedBefore_AnythingElse_ReturnsNull(string? current, string derived, string stalledStatus, string reason, long generation) =>
        Assert.Null(RunJobs.RejectedBefore(current, derived, Conds(Conditions.Stalled, stalledStatus, reason), generation));

    [Fact]
    public void RejectedBefore_NoStatus_ReturnsNull() =>
        Assert.Null(RunJobs.RejectedBefore(null, "job", null, 1));
}
