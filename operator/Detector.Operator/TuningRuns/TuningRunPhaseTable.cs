using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using P = Detector.Operator.Api.V1Alpha1.TuningRunPhase;
using S = Detector.Operator.Runtime.ReconcileState;

namespace Detector.Operator.TuningRuns;

/// <summary>The TuningRun's phase table: (phase, reason) → Ready / Reconciling / Stalled (docs/gitops.md prints it).</summary>
public static class TuningRunPhaseTable
{
    /// <summary>The table the status mapper sets conditions from.</summary>
    public static PhaseTable Table { get; } = new(TuningRun.KindName,
    [
        new(P.Pending, RunReasons.JobPending, S.Reconciling, "the SageMaker tuning job is about to be created"),
        new(P.Pending, Reasons.OperatorMisconfigured, S.Stalled, "the operator cannot call SageMaker: an admin must fix it"),
        new(P.Waiting, RunReasons.WaitingForReference, S.Reconciling, "waiting for the Dataset (or the image/role it names) to be Ready"),
        new(P.Tuning, RunReasons.JobStarting, S.Reconciling, "the tuning job was created"),
        new(P.Tuning, RunReasons.JobInProgress, S.Reconciling, "training jobs run (or the best job's artifact is read)"),
        new(P.Tuning, RunReasons.UnknownJobStatus, S.Reconciling, "SageMaker reports a status this operator does not know; it keeps looking"),
        new(P.Completed, RunReasons.JobCompleted, S.Ready, "the tuning job completed; the best job and its artifact are in status"),
        new(P.Failed, Reasons.InvalidSpec, S.Stalled, "the spec is invalid: edit it"),
        new(P.Failed, Reasons.SageMakerRejected, S.Stalled, "SageMaker refused the CreateHyperParameterTuningJob request: edit the spec"),
        new(P.Failed, RunReasons.JobFailed, S.Stalled, "the tuning job failed: edit the spec to tune again"),
        new(P.Stopped, RunReasons.JobStopping, S.Reconciling, "the tuning job is being stopped"),
        new(P.Stopped, RunReasons.JobStopped, S.Stalled, "the tuning job was stopped (outside the operator): edit the spec to tune again"),
    ]);

    /// <summary>Which phase changes get a Normal Event: every phase but Pending, and every new reason.</summary>
    public static PhaseEventRule Events { get; } = PhaseEventRule.AllBut(P.Pending);
}
