using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using S = Detector.Operator.Runtime.ReconcileState;

namespace Detector.Operator.Datasets;

/// <summary>The Dataset's phase table: (phase, reason) → Ready / Reconciling / Stalled (docs/gitops.md prints it).</summary>
public static class DatasetPhaseTable
{
    /// <summary>The table the status mapper sets conditions from.</summary>
    public static PhaseTable Table { get; } = new(Dataset.KindName,
    [
        new(DatasetPhase.Pending, DatasetPhases.JobPendingReason, S.Reconciling, "the preparation Job is about to be created"),
        new(null, DatasetPhases.ServiceAccountNotFoundReason, S.Reconciling, "waiting for the ServiceAccount the Job runs as"),
        new(null, DatasetPhases.OperatorMisconfiguredReason, S.Stalled, "the operator cannot read the Job's result (no region or S3 endpoint): an admin must fix it"),
        new(DatasetPhase.Preparing, DatasetPhases.JobRunningReason, S.Reconciling, "the Job converts and shards the data"),
        new(DatasetPhase.Preparing, DatasetPhases.MergingReason, S.Reconciling, "the shards are done; the merge Job runs"),
        new(DatasetPhase.Preparing, DatasetPhases.PodNotStartingReason, S.Reconciling, "the Job's pod cannot start yet (a missing Secret, an image pull): it starts once that resolves"),
        new(DatasetPhase.Ready, DatasetPhases.PreparedReason, S.Ready, "manifest.json was read: the data is usable"),
        new(DatasetPhase.Failed, DatasetPhases.InvalidSpecReason, S.Stalled, "the spec is invalid: edit it"),
        new(DatasetPhase.Failed, DatasetPhases.JobFailedReason, S.Stalled, "the Job failed (the message names the bad item): fix the data or the spec"),
        new(DatasetPhase.Failed, DatasetPhases.ManifestMissingReason, S.Stalled, "the Job succeeded but manifest.json cannot be read"),
    ]);
}
