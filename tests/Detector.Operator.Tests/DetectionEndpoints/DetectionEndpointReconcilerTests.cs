using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.DetectionEndpoints;

public sealed class DetectionEndpointReconcilerTests
{
    [Fact]
    public async Task Reconcile_ApprovedVersion_CreatesModelConfigEndpointComponentOnceAndServes()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));

        await h.ConvergeAsync();

        var endpoint = h.Endpoint!;
        Assert.Equal((DetectionEndpointPhase.InService, 1), (h.Status.Phase, h.Status.DeployedVersion));
        Assert.Equal(DetectionEndpointNames.Endpoint(endpoint), h.Status.EndpointName);
        Assert.Equal(DetectionEndpointNames.InferenceComponent(endpoint), h.Status.InferenceComponentName);
        Assert.Equal($"https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/{h.Status.EndpointName}/invocations", h.Status.Url);
        Assert.Contains(DetectionEndpointReconciler.Finalizer, endpoint.Metadata.Finalizers);
        foreach (var create in new[] { "CreateModel", "CreateEndpointConfig", "CreateEndpoint", "CreateInferenceComponent" })
            Assert.Equal(1, h.SageMaker.Count(create));
        Assert.True(Conditions.IsTrue(h.Status.Conditions, Conditions.Ready));
        Assert.Contains(h.Events.All, e => e.Reason == "RolloutStarted");
        Assert.Contains(h.Events.All, e => e.Reason == "RolloutSucceeded");
        Assert.Contains($"detector_endpoint_deployed_version{{namespace=\"vision\",name=\"birds-live\"}} 1", await h.ScrapeAsync());
    }

    [Fact]
    public async Task Reconcile_Settled_DescribesAgainAfterTheDriftInterval()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();

        Assert.Equal(ReconcileResult.After(DetectionEndpointHarness.DriftInterval), await h.ReconcileAsync());
    }

    [Fact]
    public async Task Reconcile_AfterEachCreateStep_LooksAgainAtOnce_AndPollsOnlyWhileSageMakerWorks()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        var now = ReconcileResult.After(TimeSpan.Zero);

        Assert.Equal(now, await h.ReconcileAsync());                  // CreateModel
        Assert.Equal(now, await h.ReconcileAsync());                  // CreateEndpointConfig, no full poll in between
        Assert.Equal(now, await h.ReconcileAsync());                  // CreateEndpoint
        Assert.Equal((1, 1, 1), (h.SageMaker.Count("CreateModel"), h.SageMaker.Count("CreateEndpointConfig"), h.SageMaker.Count("CreateEndpoint")));
        Assert.Equal(ReconcileResult.After(DetectionEndpointHarness.PollInterval), await h.ReconcileAsync());   // Creating: SageMaker works
    }

    [Fact]
    public async Task Reconcile_RepeatedWhileSageMakerWorks_CreatesNothingTwice()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));

        for (var i = 0; i < 6; i++)
            await h.ReconcileAsync();      // The endpoint stays Creating: nothing settles.

        Assert.Equal((1, 1, 1, 0), (h.SageMaker.Count("CreateModel"), h.SageMaker.Count("CreateEndpointConfig"),
            h.SageMaker.Count("CreateEndpoint"), h.SageMaker.Count("CreateInferenceComponent")));
        Assert.Equal(DetectionEndpointPhase.Creating, h.Status.Phase);
    }

    [Fact]
    public async Task Reconcile_EndpointConfigNotVisibleYet_ThrowsForTheRetryThenCreatesTheEndpoint()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ReconcileAsync();   // model
        await h.ReconcileAsync();   // config
        h.SageMaker.FailNext("CreateEndpoint", "ValidationException", "Could not find endpoint configuration \"x\".", SageMakerErrorKind.Transient);

        await Assert.ThrowsAsync<SageMakerException>(h.ReconcileAsync);
        await h.ConvergeAsync();

        Assert.Equal(2, h.SageMaker.Count("CreateEndpoint"));
        Assert.Single(h.SageMaker.Endpoints);
        Assert.Equal(DetectionEndpointPhase.InService, h.Status.Phase);
    }

    [Fact]
    public async Task Reconcile_NoRegisteredModel_WaitsWithoutCreating()
    {
        var h = new DetectionEndpointHarness(registry: null);

        var result = await h.ReconcileAsync();

        Assert.Equal(ReconcileResult.After(DetectionEndpointHarness.PollInterval), result);   // the model's status is watched, its absence is not
        Assert.Equal((DetectionEndpointPhase.Waiting, EndpointReasons.WaitingForModel), (h.Status.Phase, Conditions.Get(h.Status.Conditions, Conditions.Ready)!.Reason));
        Assert.Empty(h.SageMaker.Calls);                   // Nothing made yet and nothing to serve: no SageMaker call.
    }

    [Fact]
    public async Task Reconcile_NewApprovedVersion_RollsTheComponentAndKeepsThePrevious()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        h.SetRegistry(EndpointSamples.Registry(2, 1, 2));

        await h.ConvergeAsync();

        Assert.Equal((2, 1), (h.Status.DeployedVersion, h.Status.PreviousVersion));
        Assert.Equal(1, h.SageMaker.Count("UpdateInferenceComponent"));
        Assert.Equal(EndpointSamples.ModelOf(h.Endpoint!, 2), h.SageMaker.Components.Single().Value.State.ModelName);
        Assert.Equal([EndpointSamples.ModelOf(h.Endpoint!, 2)], h.SageMaker.Models.Keys);   // version 1's model cleaned up
        Assert.Equal(RolloutResults.Succeeded, h.Status.LastRollout!.Result);
        Assert.Equal(2, h.Events.All.Count(e => e.Reason == "RolloutSucceeded"));
        Assert.Contains("name=\"birds-live\"} 2", await h.ScrapeAsync());
    }

    [Fact]
    public async Task Reconcile_VersionApprovedDuringARollout_FinishesTheFirstAndStartsTheNextInOneStep_WithBothEvents()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        h.SetRegistry(EndpointSamples.Registry(2, 1, 2));
        await h.ReconcileAsync();                      // CreateModel v2
        await h.ReconcileAsync();                      // UpdateInferenceComponent to v2: Updating
        h.SetRegistry(EndpointSamples.Registry(3, 1, 2, 3));
        await h.ReconcileAsync();                      // CreateModel v3 while v2 rolls
        h.SageMaker.Settle();                          // v2 serves

        await h.ReconcileAsync();

        Assert.Equal((2, 1), (h.Status.DeployedVersion, h.Status.PreviousVersion));
        Assert.Equal((3, 2, RolloutResults.InProgress), (h.Status.LastRollout!.Version, h.Status.LastRollout.FromVersion, h.Status.LastRollout.Result));
        Assert.Contains(h.Events.All, e => e.Reason == "RolloutSucceeded" && e.Message.StartsWith("Version 2 ", StringComparison.Ordinal));
        Assert.Contains(h.Events.All, e => e.Reason == "RolloutStarted" && e.Message == "Rolling out version 3 (replacing version 2)");
        Assert.Contains("detector_endpoint_deployed_version{namespace=\"vision\",name=\"birds-live\"} 2", await h.ScrapeAsync());

        await h.ConvergeAsync();
        Assert.Equal((3, 2), (h.Status.DeployedVersion, h.Status.PreviousVersion));
    }

    [Fact]
    public async Task Reconcile_RolledBackVersion_KeepsTheOldServingWithRolloutFailedAndDoesNotRetry()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        h.SetRegistry(EndpointSamples.Registry(2, 1, 2));
        h.SageMaker.RollBackNextUpdate(h.Status.InferenceComponentName!, "Alarm detector-5xx fired");

        await h.ConvergeAsync();
        await h.ConvergeAsync();

        Assert.Equal(1, h.Status.DeployedVersion);
        Assert.Equal(1, h.SageMaker.Count("UpdateInferenceComponent"));
        Assert.Equal(RolloutResults.RolledBack, h.Status.LastRollout!.Result);
        var failed = Conditions.Get(h.Status.Conditions, EndpointReasons.RolloutFailedCondition)!;
        Assert.Equal(Conditions.True, failed.Status);
        Assert.Contains("Alarm detector-5xx fired", failed.Message);
        Assert.Contains(h.Events.All, e => e.Type == "Warning" && e.Reason == EndpointReasons.RolloutFailed && e.Message.Contains("Alarm"));
        // Version 1 keeps serving, but version 2 (the declared one) needs a person: Stalled, not Ready.
        Assert.Equal(ReconcileState.Stalled, Conditions.StateOf(h.Status.Conditions));
    }

    [Fact]
    public async Task Reconcile_CreateRefused_StallsAndDoesNotRetryInTheSameGeneration()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        h.SageMaker.FailNext("CreateModel", "ValidationException", "Could not access model data at s3://x.", SageMakerErrorKind.Validation);

        var result = await h.ReconcileAsync();
        await h.ReconcileAsync();

        Assert.Equal(ReconcileResult.After(DetectionEndpointHarness.DriftInterval), result);
        Assert.Equal((DetectionEndpointPhase.Failed, Reasons.SageMakerRejected), (h.Status.Phase, Conditions.Get(h.Status.Conditions, Conditions.Stalled)!.Reason));
        Assert.Contains("Could not access model data", h.Status.FailureReason);
        Assert.Equal(1, h.SageMaker.Count("CreateModel"));
        Assert.Contains(h.Events.All, e => e.Type == "Warning" && e.Reason == Reasons.SageMakerRejected);
    }

    [Fact]
    public async Task Reconcile_Deleted_RemovesComponentEndpointConfigModelThenTheFinalizer()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        await h.Kube.Store<DetectionEndpoint>().DeleteAsync(h.Key, CancellationToken.None);

        await h.ConvergeAsync();

        Assert.Null(h.Endpoint);
        Assert.True(h.SageMaker.IsEmpty);
        var deletes = h.SageMaker.Calls.Where(c => c.Operation.StartsWith("Delete", StringComparison.Ordinal)).Select(c => c.Operation).ToList();
        Assert.Equal(["DeleteInferenceComponent", "DeleteEndpoint", "DeleteEndpointConfig", "DeleteModel"], deletes);
        Assert.DoesNotContain("detector_endpoint_deployed_version{", await h.ScrapeAsync());
    }

    [Fact]
    public async Task Reconcile_DeletedAfterThingsWentOutOfBand_StillFinishes()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        h.SageMaker.Components.Clear();
        h.SageMaker.Endpoints.Clear();
        h.SageMaker.Models.Clear();
        await h.Kube.Store<DetectionEndpoint>().DeleteAsync(h.Key, CancellationToken.None);
        // The config vanishes between the Describe and the Delete: SageMaker answers "not found".
        h.SageMaker.FailNext("DeleteEndpointConfig", "ValidationException", "Could not find endpoint configuration \"x\".", SageMakerErrorKind.NotFound);

        await h.ConvergeAsync();

        Assert.Null(h.Endpoint);
        Assert.Equal(2, h.SageMaker.Count("DeleteEndpointConfig"));
    }

    [Fact]
    public async Task Reconcile_EndpointDeletedOutOfBand_IsRecreated()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        h.SageMaker.Endpoints.Clear();
        h.SageMaker.Components.Clear();

        await h.ConvergeAsync();

        Assert.Equal((DetectionEndpointPhase.InService, 1), (h.Status.Phase, h.Status.DeployedVersion));
        Assert.Equal((2, 2), (h.SageMaker.Count("CreateEndpoint"), h.SageMaker.Count("CreateInferenceComponent")));
    }
}
