using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Tests.Datasets;

public sealed class DatasetReconcilerTests
{
    [Fact]
    public async Task Reconcile_NewDataset_AddsFinalizerCreatesOneJobAndSetsReconciling()
    {
        var h = new DatasetReconcilerHarness();
        var result = await h.ReconcileAsync();
        var job = Assert.Single(h.Jobs);
        Assert.Equal(DatasetNames.PrepareJob(h.Dataset, DatasetNames.SpecHash(h.Dataset)), job.Metadata.Name);
        Assert.Contains(DatasetNames.Finalizer, h.Dataset.Metadata.Finalizers);
        Assert.Equal(DatasetPhases.Preparing, h.Dataset.Status!.Phase);
        Assert.True(Conditions.IsTrue(h.Dataset.Status.Conditions, Conditions.Reconciling));
        Assert.Equal(ReconcileResult.After(DatasetReconcilerHarness.PollInterval), result);
        Assert.Contains(h.Events.All, e => e.Reason == "JobCreated");
    }

    [Fact]
    public async Task Reconcile_Twice_CreatesOneJobAndWritesStatusOnce()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        await h.ReconcileAsync();
        Assert.Single(h.Jobs);
        Assert.Equal(1, h.Kube.Writes<V1Job>(KubeOperation.Create));
        Assert.Equal(1, h.Kube.Writes<Dataset>(KubeOperation.UpdateStatus));
    }

    [Fact]
    public async Task Reconcile_CreateMeetsAlreadyExists_AdoptsTheJob()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        var jobs = new FirstGetMisses<V1Job>(h.Kube.Store<V1Job>());
        var reconciler = new DatasetReconciler(h.Kube.Store<Dataset>(),
            new DatasetJobTracker(jobs, h.Kube.Store<V1Pod>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DatasetJobTracker>.Instance),
            _ => h.Storage, h.Events, new DatasetReconcilerSettings { Jobs = DatasetSamples.JobSettings }, h.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DatasetReconciler>.Instance);
        await reconciler.ReconcileAsync(DatasetReconcilerHarness.Key, CancellationToken.None);
        Assert.Single(h.Jobs);
        Assert.Equal(DatasetPhases.Preparing, h.Dataset.Status!.Phase);
    }

    [Fact]
    public async Task Reconcile_JobSucceededWithManifest_IsReadyWithCounts()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        await h.SucceedAsync(h.Jobs[0].Metadata.Name);
        h.WriteManifest();
        var result = await h.ReconcileAsync();
        var status = h.Dataset.Status!;
        Assert.Equal(ReconcileResult.Done, result);
        Assert.Equal(DatasetPhases.Ready, status.Phase);
        Assert.Equal(190, status.Counts!.Images);
        Assert.Equal(h.Prefix + "train.rec", status.Outputs!.TrainRec);
        Assert.Contains(h.Events.All, e => e.Reason == DatasetPhases.Ready);
    }

    [Fact]
    public async Task Reconcile_JobSucceededWithoutManifest_FailsWithManifestMissing()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        await h.SucceedAsync(h.Jobs[0].Metadata.Name);
        await h.ReconcileAsync();
        Assert.Equal(DatasetPhases.Failed, h.Dataset.Status!.Phase);
        Assert.Equal(DatasetPhases.ManifestMissingReason, Conditions.Get(h.Dataset.Status.Conditions, Conditions.Ready)!.Reason);
        Assert.Contains(h.Events.All, e => e.Type == EventTypes.Warning && e.Reason == DatasetPhases.ManifestMissingReason);
    }

    [Fact]
    public async Task Reconcile_JobFailed_SurfacesThePodsTerminationMessage()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        var jobName = h.Jobs[0].Metadata.Name;
        h.Kube.Seed(FailedPod(jobName, "labels/train/img_7.txt:2: class id 12 is out of range"));
        await h.FailAsync(jobName);
        var result = await h.ReconcileAsync();
        Assert.Equal(ReconcileResult.Done, result);
        Assert.Equal(DatasetPhases.Failed, h.Dataset.Status!.Phase);
        Assert.Contains("labels/train/img_7.txt:2", h.Dataset.Status.FailureReason);
        Assert.True(Conditions.IsTrue(h.Dataset.Status.Conditions, Conditions.Stalled));
        Assert.Contains(h.Events.All, e => e.Type == EventTypes.Warning && e.Message.Contains("img_7.txt"));
    }

    [Fact]
    public async Task Reconcile_JobFailedAndRetryRequested_ReplacesTheJobOncePerRequest()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        var jobName = h.Jobs[0].Metadata.Name;
        await h.FailAsync(jobName);
        await h.ReconcileAsync();
        await h.ReconcileAsync();
        Assert.Equal(DatasetPhases.Failed, h.Dataset.Status!.Phase);
        Assert.Equal(1, h.Kube.Writes<V1Job>(KubeOperation.Create));

        await h.EditAsync(d => d.SetAnnotation(Annotations.ReconcileRequestedAtName, "2026-11-26T10:00:00Z"));
        await h.ReconcileAsync();
        Assert.Empty(h.Jobs);
        Assert.Contains(h.Events.All, e => e.Reason == "RetryRequested");
        await h.ReconcileAsync();
        var retried = Assert.Single(h.Jobs);
        Assert.Equal(jobName, retried.Metadata.Name);
        Assert.Equal("2026-11-26T10:00:00Z", retried.Metadata.Annotations[Annotations.ReconcileRequestedAtName]);
        Assert.Equal(DatasetPhases.Preparing, h.Dataset.Status!.Phase);

        await h.FailAsync(jobName);
        await h.ReconcileAsync();
        await h.ReconcileAsync();
        Assert.Single(h.Jobs);
        Assert.Equal(2, h.Kube.Writes<V1Job>(KubeOperation.Create));
        Assert.Equal(DatasetPhases.Failed, h.Dataset.Status!.Phase);
    }

    [Theory]
    [InlineData(JobState.Failed, null, null, false)]
    [InlineData(JobState.Failed, "t1", null, true)]
    [InlineData(JobState.Failed, "t1", "t1", false)]
    [InlineData(JobState.Failed, "t2", "t1", true)]
    [InlineData(JobState.Active, "t2", "t1", false)]
    [InlineData(JobState.Succeeded, "t2", "t1", false)]
    public void RetryRequested_JobStateAndTokens_RetriesOnlyAFailedJobOnANewRequest(JobState state, string? requested, string? jobToken, bool retry) =>
        Assert.Equal(retry, JobObservation.RetryRequested(new JobObservation("j", JobStage.Prepare, state, RequestedAt: jobToken), requested));

    [Fact]
    public async Task Reconcile_Paused_WritesNothing()
    {
        var dataset = DatasetSamples.Dataset();
        dataset.Metadata.Annotations = new Dictionary<string, string> { [Annotations.PausedName] = "true" };
        var h = new DatasetReconcilerHarness(dataset);
        var result = await h.ReconcileAsync();
        Assert.Equal(ReconcileResult.Done, result);
        Assert.Empty(h.Jobs);
        Assert.Null(h.Dataset.Status);
        Assert.Null(h.Dataset.Metadata.Finalizers);
        Assert.Equal(0, h.Kube.Writes<Dataset>(KubeOperation.Update) + h.Kube.Writes<Dataset>(KubeOperation.UpdateStatus));
    }

    [Fact]
    public async Task Reconcile_InvalidSpec_StallsWithTheFieldAndCreatesNoJob()
    {
        var h = new DatasetReconcilerHarness(admit: _ => [new FieldError("spec.output.s3.uri", "s3://other/ is not allowed in namespace vision")]);
        var result = await h.ReconcileAsync();
        Assert.Equal(ReconcileResult.Done, result);
        Assert.Empty(h.Jobs);
        var ready = Conditions.Get(h.Dataset.Status!.Conditions, Conditions.Ready)!;
        Assert.Equal(("False", DatasetPhases.InvalidSpecReason), (ready.Status, ready.Reason));
        Assert.Contains("spec.output.s3.uri", ready.Message);
        Assert.True(Conditions.IsTrue(h.Dataset.Status.Conditions, Conditions.Stalled));
        Assert.Contains(h.Events.All, e => e.Type == EventTypes.Warning && e.Reason == DatasetPhases.InvalidSpecReason);
    }

    [Fact]
    public async Task Reconcile_SpecChanged_DeletesOldJobCreatesNewOneAndKeepsOldData()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        var oldJob = h.Jobs[0].Metadata.Name;
        var oldPrefix = h.Prefix;
        h.Storage.Put(oldPrefix + "train.rec", [1, 2, 3]);
        await h.EditAsync(d => d.Spec = d.Spec with { Preprocessing = d.Spec.Preprocessing with { ImageSize = 300 } });
        await h.ReconcileAsync();
        var job = Assert.Single(h.Jobs);
        Assert.NotEqual(oldJob, job.Metadata.Name);
        Assert.NotEqual(oldPrefix, h.Prefix);
        Assert.Contains(oldPrefix + "train.rec", h.Storage.Keys);
        Assert.Equal(DatasetNames.SpecHash(h.Dataset), h.Dataset.Status!.SpecHash);
        Assert.Equal(2, h.Dataset.Status.ObservedGeneration);
    }

    [Fact]
    public async Task Reconcile_ServiceAccountChanged_KeepsTheJob()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        var job = h.Jobs[0].Metadata.Name;
        await h.EditAsync(d => d.Spec = d.Spec with { ServiceAccountName = "other" });
        await h.ReconcileAsync();
        Assert.Equal(job, Assert.Single(h.Jobs).Metadata.Name);
    }

    [Fact]
    public async Task Reconcile_Deleted_DeletesJobThenRemovesFinalizer()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        await h.Kube.Store<Dataset>().DeleteAsync(DatasetReconcilerHarness.Key, CancellationToken.None);
        Assert.NotNull(h.Dataset.Metadata.DeletionTimestamp);
        await h.ReconcileAsync();
        Assert.Empty(h.Jobs);
        Assert.Null(h.Kube.Get<Dataset>(DatasetReconcilerHarness.Key));
    }

    [Fact]
    public async Task Reconcile_DeletedWhileJobAlreadyGone_StillFinishes()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        await h.Kube.Store<V1Job>().DeleteAsync(ObjectKey.Of(h.Jobs[0]), CancellationToken.None);
        await h.Kube.Store<Dataset>().DeleteAsync(DatasetReconcilerHarness.Key, CancellationToken.None);
        await h.ReconcileAsync();
        Assert.Null(h.Kube.Get<Dataset>(DatasetReconcilerHarness.Key));
    }

    [Theory]
    [InlineData(DataDeletionPolicy.Retain, true)]
    [InlineData(DataDeletionPolicy.Delete, false)]
    public async Task Reconcile_DeletedWithPolicy_KeepsOrDeletesTheData(string policy, bool kept)
    {
        var h = new DatasetReconcilerHarness(DatasetSamples.Dataset(s => s with { DeletionPolicy = policy }));
        await h.ReconcileAsync();
        h.WriteManifest();
        var manifest = DatasetNames.ManifestUri(h.Prefix);
        await h.Kube.Store<Dataset>().DeleteAsync(DatasetReconcilerHarness.Key, CancellationToken.None);
        await h.ReconcileAsync();
        Assert.Equal(kept, h.Storage.Keys.Contains(manifest));
        Assert.Null(h.Kube.Get<Dataset>(DatasetReconcilerHarness.Key));
    }

    [Fact]
    public async Task Reconcile_DeletedAndPaused_KeepsTheFinalizer()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        await h.EditAsync(d => d.Metadata.Annotations = new Dictionary<string, string> { [Annotations.PausedName] = "true" });
        await h.Kube.Store<Dataset>().DeleteAsync(DatasetReconcilerHarness.Key, CancellationToken.None);
        await h.ReconcileAsync();
        Assert.Single(h.Jobs);
        Assert.Contains(DatasetNames.Finalizer, h.Dataset.Metadata.Finalizers);
    }

    [Fact]
    public async Task Reconcile_ManifestAlreadyThereAndNoJob_IsReadyWithoutAJob()
    {
        var h = new DatasetReconcilerHarness();
        h.WriteManifest();
        await h.ReconcileAsync();
        Assert.Empty(h.Jobs);
        Assert.Equal(DatasetPhases.Ready, h.Dataset.Status!.Phase);
    }

    [Fact]
    public async Task Reconcile_Sharded_RunsIndexedJobThenMergeJobThenReady()
    {
        var h = new DatasetReconcilerHarness(DatasetSamples.Dataset(s => s with { Parallelism = 3 }));
        await h.ReconcileAsync();
        var shards = Assert.Single(h.Jobs);
        Assert.Equal("Indexed", shards.Spec.CompletionMode);
        await h.SucceedAsync(shards.Metadata.Name);
        await h.ReconcileAsync();
        Assert.Equal(2, h.Jobs.Count);
        var merge = h.Jobs.Single(j => j.Metadata.Name != shards.Metadata.Name);
        Assert.Equal(["prepare", "merge"], merge.Spec.Template.Spec.Containers[0].Args.Take(2));
        Assert.Equal(DatasetPhases.MergingReason, Conditions.Get(h.Dataset.Status!.Conditions, Conditions.Reconciling)!.Reason);
        await h.SucceedAsync(merge.Metadata.Name);
        h.WriteManifest();
        await h.ReconcileAsync();
        Assert.Equal(DatasetPhases.Ready, h.Dataset.Status!.Phase);
    }

    [Fact]
    public async Task Reconcile_Gone_IsDone()
    {
        var h = new DatasetReconcilerHarness();
        var result = await h.Reconciler.ReconcileAsync(new ObjectKey("vision", "missing"), CancellationToken.None);
        Assert.Equal(ReconcileResult.Done, result);
    }

    [Fact]
    public async Task Reconcile_JobCreateFailsTransiently_ThrowsForBackoff()
    {
        var h = new DatasetReconcilerHarness();
        h.Kube.FailNext<V1Job>(KubeOperation.Create);
        await Assert.ThrowsAsync<HttpRequestException>(h.ReconcileAsync);
        await h.ReconcileAsync();
        Assert.Single(h.Jobs);
    }

    private static V1Pod FailedPod(string jobName, string message) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = jobName + "-abcde",
            NamespaceProperty = DatasetSamples.Namespace,
            Labels = new Dictionary<string, string> { [DatasetJobTracker.JobNameLabel] = jobName },
        },
        Status = new V1PodStatus
        {
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = DatasetRequests.ContainerName,
                    State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, Message = message } },
                },
            ],
        },
    };

    /// <summary>Hides objects from the first Get, as when a create's answer was lost: the next create meets 409.</summary>
    private sealed class FirstGetMisses<T>(IKubeStore<T> inner) : IKubeStore<T> where T : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        private int _gets;

        public async Task<T?> GetAsync(ObjectKey key, CancellationToken ct) =>
            Interlocked.Increment(ref _gets) == 1 ? null : await inner.GetAsync(key, ct);

        public Task<IReadOnlyList<T>> ListAsync(string? ns, string? labelSelector, CancellationToken ct) => inner.ListAsync(ns, labelSelector, ct);

        public Task<T> CreateAsync(T obj, CancellationToken ct) => inner.CreateAsync(obj, ct);

        public Task<T> UpdateAsync(T obj, CancellationToken ct) => inner.UpdateAsync(obj, ct);

        public Task<T> UpdateStatusAsync(T obj, CancellationToken ct) => inner.UpdateStatusAsync(obj, ct);

        public Task DeleteAsync(ObjectKey key, CancellationToken ct) => inner.DeleteAsync(key, ct);
    }
}
