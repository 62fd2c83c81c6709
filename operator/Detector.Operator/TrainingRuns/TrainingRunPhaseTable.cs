using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using P = Detector.Operator.Api.V1Alpha1.TrainingRunPhase;
using S = Detector.Operator.Runtime.ReconcileState;

namespace Detector.Operator.TrainingRuns;

/// <summary>The TrainingRun's phase table: (phase, reason) → Ready / Reconciling / Stalled (docs/gitops.md prints it).</summary>
public static class TrainingRunPhaseTable
{
    /// <summary>The table the status mapper sets conditions from.</summary>
    public static PhaseTable Table { get; } = new(TrainingRun.KindName,
    [
        new(P.Pending, RunReasons.JobPending, S.Reconciling, "the SageMaker training job is about to be created"),
        new(P.Pending, Reasons.OperatorMisconfigured, S.Stalled, "the operator cannot call SageMaker (no region, no image for it): an admin must fix it"),
        new(P.Waiting, RunReasons.WaitingForReference, S.Reconciling, "waiting for the Dataset (or the image/role it names) to be Ready"),
        new(P.Starting, RunReasons.JobStarting, S.Reconciling, "SageMaker launches the instances and downloads the data"),
        new(P.Training, RunReasons.JobInProgress, S.Reconciling, "the algorithm trains"),
        new(P.Training, RunReasons.UnknownJobStatus, S.Reconciling, "SageMaker reports a status this operator does not know; it keeps looking"),
        new(P.Completed, RunReasons.JobCompleted, S.Ready, "the job completed; the model artifact is in status"),
        new(P.Failed, Reasons.InvalidSpec, S.Stalled, "the spec is invalid: edit it"),
        new(P.Failed, Reasons.SageMakerRejected, S.Stalled, "SageMaker refused the CreateTrainingJob request: edit the spec"),
        new(P.Failed, RunReasons.JobFailed, S.Stalled, "the training job failed: edit the spec (or delete the run) to train again"),
        new(P.Stopped, RunReasons.JobStopping, S.Reconciling, "the job is being stopped"),
        new(P.Stopped, RunReasons.JobStopped, S.Stalled, "the job was stopped (outside the operator): edit the spec to train again"),
    ]);

    /// <summary>Which phase changes get a Normal Event: every phase but Pending, and every new reason.</summary>
    public static PhaseEventRule Events { get; } = PhaseEventRule.AllBut(P.Pending);
}
