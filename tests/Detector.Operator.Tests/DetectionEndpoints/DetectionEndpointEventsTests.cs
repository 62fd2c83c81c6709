using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Runtime;
using P = Detector.Operator.Api.V1Alpha1.DetectionEndpointPhase;
using R = Detector.Operator.DetectionEndpoints.EndpointReasons;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>The DetectionEndpoint's phase-change Events, as <see cref="PhaseTransitions.Decide(string?, string?, string, k8s.Models.V1Condition, bool, PhaseEventRule)"/> decides them over its phase table.</summary>
public sealed class DetectionEndpointEventsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static DetectionEndpointStatus Status(string phase, string reason) => new()
    {
        Phase = phase,
        Conditions = Conditions.SetSummary(null, DetectionEndpointPhaseTable.Table.StateOf(phase, reason), reason, $"message of {reason}", 1, s_now),
    };

    [Theory]
    // before phase/reason (null: no status yet), after phase/reason, expected Event "Type Reason" ("": logged, no Event)
    [InlineData(null, null, P.Waiting, R.WaitingForModel, "")]
    [InlineData(P.Waiting, R.WaitingForModel, P.Creating, R.CreatingModel, "")]              // the steps announce themselves
    [InlineData(P.Creating, R.CreatingModel, P.Creating, R.CreatingEndpointConfig, "")]
    [InlineData(P.Creating, R.ComponentBusy, P.InService, R.InService, "Normal InService")]
    [InlineData(P.Creating, R.ComponentBusy, P.InService, R.CleaningUp, "Normal InService")]  // serving, tidying up
    [InlineData(P.InService, R.CleaningUp, P.InService, R.InService, "")]                     // still serving: not news twice
    [InlineData(P.InService, R.InService, P.Updating, R.RollingOut, "")]                      // RolloutStarted tells it
    [InlineData(P.Updating, R.ComponentBusy, P.RollingBack, R.EndpointBusy, "")]
    [InlineData(P.Updating, R.ComponentBusy, P.InService, R.RolloutFailed, "Normal InService")]  // held back: RolloutFailed warns
    [InlineData(P.InService, R.InService, P.InService, R.RolloutFailed, "")]
    [InlineData(null, null, P.Failed, Reasons.InvalidSpec, "Warning InvalidSpec")]
    [InlineData(P.Creating, R.CreatingEndpoint, P.Failed, Reasons.SageMakerRejected, "Warning SageMakerRejected")]
    [InlineData(P.Creating, R.EndpointBusy, P.Failed, R.EndpointFailed, "Warning EndpointFailed")]
    [InlineData(P.Creating, R.ComponentBusy, P.Failed, R.RolloutFailed, "Warning RolloutFailed")]
    [InlineData(P.Failed, Reasons.InvalidSpec, P.Failed, Reasons.SageMakerRejected, "Warning SageMakerRejected")]  // a new reason to act
    public void Transition_EachMoveOfThePhaseTable_RecordsTheEventOfTheRule(string? beforePhase, string? beforeReason, string afterPhase,
        string afterReason, string expected)
    {
        var before = beforePhase is null ? null : Status(beforePhase, beforeReason!);

        var moved = DetectionEndpointEvents.Transition(before, Status(afterPhase, afterReason));

        Assert.NotNull(moved);
        Assert.Equal((beforePhase ?? PhaseTransitions.NoPhase, afterPhase, afterReason), (moved.OldPhase, moved.NewPhase, moved.Reason));
        Assert.Equal(expected, moved.Event is { } e ? $"{e.Type} {e.Reason}" : "");
    }

    [Theory]
    [InlineData(P.InService, R.InService)]
    [InlineData(P.Failed, R.EndpointFailed)]
    [InlineData(P.Updating, R.ComponentBusy)]
    public void Transition_NothingMoved_IsNull(string phase, string reason) =>
        Assert.Null(DetectionEndpointEvents.Transition(Status(phase, reason), Status(phase, reason)));

    [Fact]
    public void Transition_InService_CarriesTheReadyMessage() =>
        Assert.Equal(new PhaseEvent(EventTypes.Normal, P.InService, $"message of {R.InService}"),
            DetectionEndpointEvents.Transition(Status(P.Updating, R.ComponentBusy), Status(P.InService, R.InService))?.Event);
}
