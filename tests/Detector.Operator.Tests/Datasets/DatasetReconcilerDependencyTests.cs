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
