using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Runtime;
using A = Detector.Operator.DetectionEndpoints.EndpointAction;
using P = Detector.Operator.Api.V1Alpha1.DetectionEndpointPhase;
using R = Detector.Operator.DetectionEndpoints.EndpointReasons;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>What a DetectionEndpoint's conditions report when the planner has nothing to do, and when it is settled.</summary>
public sealed class DetectionEndpointSituationTests
{
    private static readonly EndpointTarget s_v1 = new(1, "arn:aws:sagemaker:us-east-1:123456789012:model-package/birds/1", "birds-v1-abc", "birds-cfg-abc");

    public static TheoryData<string, EndpointPlan, string, ReconcileState> Cases => new()
    {
        { "serving the requested version", Plan(A.None, P.InService, R.InService, new(s_v1)), R.InService, ReconcileState.Ready },
        { "held back after a failed rollout", Plan(A.None, P.InService, R.InService, new(s_v1, HeldBack: "Version 2 failed to roll out")),
            R.RolloutFailed, ReconcileState.Stalled },
        { "deployed version serves, requested one not approved", Plan(A.None, P.InService, R.InService, new(s_v1, Waiting: "Version 3 is PendingManualApproval")),
            R.WaitingForModel, ReconcileState.Reconciling },
        { "cleaning up after a failed rollout", Plan(A.DeleteModel, P.InService, R.CleaningUp, new(s_v1, HeldBack: "Version 2 failed to roll out")),
            R.CleaningUp, ReconcileState.Reconciling },
        { "rolling out", Plan(A.UpdateInferenceComponent, P.Updating, R.RollingOut, new(s_v1)), R.RollingOut, ReconcileState.Reconciling },
        { "deleting", Plan(A.DeleteEndpoint, P.InService, R.Deleting, new(s_v1)), R.Deleting, ReconcileState.Reconciling },
        { "nothing to serve yet", Plan(A.Wait, P.Waiting, R.WaitingForModel, new(null, Waiting: "RegisteredModel birds does not exist")),
            R.WaitingForModel, ReconcileState.Reconciling },
        { "first version failed", Plan(A.Stall, P.Failed, R.RolloutFailed, new(s_v1)), R.RolloutFailed, ReconcileState.Stalled },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Situation_Plan_GivesTheReasonAndStateOfTheConditions(string situation, EndpointPlan plan, string reason, ReconcileState state)
    {
        var (actualReason, _) = DetectionEndpointStatusMapper.Situation(plan);
        Assert.True((reason, state) == (actualReason, DetectionEndpointPhaseTable.Table.StateOf(plan.Step.Phase, actualReason)),
            $"{situation}: {actualReason}, {DetectionEndpointPhaseTable.Table.StateOf(plan.Step.Phase, actualReason)}");
    }

    [Theory]
    [InlineData(P.InService, R.InService, true)]
    [InlineData(P.InService, R.RolloutFailed, true)]
    [InlineData(P.InService, R.WaitingForModel, true)]
    [InlineData(P.Failed, R.EndpointFailed, true)]
    [InlineData(P.InService, R.CleaningUp, false)]
    [InlineData(P.InService, R.Deleting, false)]
    [InlineData(P.Updating, R.RollingOut, false)]
    public void IsSettled_PhaseAndReason_PollsOnlyWhileTheOperatorHasWorkToDo(string phase, string reason, bool settled)
    {
        var state = DetectionEndpointPhaseTable.Table.StateOf(phase, reason);
        var status = new DetectionEndpointStatus { Phase = phase, Conditions = Conditions.SetSummary(null, state, reason, "m", 1, DateTimeOffset.UnixEpoch) };
        Assert.Equal(settled, DetectionEndpointStatusMapper.IsSettled(status));
    }

    private static EndpointPlan Plan(A action, string phase, string reason, TargetResolution target) =>
        new(new RolloutAssessment(null, [], null, null), target, new EndpointStep(action, phase, reason, $"step {reason}"));
}
