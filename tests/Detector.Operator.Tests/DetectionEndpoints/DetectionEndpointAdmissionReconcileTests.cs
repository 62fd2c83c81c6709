using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Policy;
using Detector.Operator.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>The reconciler refuses an inadmissible DetectionEndpoint before any SageMaker call.</summary>
public sealed class DetectionEndpointAdmissionReconcileTests
{
    // The harness' reconciler has no policy; this one shares its API, SageMaker double and events but enforces one.
    private static DetectionEndpointReconciler WithPolicy(DetectionEndpointHarness h, NamespacePolicy? policy) =>
        new(h.Kube.Store<DetectionEndpoint>(), h.Kube.Store<RegisteredModel>(), h.SageMaker, h.Events, h.Metrics,
            new DetectionEndpointSettings
            {
                Region = EndpointSamples.Region, PollInterval = DetectionEndpointHarness.PollInterval,
                DriftInterval = DetectionEndpointHarness.DriftInterval, Policy = policy,
            },
            h.Clock, NullLogger<DetectionEndpointReconciler>.Instance);

    public static TheoryData<string, string, bool> Inadmissible => new()
    {
        { "copies 0", "spec.copies", false },
        { "scaling min above max", "spec.scaling.minInstanceCount", false },
        { "version 0", "spec.modelRef.version", false },
        { "role outside the policy", "spec.roleArn", true },
        { "capture outside the policy", "spec.dataCapture.destinationS3Uri", true },
    };

    private static DetectionEndpointSpec Edit(string name, DetectionEndpointSpec s) => name switch
    {
        "copies 0" => s with { Copies = 0 },
        "scaling min above max" => s with { InstanceCount = 2, Scaling = new() { MinInstanceCount = 2, MaxInstanceCount = 1 } },
        "version 0" => s with { ModelRef = s.ModelRef with { Version = "0" } },
        "role outside the policy" => s with { RoleArn = "arn:aws:iam::123456789012:role/admin" },
        "capture outside the policy" => s with { DataCapture = new() { DestinationS3Uri = "s3://ml-data/other/capture" } },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    [Theory]
    [MemberData(nameof(Inadmissible))]
    public async Task Reconcile_InadmissibleSpec_IsFailedInvalidSpecNamingTheFieldWithoutSageMakerCalls(string name, string field, bool byPolicy)
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1), EndpointSamples.Endpoint(edit: s => Edit(name, s)));
        var reconciler = WithPolicy(h, byPolicy ? DetectionEndpointAdmissionTests.Policy : null);

        var result = await reconciler.ReconcileAsync(h.Key, CancellationToken.None);

        Assert.Empty(h.SageMaker.Calls);
        Assert.Equal(DetectionEndpointPhase.Failed, h.Status.Phase);
        var ready = Conditions.Get(h.Status.Conditions, Conditions.Ready)!;
        Assert.Equal((Conditions.False, Reasons.InvalidSpec), (ready.Status, ready.Reason));
        Assert.StartsWith(field + ": ", ready.Message, StringComparison.Ordinal);
        Assert.True(Conditions.IsTrue(h.Status.Conditions, Conditions.Stalled));
        Assert.Contains(h.Events.All, e => e.Type == "Warning" && e.Reason == Reasons.InvalidSpec && e.Message.Contains(field, StringComparison.Ordinal));
        Assert.Equal(ReconcileResult.After(DetectionEndpointHarness.DriftInterval), result);
    }

    [Fact]
    public async Task Reconcile_SpecFixed_Deploys()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1), EndpointSamples.Endpoint(edit: s => s with { Copies = 0 }));
        await h.ReconcileAsync();
        var endpoint = h.Endpoint!;
        endpoint.Spec = endpoint.Spec with { Copies = 1 };
        await h.Kube.Store<DetectionEndpoint>().UpdateAsync(endpoint, CancellationToken.None);

        await h.ConvergeAsync();

        Assert.Equal((DetectionEndpointPhase.InService, 1), (h.Status.Phase, h.Status.DeployedVersion));
    }

    [Fact]
    public async Task Reconcile_DeletedWithAnInadmissibleSpec_StillRemovesEverything()
    {
        var h = new DetectionEndpointHarness(EndpointSamples.Registry(1, 1));
        await h.ConvergeAsync();
        var endpoint = h.Endpoint!;
        endpoint.Spec = endpoint.Spec with { Copies = 0 };
        await h.Kube.Store<DetectionEndpoint>().UpdateAsync(endpoint, CancellationToken.None);
        await h.Kube.Store<DetectionEndpoint>().DeleteAsync(h.Key, CancellationToken.None);

        await h.ConvergeAsync();

        Assert.Null(h.Endpoint);
        Assert.True(h.SageMaker.IsEmpty);
    }
}
