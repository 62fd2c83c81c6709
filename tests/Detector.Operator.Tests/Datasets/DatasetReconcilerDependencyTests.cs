using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Tests.Datasets;

/// <summary>What a real cluster needs before a Job's pods run, surfaced on the Dataset instead of a Job that never starts.</summary>
public sealed class DatasetReconcilerDependencyTests
{
    [Fact]
    public async Task Reconcile_ServiceAccountMissing_CreatesNoJobAndSaysWhichToCreate()
    {
        var h = new DatasetReconcilerHarness(DatasetSamples.Dataset(s => s with { ServiceAccountName = "detector-datasets" }));

        var result = await h.ReconcileAsync();

        Assert.Empty(h.Jobs);
        var status = h.Dataset.Status!;
        Assert.Equal(DatasetPhases.Pending, status.Phase);
        var ready = Conditions.Get(status.Conditions, Conditions.Ready)!;
        Assert.Equal(("False", DatasetPhases.ServiceAccountNotFoundReason), (ready.Status, ready.Reason));
        Assert.Contains("ServiceAccount detector-datasets does not exist in namespace vision", ready.Message);
        Assert.Contains(h.Events.All, e => e.Type == EventTypes.Warning && e.Reason == DatasetPhases.ServiceAccountNotFoundReason);
        Assert.Equal(ReconcileResult.After(DatasetReconcilerHarness.PollInterval), result);
    }

    [Fact]
    public async Task Reconcile_ServiceAccountCreatedLater_CreatesTheJob()
    {
        var h = new DatasetReconcilerHarness(DatasetSamples.Dataset(s => s with { ServiceAccountName = "detector-datasets" }));
        await h.ReconcileAsync();
        h.Kube.Seed(DatasetSamples.ServiceAccount("detector-datasets"));

        await h.ReconcileAsync();

        Assert.Equal("detector-datasets", Assert.Single(h.Jobs).Spec.Template.Spec.ServiceAccountName);
        Assert.Equal(DatasetPhases.Preparing, h.Dataset.Status!.Phase);
    }

    [Fact]
    public async Task Reconcile_PodWaitingOnAMissingSecret_ShowsTheKubeletsMessage()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        var job = Assert.Single(h.Jobs);
        h.Kube.Seed(WaitingPod(job.Metadata.Name, "CreateContainerConfigError", "secret \"kaggle-credentials\" not found"));

        await h.ReconcileAsync();

        var ready = Conditions.Get(h.Dataset.Status!.Conditions, Conditions.Ready)!;
        Assert.Equal(DatasetPhases.PodNotStartingReason, ready.Reason);
        Assert.Contains("CreateContainerConfigError: secret \"kaggle-credentials\" not found", ready.Message);
        Assert.Equal(DatasetPhases.Preparing, h.Dataset.Status!.Phase);
        Assert.Contains(h.Events.All, e => e.Type == EventTypes.Warning && e.Reason == DatasetPhases.PodNotStartingReason);
    }

    [Theory]
    [InlineData(null, null, null, true)]       // nothing counted yet: look
    [InlineData(1, 0, null, true)]             // active, not ready: look
    [InlineData(1, 0, 0, true)]
    [InlineData(1, 1, null, false)]            // the one pod runs: no list per poll
    [InlineData(4, 3, null, true)]             // a shard's pod not ready
    [InlineData(4, 4, null, false)]
    [InlineData(0, 0, 1, false)]               // one shard succeeded: pods do start
    public void PodsMayBeStuck_OnlyWhileAnActivePodIsNotReady(int? active, int? ready, int? succeeded, bool expected) =>
        Assert.Equal(expected, JobObservation.PodsMayBeStuck(new V1Job { Status = new V1JobStatus { Active = active, Ready = ready, Succeeded = succeeded } }));

    [Fact]
    public async Task Reconcile_JobPodReady_DoesNotLookForStuckPods()
    {
        var h = new DatasetReconcilerHarness();
        await h.ReconcileAsync();
        var job = Assert.Single(h.Jobs);
        // A stale waiting pod the pod list would find: with the Job's pod Ready, nobody lists it.
        h.Kube.Seed(WaitingPod(job.Metadata.Name, "CreateContainerConfigError", "secret \"kaggle-credentials\" not found"));
        job.Status = new V1JobStatus { Active = 1, Ready = 1 };
        await h.Kube.Store<V1Job>().UpdateStatusAsync(job, default);

        await h.ReconcileAsync();

        Assert.NotEqual(DatasetPhases.PodNotStartingReason, Conditions.Get(h.Dataset.Status!.Conditions, Conditions.Ready)!.Reason);
    }

    [Fact]
    public void StuckPod_ContainerCreatingIsNotStuck() =>
        Assert.Null(JobObservation.StuckPod([WaitingPod("j", "ContainerCreating", "")], DatasetJobTracker.StuckWaitingReasons));

    private static V1Pod WaitingPod(string jobName, string reason, string message) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = jobName + "-x7k2q",
            NamespaceProperty = DatasetSamples.Namespace,
            Labels = new Dictionary<string, string> { [DatasetJobTracker.JobNameLabel] = jobName },
        },
        Status = new V1PodStatus
        {
            Phase = "Pending",
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = DatasetRequests.ContainerName,
                    State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason, Message = message } },
                },
            ],
        },
    };
}
