using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Runtime;
using P = Detector.Operator.Api.V1Alpha1.RegisteredModelPhase;
using R = Detector.Operator.RegisteredModels.RegisteredModelReasons;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>The RegisteredModel's phase-change Events, as <see cref="PhaseTransitions.Decide(string?, string?, string, k8s.Models.V1Condition, bool, PhaseEventRule)"/> decides them over its phase table.</summary>
public sealed class RegisteredModelEventsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static RegisteredModelStatus Status(string phase, string reason, params ModelVersion[] versions) => new()
    {
        Phase = phase,
        Conditions = Conditions.SetSummary(null, RegisteredModelPhaseTable.Table.StateOf(phase, reason), reason, $"message of {reason}", 1, s_now),
        Versions = versions,
    };

    [Theory]
    // before phase/reason (null: no status yet), after phase/reason, expected Event "Type Reason" ("": logged, no Event)
    [InlineData(null, null, P.Pending, R.GroupPending, "")]                                   // a new model waiting is not news
    [InlineData(null, null, P.Waiting, R.WaitingForSource, "Normal Waiting")]
    [InlineData(P.Waiting, R.WaitingForSource, P.Registering, R.Registering, "Normal Registering")]
    [InlineData(P.Registering, R.Registering, P.Ready, R.Registered, "Normal Ready")]
    [InlineData(P.Ready, R.Registered, P.Registering, R.Registering, "Normal Registering")]   // a new artifact of the source
    [InlineData(null, null, P.Failed, Reasons.InvalidSpec, "Warning InvalidSpec")]
    [InlineData(P.Pending, R.GroupPending, P.Failed, Reasons.OperatorMisconfigured, "Warning OperatorMisconfigured")]
    [InlineData(P.Registering, R.Registering, P.Failed, Reasons.SageMakerRejected, "Warning SageMakerRejected")]
    [InlineData(P.Ready, R.Registered, P.Failed, R.GroupFailed, "Warning GroupFailed")]
    [InlineData(P.Registering, R.Registering, P.Failed, R.VersionFailed, "Warning VersionFailed")]
    [InlineData(P.Failed, Reasons.InvalidSpec, P.Failed, Reasons.SageMakerRejected, "Warning SageMakerRejected")]   // a new reason to act
    [InlineData(P.Failed, Reasons.InvalidSpec, P.Pending, R.GroupPending, "")]                // fixed: back to the quiet phase
    public void Transition_EachMoveOfThePhaseTable_RecordsTheEventOfTheRule(string? beforePhase, string? beforeReason, string afterPhase,
        string afterReason, string expected)
    {
        var before = beforePhase is null ? null : Status(beforePhase, beforeReason!);

        var moved = RegisteredModelEvents.Transition(before, Status(afterPhase, afterReason));

        Assert.NotNull(moved);
        Assert.Equal((beforePhase ?? PhaseTransitions.NoPhase, afterPhase, afterReason), (moved.OldPhase, moved.NewPhase, moved.Reason));
        Assert.Equal(expected, moved.Event is { } e ? $"{e.Type} {e.Reason}" : "");
    }

    [Theory]
    [InlineData(P.Ready, R.Registered)]
    [InlineData(P.Failed, R.VersionFailed)]
    [InlineData(P.Waiting, R.WaitingForSource)]
    public void Transition_NothingMoved_IsNull(string phase, string reason) =>
        Assert.Null(RegisteredModelEvents.Transition(Status(phase, reason), Status(phase, reason)));

    [Fact]
    public void Transition_Warning_CarriesTheReadyMessage() =>
        Assert.Equal(new PhaseEvent(EventTypes.Warning, R.VersionFailed, $"message of {R.VersionFailed}"),
            RegisteredModelEvents.Transition(Status(P.Registering, R.Registering), Status(P.Failed, R.VersionFailed))?.Event);

    private static ModelVersion Version(int number, string approval) =>
        new() { Version = number, ApprovalStatus = approval, SourceJobName = $"job-{number}" };

    [Fact]
    public void Versions_NewAndReapprovedVersions_OneEventEach_OldestFirst()
    {
        var before = Status(P.Ready, R.Registered, Version(1, ModelApprovalStatus.PendingManualApproval), Version(2, ModelApprovalStatus.Approved));
        var after = Status(P.Ready, R.Registered, Version(1, ModelApprovalStatus.Approved), Version(2, ModelApprovalStatus.Approved),
            Version(3, ModelApprovalStatus.PendingManualApproval));

        var recorded = RegisteredModelEvents.Versions(before, after);

        Assert.Equal(
        [
            new PhaseEvent(EventTypes.Normal, R.ApprovalChanged, "Version 1 is Approved (was PendingManualApproval)"),
            new PhaseEvent(EventTypes.Normal, R.VersionRegistered, "Version 3 of training job job-3 is registered, PendingManualApproval"),
        ], recorded);
    }

    [Fact]
    public void Versions_NoStatusYet_AnnouncesEveryVersionFound() =>
        Assert.Equal([R.VersionRegistered, R.VersionRegistered],
            RegisteredModelEvents.Versions(null, Status(P.Ready, R.Registered, Version(1, "Approved"), Version(2, "Approved"))).Select(e => e.Reason));
}
