using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Datasets;
using k8s.Models;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>The Dataset lifecycle through the operator as <c>detector run</c> starts it, the real API server (envtest) and s3rver.</summary>
public sealed class DatasetLifecycleTests
{
    [SkippableFact]
    public async Task Apply_NewDataset_AddsFinalizerCreatesOneJobAndBecomesReadyWhenTheJobSucceeds()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("aquarium"));

        await env.WaitForAsync(e => e.Dataset("aquarium")?.Status?.Phase == DatasetPhases.Preparing);
        var dataset = env.Dataset("aquarium")!;
        Assert.Contains(DatasetNames.Finalizer, dataset.Metadata.Finalizers);
        Assert.True(Conditions.IsTrue(dataset.Status!.Conditions, Conditions.Reconciling));
        var job = Assert.Single(env.Jobs);
        var expected = DatasetRequests.BuildPrepareJob(dataset, DatasetNames.SpecHash(dataset), new DatasetJobSettings
        {
            Image = "registry.example/detector:e2e",
            DefaultServiceAccountName = "detector-dataset",
            S3EndpointUrl = env.S3.ServiceUrl,
            S3ForcePathStyle = true,
            S3ChecksumWhenRequired = true,
        });
        Assert.Equal(expected.Metadata.Name, job.Metadata.Name);
        Assert.Equal(expected.Spec.Template.Spec.Containers[0].Args, job.Spec.Template.Spec.Containers[0].Args);
        Assert.Equal("registry.example/detector:e2e", job.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(dataset.Metadata.Uid, Assert.Single(job.Metadata.OwnerReferences).Uid);

        await env.WriteManifestAsync(dataset.Status.Outputs!.Prefix!, DatasetStatusMapperTests.Manifest());
        env.Api.SetJobSucceeded(env.Namespace, job.Metadata.Name);
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Ready);

        var ready = env.Dataset("aquarium")!.Status!;
        Assert.Equal((190L, 900L), (ready.Counts!.Images, ready.Counts.Boxes));
        Assert.True(Conditions.IsTrue(ready.Conditions, Conditions.Ready));
        Assert.Equal(dataset.Status.Outputs.Prefix + "train.rec", ready.Outputs!.TrainRec);
        Assert.Single(env.Jobs);
        // Events are recorded in the background (best effort), so they may land after the status.
        await env.WaitForAsync(e => e.Api.List("events", env.Namespace).Any(ev => ev["reason"]?.GetValue<string>() == DatasetPhases.Ready));
    }

    [SkippableFact]
    public async Task Restart_OperatorMidWay_CreatesNoSecondJob()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("aquarium"));
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);
        var jobName = Assert.Single(env.Jobs).Metadata.Name;
        Assert.Equal(0, await env.StopOperatorAsync());

        env.Api.ClearRequests();
        var reconciles = env.Reconciles.Count("Dataset", env.Namespace, "aquarium");
        env.StartOperator();
        // The new process has reconciled the Dataset once (finding its Job in the cache, so no request shows it).
        await env.WaitForAsync(e => e.Reconciles.Count("Dataset", e.Namespace, "aquarium") > reconciles);
        var prefix = env.Dataset("aquarium")!.Status!.Outputs!.Prefix!;
        await env.WriteManifestAsync(prefix, DatasetStatusMapperTests.Manifest());
        env.Api.SetJobSucceeded(env.Namespace, jobName);
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Ready);

        Assert.Single(env.Jobs);
        Assert.DoesNotContain(env.Api.Requests, r => r.Resource == "jobs" && r.Verb == "create");
    }

    [SkippableFact]
    public async Task Delete_Dataset_DeletesTheJobThenRemovesTheFinalizer()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("aquarium"));
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);
        var jobName = Assert.Single(env.Jobs).Metadata.Name;

        env.Api.ClearRequests();
        await env.Datasets.DeleteAsync(new ObjectKey(env.Namespace, "aquarium"), CancellationToken.None);
        // The store drops the Dataset a moment before the fake logs the update that removed its finalizer, so wait for
        // that entry as well (a regression shows as a timeout listing the last requests).
        await env.WaitForAsync(e => e.Dataset("aquarium") is null && FinalizerRemovalLoggedAfterJobDelete(e, jobName!));

        Assert.Empty(env.Jobs);
        var requests = env.Api.Requests.ToList();
        var jobDeleted = requests.FindIndex(r => r.Resource == "jobs" && r.Name == jobName && r.Verb == "delete");
        var finalizerRemoved = requests.FindLastIndex(r => r.Resource == "datasets" && r.Name == "aquarium" && r.Verb is "update" or "patch");
        Assert.True(jobDeleted >= 0, "the operator never deleted the Job");
        // The requests in order, so a failure here says what the operator did instead.
        var trail = string.Join(Environment.NewLine, requests.Where(r => r.Resource is "jobs" or "datasets")
            .Select(r => $"{r.Verb} {r.Resource}/{r.Name} {r.Subresource} -> {r.StatusCode}"));
        Assert.True(jobDeleted < finalizerRemoved, $"the finalizer was removed before the Job was deleted:{Environment.NewLine}{trail}");
    }

    private static bool FinalizerRemovalLoggedAfterJobDelete(OperatorEnvironment env, string jobName)
    {
        var requests = env.Api.Requests;
        var jobDeleted = requests.ToList().FindIndex(r => r.Resource == "jobs" && r.Name == jobName && r.Verb == "delete");
        return jobDeleted >= 0 && requests.Skip(jobDeleted).Any(r => r.Resource == "datasets" && r.Name == "aquarium" && r.Verb is "update" or "patch");
    }

    [SkippableFact]
    public async Task Delete_WithDeletionPolicyDelete_RemovesThePreparedData()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("aquarium", s => s with { DeletionPolicy = DataDeletionPolicy.Delete }));
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);
        var prefix = env.Dataset("aquarium")!.Status!.Outputs!.Prefix!;
        await env.WriteManifestAsync(prefix, DatasetStatusMapperTests.Manifest());
        env.Api.SetJobSucceeded(env.Namespace, env.Jobs[0].Metadata.Name);
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Ready);

        await env.Datasets.DeleteAsync(new ObjectKey(env.Namespace, "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.Dataset("aquarium") is null);

        Assert.False(await env.ExistsAsync(prefix + "manifest.json"));
    }

    [SkippableFact]
    public async Task Paused_Dataset_GetsNoWritesAtAll()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        // One worker: the paused Dataset, applied first, is reconciled before the one applied after it.
        env.StartOperator("--workers", "1");
        var paused = env.NewDataset("paused");
        paused.Metadata.Annotations = new Dictionary<string, string> { [Annotations.PausedName] = "true" };
        await env.ApplyAsync(paused);
        await env.WaitForAsync(e => e.Reconciles.PausedSkips("Dataset", e.Namespace, "paused") > 0);
        await env.ApplyAsync(env.NewDataset("sentinel"));
        await env.WaitForPhaseAsync("sentinel", DatasetPhases.Preparing);

        Assert.DoesNotContain(env.RequestsFor("datasets", "paused"), r => r.IsWrite && r.Verb != "create");
        // Only the CRD's default for a missing status ({observedGeneration: 0}), which the server applies on read.
        Assert.Equal((null, 0L, 0), (env.Dataset("paused")!.Status?.Phase, env.Dataset("paused")!.Status?.ObservedGeneration, env.Dataset("paused")!.Status?.Conditions.Count));
        Assert.Null(env.Dataset("paused")!.Metadata.Finalizers);
        Assert.Single(env.Jobs);
        Assert.DoesNotContain(env.Api.List("events", env.Namespace),
            e => e["involvedObject"]?["name"]?.GetValue<string>() == "paused");
    }

    [SkippableFact]
    public async Task Paused_WhilePreparing_StopsStatusWritesUntilUnpaused()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("aquarium"));
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);
        var jobName = Assert.Single(env.Jobs).Metadata.Name;
        var dataset = await env.EditDatasetAsync("aquarium",
            d => d.Metadata.Annotations = new Dictionary<string, string> { [Annotations.PausedName] = "true" });
        // A paused reconcile reads the shared cache and sends no request: the operator's log says it skipped the Dataset.
        await env.WaitForAsync(e => e.Reconciles.PausedSkips("Dataset", e.Namespace, "aquarium") > 0);
        var skips = env.Reconciles.PausedSkips("Dataset", env.Namespace, "aquarium");

        env.Api.ClearRequests();
        await env.WriteManifestAsync(dataset.Status!.Outputs!.Prefix!, DatasetStatusMapperTests.Manifest());
        env.Api.SetJobSucceeded(env.Namespace, jobName);
        // The Job's change enqueues the Dataset (a paused one is not polled); its reconcile stops at the annotation.
        await env.WaitForAsync(e => e.Reconciles.PausedSkips("Dataset", e.Namespace, "aquarium") > skips);

        Assert.DoesNotContain(env.RequestsFor("datasets", "aquarium"), r => r.IsWrite);
        Assert.Equal(DatasetPhases.Preparing, env.Dataset("aquarium")!.Status!.Phase);

        await env.EditDatasetAsync("aquarium", d => d.Metadata.Annotations.Remove(Annotations.PausedName));
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Ready);
    }

    [SkippableFact]
    public async Task JobFailed_SurfacesTheReasonAndThePodsMessage()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("aquarium"));
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);
        var jobName = Assert.Single(env.Jobs).Metadata.Name;
        env.Api.Put(FailedPod(env, jobName, "labels/train/img_42.txt:3: class id 9 is out of range (3 classes)"));
        env.Api.SetJobFailed(env.Namespace, jobName);
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Failed);

        var status = env.Dataset("aquarium")!.Status!;
        Assert.Contains("BackoffLimitExceeded", status.FailureReason);
        Assert.Contains("labels/train/img_42.txt:3", status.FailureReason);
        Assert.True(Conditions.IsTrue(status.Conditions, Conditions.Stalled));
        await env.WaitForAsync(e => e.Api.List("events", env.Namespace)
            .Any(ev => ev["type"]?.GetValue<string>() == "Warning" && ev["reason"]?.GetValue<string>() == DatasetPhases.JobFailedReason));
    }

    [SkippableFact]
    public async Task Apply_OutputOutsideThePolicy_IsInvalidSpecWithoutAJob()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        var policy = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(policy, $"""
            namespaces:
              vision:
                s3Prefixes: ["s3://{env.Bucket}/raw/"]
            """);
        try
        {
            env.StartOperator("--policy-file", policy);
            await env.ApplyAsync(env.NewDataset("aquarium"));
            await env.WaitForPhaseAsync("aquarium", DatasetPhases.Failed);

            var ready = Conditions.Get(env.Dataset("aquarium")!.Status!.Conditions, Conditions.Ready)!;
            Assert.Equal(DatasetPhases.InvalidSpecReason, ready.Reason);
            Assert.Contains("spec.output.s3.uri", ready.Message);
            Assert.Empty(env.Jobs);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [SkippableFact]
    public async Task Run_WithLeaderElection_TakesTheLeaseAndReconciles()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator("--lease-name", "detector-e2e");
        await env.ApplyAsync(env.NewDataset("aquarium"));
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);

        var lease = env.Api.Get<V1Lease>("leases", env.LeaseNamespace, "detector-e2e");
        Assert.False(string.IsNullOrEmpty(lease?.Spec?.HolderIdentity));
    }

    [SkippableFact]
    public async Task Apply_Parallelism2_RunsAnIndexedJobThenTheMergeJobThenIsReady()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("sharded", s => s with { Parallelism = 2 }));
        await env.WaitForPhaseAsync("sharded", DatasetPhases.Preparing);
        var shards = Assert.Single(env.Jobs);
        Assert.Equal(("Indexed", 2), (shards.Spec.CompletionMode, shards.Spec.Completions));

        env.Api.SetJobSucceeded(env.Namespace, shards.Metadata.Name);
        await env.WaitForAsync(e => e.Jobs.Count == 2);
        var merge = env.Jobs.Single(j => j.Metadata.Name != shards.Metadata.Name);
        Assert.Equal(["prepare", "merge"], merge.Spec.Template.Spec.Containers[0].Args.Take(2));

        await env.WriteManifestAsync(env.Dataset("sharded")!.Status!.Outputs!.Prefix!, DatasetStatusMapperTests.Manifest());
        env.Api.SetJobSucceeded(env.Namespace, merge.Metadata.Name);
        await env.WaitForPhaseAsync("sharded", DatasetPhases.Ready);
    }

    [SkippableFact]
    public async Task Edit_SpecThatChangesTheData_ReplacesTheJobAndThePrefix()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await env.ApplyAsync(env.NewDataset("aquarium"));
        await env.WaitForPhaseAsync("aquarium", DatasetPhases.Preparing);
        var before = env.Dataset("aquarium")!;
        var oldJob = Assert.Single(env.Jobs).Metadata.Name;

        await env.EditDatasetAsync("aquarium", d => d.Spec = d.Spec with { Preprocessing = d.Spec.Preprocessing with { ImageSize = 300 } });
        await env.WaitForAsync(e => e.Jobs is [var only] && only.Metadata.Name != oldJob && e.Dataset("aquarium")!.Status!.ObservedGeneration == 2);

        var after = env.Dataset("aquarium")!.Status!;
        Assert.NotEqual(before.Status!.Outputs!.Prefix, after.Outputs!.Prefix);
        Assert.Contains("--image-size", env.Jobs[0].Spec.Template.Spec.Containers[0].Args);
        Assert.Equal("300", env.Jobs[0].Spec.Template.Spec.Containers[0].Args.SkipWhile(a => a != "--image-size").ElementAt(1));
    }

    private static V1Pod FailedPod(OperatorEnvironment env, string jobName, string message) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = jobName + "-x7k2q",
            NamespaceProperty = env.Namespace,
            Labels = new Dictionary<string, string> { ["job-name"] = jobName, ["batch.kubernetes.io/job-name"] = jobName },
        },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = DatasetRequests.ContainerName, Image = "registry.example/detector:e2e" }] },
        Status = new V1PodStatus
        {
            Phase = "Failed",
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = DatasetRequests.ContainerName,
                    Image = "registry.example/detector:e2e",
                    ImageID = "",
                    Ready = false,
                    RestartCount = 0,
                    State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, Reason = "Error", Message = message } },
                },
            ],
        },
    };
}
