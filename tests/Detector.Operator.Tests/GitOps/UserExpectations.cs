using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.GitOps;

/// <summary>
/// What a user of Flux or Argo CD expects of each phase, written from what the phases mean (docs/gitops.md), not read
/// from the phase tables: the tests hold the tables to it.
/// </summary>
public static class UserExpectations
{
    /// <summary>The kstatus status a Flux user expects of an object the operator stored in this phase for this reason.</summary>
    public static KstatusStatus Kstatus(string kind, string phase, string reason, FixtureVariant variant) => variant switch
    {
        FixtureVariant.Deleting => KstatusStatus.Terminating,
        FixtureVariant.StaleGeneration => KstatusStatus.InProgress,   // the operator has not seen the edit yet
        _ => Settled(kind, phase, reason),
    };

    /// <summary>The Argo CD health a user expects of the same object.</summary>
    public static string ArgoHealth(string kind, string phase, string reason, FixtureVariant variant) => variant switch
    {
        FixtureVariant.Paused => "Suspended",
        FixtureVariant.StaleGeneration => "Progressing",
        // Argo CD shows deletion itself; the health of an object being deleted is what its status says.
        _ => Settled(kind, phase, reason) switch
        {
            KstatusStatus.Current => "Healthy",
            KstatusStatus.Failed => "Degraded",
            _ => "Progressing",
        },
    };

    /// <summary>A reconcile failure: a transient one is retried (InProgress); the others need a person (Failed).</summary>
    public static KstatusStatus Kstatus(FailureKind failure) =>
        failure == FailureKind.Transient ? KstatusStatus.InProgress : KstatusStatus.Failed;

    // Done phases are Current; Failed and what needs a person are Failed; everything still moving (waiting for a
    // reference, a Job, SageMaker, a rollout, deletion) is InProgress.
    private static KstatusStatus Settled(string kind, string phase, string reason) => (kind, phase, reason) switch
    {
        (_, "Failed", _) => KstatusStatus.Failed,
        (_, _, Reasons.OperatorMisconfigured) => KstatusStatus.Failed,
        (TrainingRun.KindName or TuningRun.KindName, "Stopped", RunReasons.JobStopped) => KstatusStatus.Failed,
        (DetectionEndpoint.KindName, DetectionEndpointPhase.InService, EndpointReasons.RolloutFailed) => KstatusStatus.Failed,
        (Dataset.KindName, DatasetPhase.Ready, _) => KstatusStatus.Current,
        (TrainingRun.KindName, TrainingRunPhase.Completed, _) => KstatusStatus.Current,
        (TuningRun.KindName, TuningRunPhase.Completed, _) => KstatusStatus.Current,
        (RegisteredModel.KindName, RegisteredModelPhase.Ready, _) => KstatusStatus.Current,
        (DetectionEndpoint.KindName, DetectionEndpointPhase.InService, EndpointReasons.InService) => KstatusStatus.Current,
        _ => KstatusStatus.InProgress,
    };
}
