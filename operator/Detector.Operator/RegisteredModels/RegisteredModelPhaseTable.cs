using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using P = Detector.Operator.Api.V1Alpha1.RegisteredModelPhase;
using R = Detector.Operator.RegisteredModels.RegisteredModelReasons;
using S = Detector.Operator.Runtime.ReconcileState;

namespace Detector.Operator.RegisteredModels;

/// <summary>The RegisteredModel's phase table: (phase, reason) → Ready / Reconciling / Stalled (docs/gitops.md prints it).</summary>
public static class RegisteredModelPhaseTable
{
    /// <summary>The table the status mapper sets conditions from.</summary>
    public static PhaseTable Table { get; } = new(RegisteredModel.KindName,
    [
        new(P.Pending, R.GroupPending, S.Reconciling, "the model package group is being created"),
        new(P.Waiting, R.WaitingForSource, S.Reconciling, "waiting for the source TrainingRun/TuningRun to complete"),
        new(P.Registering, R.Registering, S.Reconciling, "a new artifact is being registered as a version"),
        new(P.Ready, R.Registered, S.Ready, "every completed artifact of the source is a version"),
        new(P.Failed, Reasons.OperatorMisconfigured, S.Stalled, "the operator cannot call SageMaker: an admin must fix it"),
        new(P.Failed, Reasons.InvalidSpec, S.Stalled, "the spec is invalid: edit it"),
        new(P.Failed, Reasons.SageMakerRejected, S.Stalled, "SageMaker refused the request: edit the spec"),
        new(P.Failed, R.GroupFailed, S.Stalled, "the model package group failed or is being deleted outside the operator"),
        new(P.Failed, R.VersionFailed, S.Stalled, "the newest version failed in SageMaker"),
    ]);

    /// <summary>Which phase changes get a Normal Event: every phase but Pending, and every new reason.</summary>
    public static PhaseEventRule Events { get; } = PhaseEventRule.AllBut(P.Pending);
}
