using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Testing;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// Issue 6's scenario, as a new user runs it: the sample Dataset applied without its namespace line into another
/// namespace, and <c>KUBECONFIG=… detector run</c> with no other flag, against the fake API server that validates Jobs
/// and pods the way a real one does.
/// </summary>
public sealed class RealClusterScenarioTests
{
    private const string OtherNamespace = "bars";

    [SkippableFact]
    public async Task KubeconfigOnly_SampleInAnotherNamespace_OneJobWithOwnerFinalizerAndConditions_RestartAddsNone_DeleteCleansUp()
    {
        await using var env = await OperatorEnvironment.StartOnFakeAsync();
        env.Api.Put(OperatorEnvironment.ServiceAccount(OtherNamespace, "detector-datasets"));   // the sample's spec.serviceAccountName
        env.StartOperatorWithEnvironment([], env.LaptopEnvironment());
        var applied = await ApplySampleAsync(env);

        await env.Api.WaitForAsync(_ => Stored(env)?.Status?.Phase == DatasetPhases.Preparing, OperatorEnvironment.Timeout);
        var dataset = Stored(env)!;
        var job = Assert.Single(Jobs(env));
        var owner = Assert.Single(job.Metadata.OwnerReferences);
        Assert.Equal((applied.Metadata.Uid, "Dataset", true), (owner.Uid, owner.Kind, owner.Controller == true));
        Assert.Contains(DatasetNames.Finalizer, dataset.Metadata.Finalizers);
        Assert.True(Conditions.IsFalse(dataset.Status!.Conditions, Conditions.Ready));
        Assert.True(Conditions.IsTrue(dataset.Status.Conditions, Conditions.Reconciling));
        Assert.Equal("detector-datasets", job.Spec.Template.Spec.ServiceAccountName);
        Assert.Null(env.Fake.JobPodProblem(OtherNamespace, job.Metadata.Name));                 // its pods could run
        // Off a pod: no leader election, so no Lease, and the Job runs this build's image.
        Assert.DoesNotContain(env.Api.Requests, r => r.Resource == "leases");
        Assert.Equal(Detector.Operator.Hosting.OperatorImage.Default, job.Spec.Template.Spec.Containers[0].Image);

        Assert.Equal(0, await env.StopOperatorAsync());
        env.Api.ClearRequests();
        var reconciles = env.Reconciles.Count("Dataset", OtherNamespace, "aquarium");
        env.StartOperatorWithEnvironment([], env.LaptopEnvironment());
        // The restarted operator's first reconcile finds the Job in its cache (no request to see) and creates none.
        await env.Api.WaitForAsync(_ => env.Reconciles.Count("Dataset", OtherNamespace, "aquarium") > reconciles, OperatorEnvironment.Timeout);
        Assert.Single(Jobs(env));
        Assert.DoesNotContain(env.Api.Requests, r => r.Resource == "jobs" && r.Verb == "create");

        await env.Datasets.DeleteAsync(new ObjectKey(OtherNamespace, "aquarium"), CancellationToken.None);
        await env.Api.WaitForAsync(_ => Stored(env) is null, OperatorEnvironment.Timeout);
        Assert.Empty(Jobs(env));
    }

    [SkippableFact]
    public async Task Sample_ServiceAccountMissing_SaysWhichToCreateThenCreatesTheJobOnceItExists()
    {
        await using var env = await OperatorEnvironment.StartOnFakeAsync();
        env.StartOperatorWithEnvironment(["--poll-interval", "1s"], env.LaptopEnvironment());
        await ApplySampleAsync(env);

        await env.Api.WaitForAsync(_ => ReadyReason(env) == DatasetPhases.ServiceAccountNotFoundReason, OperatorEnvironment.Timeout);
        Assert.Empty(Jobs(env));
        Assert.Contains("ServiceAccount detector-datasets does not exist in namespace bars",
            Conditions.Get(Stored(env)!.Status!.Conditions, Conditions.Ready)!.Message);
        await env.Api.WaitForAsync(a => Warnings(a, DatasetPhases.ServiceAccountNotFoundReason).Any(), OperatorEnvironment.Timeout);

        env.Api.Put(OperatorEnvironment.ServiceAccount(OtherNamespace, "detector-datasets"));
        await env.Api.WaitForAsync(_ => Jobs(env).Count == 1 && Stored(env)?.Status?.Phase == DatasetPhases.Preparing, OperatorEnvironment.Timeout);
    }

    private static async Task<Dataset> ApplySampleAsync(OperatorEnvironment env)
    {
        // As `kubectl apply -n bars` of the sample with its namespace line removed, its bucket pointed at this S3 server.
        var yaml = string.Join('\n', File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "crds", "samples", "01-dataset.yaml"))
                .Where(line => !line.TrimStart().StartsWith("namespace:", StringComparison.Ordinal)))
            .Replace("detector-vision-data", env.Bucket, StringComparison.Ordinal);
        var sample = KubernetesYaml.Deserialize<Dataset>(yaml);
        Assert.Null(sample.Metadata.NamespaceProperty);
        sample.Metadata.NamespaceProperty = OtherNamespace;
        return await env.Datasets.CreateAsync(sample, CancellationToken.None);
    }

    private static Dataset? Stored(OperatorEnvironment env) => env.Api.Get<Dataset>("datasets", OtherNamespace, "aquarium");

    private static string? ReadyReason(OperatorEnvironment env) => Conditions.Get(Stored(env)?.Status?.Conditions, Conditions.Ready)?.Reason;

    private static IReadOnlyList<V1Job> Jobs(OperatorEnvironment env) =>
        [.. env.Api.List("jobs", OtherNamespace).Select(j => KubernetesJson.Deserialize<V1Job>(j.ToJsonString()))];

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> Warnings(Detector.Operator.Tests.EndToEnd.Apis.ITestApi api, string reason) =>
        api.List("events", OtherNamespace).Where(e => e["type"]?.GetValue<string>() == "Warning" && e["reason"]?.GetValue<string>() == reason);
}
