using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using P = Detector.Operator.Api.V1Alpha1.DetectionEndpointPhase;
using R = Detector.Operator.DetectionEndpoints.EndpointReasons;
using S = Detector.Operator.Runtime.ReconcileState;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>The DetectionEndpoint's phase table: (phase, reason) → Ready / Reconciling / Stalled (docs/gitops.md prints it).</summary>
public static class DetectionEndpointPhaseTable
{
    /// <summary>The table the status mapper sets conditions from.</summary>
    public static PhaseTable Table { get; } = new(DetectionEndpoint.KindName,
    [
        new(null, R.Deleting, S.Reconciling, "the object is deleted: the finalizer deletes (or, with Retain, keeps) the SageMaker resources"),
        new(P.Waiting, R.WaitingForModel, S.Reconciling, "nothing serves yet: waiting for the RegisteredModel to have the requested Approved version"),
        new(P.Creating, null, S.Reconciling, "creating the model, endpoint config, endpoint and inference component of the first version"),
        new(P.Updating, null, S.Reconciling, "rolling out a new version, or changing copies, compute or instances, or restoring drift"),
        new(P.RollingBack, R.EndpointBusy, S.Reconciling, "SageMaker rolls an update back"),
        new(P.InService, R.InService, S.Ready, "the requested version serves as specified"),
        new(P.InService, R.CleaningUp, S.Reconciling, "the requested version serves; models and configs no longer used are deleted"),
        new(P.InService, R.WaitingForModel, S.Reconciling, "the deployed version serves, the requested one is not Approved (or registered) yet"),
        new(P.InService, R.RolloutFailed, S.Stalled, "the requested version failed to roll out and was rolled back; the previous version keeps serving until a newer version is approved or the spec changes"),
        new(P.Failed, Reasons.InvalidSpec, S.Stalled, "the spec is invalid: edit it"),
        new(P.Failed, Reasons.SageMakerRejected, S.Stalled, "SageMaker refused the request: edit the spec"),
        new(P.Failed, R.EndpointFailed, S.Stalled, "the endpoint is Failed in SageMaker: change the spec to re-create it"),
        new(P.Failed, R.RolloutFailed, S.Stalled, "the first version failed to deploy (nothing else to serve)"),
    ]);

    /// <summary>Which phase changes get a Normal Event: only reaching InService: the steps between announce themselves (RolloutStarted, RolloutSucceeded, RolloutFailed).</summary>
    public static PhaseEventRule Events { get; } = PhaseEventRule.Only(P.InService);
}
