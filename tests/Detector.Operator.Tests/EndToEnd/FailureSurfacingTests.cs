using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s.Models;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// Issue 10 over HTTP: every failed reconcile shows on the Dataset (Ready=False with a reason, a Warning Event),
/// written once per distinct error however often the loop retries, and cleared by the next success.
/// </summary>
public sealed class FailureSurfacingTests
{
    [SkippableFact]
    public async Task TransientServerErrors_RetryingConditionWrittenOnceThenClearedWhenTheJobIsCreated()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        foreach (var _ in Enumerable.Range(0, 3))
            env.Api.FailNext(IsJobCreate, 503, message: "etcdserver: request timed out");
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("aquarium"));

        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);

        var log = env.Api.Requests.ToList();
        var created = log.FindIndex(r => IsJobCreate(r) && r.StatusCode == 201);
        Assert.Equal(3, log.Count(r => IsJobCreate(r) && r.StatusCode == 503));
        Assert.Equal(1, log.Take(created).Count(IsStatusWrite));     // three failed attempts, one status write
        var ready = Conditions.Get(env.Dataset("aquarium")!.Status!.Conditions, Conditions.Ready)!;
        Assert.Equal(DatasetPhases.JobRunningReason, ready.Reason);  // cleared by the success
        // Events are written in the background (best effort): wait for it rather than race it.
        await env.WaitForAsync(e => Warnings(e, Reasons.Retrying).Any());
        var warning = Assert.Single(Warnings(env, Reasons.Retrying));
        Assert.Contains("etcdserver: request timed out", warning["message"]!.GetValue<string>());
        Assert.Equal(1, warning["count"]!.GetValue<int>());          // one distinct error, one Event
    }

    [SkippableFact]
    public async Task Forbidden_IsOperatorMisconfiguredOnTheObject()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.Api.FailNext(IsJobCreate, 403, message: "jobs.batch is forbidden: User \"system:serviceaccount:detector-system:detector\" cannot create resource \"jobs\"");
        env.StartOperator("--workers", "1", "--stalled-recheck-interval", "1s");   // RBAC is fixed outside the object: the slow re-check finds it
        await env.ApplyAsync(env.NewDataset("aquarium"));

        await env.WaitForAsync(e => Warnings(e, Reasons.OperatorMisconfigured).Any());
        var warning = Warnings(env, Reasons.OperatorMisconfigured).Single()["message"]!.GetValue<string>();
        Assert.Contains("cannot create resource \"jobs\"", warning);
        Assert.Contains("grant it", warning);
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);          // retried, and then it worked
    }

    [SkippableFact]
    public async Task JobRefusedWith422_IsRejectedFailedWithTheServersMessageUntilTheSpecIsFixed()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        var invalid = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new("2Gi") },
            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("1Gi") },
        };
        await env.ApplyAsync(env.NewDataset("aquarium", s => s with { Resources = invalid }));

        await env.WaitForPhaseAsync("aquarium", "Failed");
        var status = env.Dataset("aquarium")!.Status!;
        var ready = Conditions.Get(status.Conditions, Conditions.Ready)!;
        Assert.Equal(Reasons.Rejected, ready.Reason);
        Assert.Contains("must be less than or equal to memory limit of 1Gi", ready.Message);
        Assert.True(Conditions.IsTrue(status.Conditions, Conditions.Stalled));
        Assert.Equal(1, status.ObservedGeneration);
        Assert.Empty(env.Jobs);
        await env.WaitForAsync(e => Warnings(e, Reasons.Rejected).Any());

        await env.EditDatasetAsync("aquarium", d => d.Spec = d.Spec with { Resources = null });
        await env.WaitForAsync(e => e.Dataset("aquarium")?.Status is { Phase: DatasetPhases.Preparing, ObservedGeneration: 2 });
        Assert.Single(env.Jobs);
    }

    [SkippableFact]
    public async Task NoRegionNoEndpoint_CreatesTheJobAndTheDatasetSaysWhatToSet()
    {
        // Issue 6 and 10 as reported: `KUBECONFIG=… detector run` on a laptop with no AWS configuration at all.
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperatorWithEnvironment(["--watch-namespaces", env.Namespace, "--job-service-account", OperatorEnvironment.JobServiceAccount],
            new Dictionary<string, string> { ["KUBECONFIG"] = env.Kubeconfig });
        await env.ApplyAsync(env.NewDataset("aquarium"));

        await env.WaitForAsync(e => Warnings(e, Reasons.OperatorMisconfigured).Any() && e.Jobs.Any());
        var job = Assert.Single(env.Jobs);
        var preparing = Conditions.Get(env.Dataset("aquarium")!.Status!.Conditions, Conditions.Ready)!;
        Assert.Equal(("False", Reasons.OperatorMisconfigured), (preparing.Status, preparing.Reason));
        Assert.Contains("is preparing", preparing.Message);
        Assert.Contains("--aws-region or AWS_REGION", preparing.Message);

        env.Api.SetJobSucceeded(env.Namespace, job.Metadata.Name);
        await env.WaitForAsync(e => Conditions.Get(e.Dataset("aquarium")?.Status?.Conditions, Conditions.Ready)?.Message.Contains("has prepared") == true);
        Assert.Equal(DatasetPhases.Preparing, env.Dataset("aquarium")!.Status!.Phase);
        Assert.Single(env.Jobs);
    }

    [SkippableFact]
    public async Task NoRegion_WhenTheS3ClientCannotBeBuilt_TheDatasetSaysWhatToSet()
    {
        // The SDK's own exception, should a store be used although the settings looked usable: the runtime's one place
        // for failures turns it into OperatorMisconfigured, visible with `kubectl describe dataset`.
        await using var env = await OperatorEnvironment.StartAsync();
        var noRegion = new Detector.Operator.Hosting.ServedKind("Dataset", _ => null, (manager, host) => DatasetController.Register(manager,
            host with { Stores = _ => throw new Amazon.Runtime.AmazonClientException("No RegionEndpoint or ServiceURL configured") }));
        env.StartOperatorWithEnvironment(["--watch-namespaces", env.Namespace, "--job-service-account", OperatorEnvironment.JobServiceAccount],
            new Dictionary<string, string> { ["KUBECONFIG"] = env.Kubeconfig, ["DETECTOR_S3_ENDPOINT_URL"] = env.S3.ServiceUrl }, [noRegion]);
        await env.ApplyAsync(env.NewDataset("aquarium"));

        await env.WaitForAsync(e => Warnings(e, Reasons.OperatorMisconfigured).Any());
        var status = env.Dataset("aquarium")!.Status!;
        var ready = Conditions.Get(status.Conditions, Conditions.Ready)!;
        Assert.Equal(("False", Reasons.OperatorMisconfigured), (ready.Status, ready.Reason));
        Assert.Contains("--aws-region or AWS_REGION", ready.Message);
        Assert.Equal(("Pending", 1L), (status.Phase, status.ObservedGeneration));
        Assert.Empty(env.Jobs);
    }

    private static bool IsJobCreate(ApiCall call) => call is { Resource: "jobs", Verb: "create" };

    private static bool IsStatusWrite(ApiCall call) => call is { Resource: "datasets", Subresource: "status", Verb: "update" or "patch" };

    private static IEnumerable<JsonObject> Warnings(OperatorEnvironment env, string reason) =>
        env.Api.List("events", env.Namespace)
            .Where(e => e["type"]?.GetValue<string>() == "Warning" && e["reason"]?.GetValue<string>() == reason);
}
