using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Tests.Runtime;

public sealed class EnqueueFilterTests
{
    public enum Change { StatusOnly, Generation, DeletionStarted, RequestedAt, Paused, Label, Finalizer, ResourceVersionOnly }

    [Theory]
    [InlineData(Change.StatusOnly, false)]
    [InlineData(Change.ResourceVersionOnly, false)]
    [InlineData(Change.Label, false)]
    [InlineData(Change.Finalizer, false)]
    [InlineData(Change.Generation, true)]
    [InlineData(Change.DeletionStarted, true)]
    [InlineData(Change.RequestedAt, true)]
    [InlineData(Change.Paused, true)]
    public void ShouldEnqueue_Update_OnlyForMeaningfulChanges(Change change, bool enqueue)
    {
        var old = Object();
        var now = Object();
        now.Metadata.ResourceVersion = "2";
        switch (change)
        {
            case Change.StatusOnly: now.Status = new DatasetStatus { Phase = "Ready" }; break;
            case Change.Generation: now.Metadata.Generation = 2; break;
            case Change.DeletionStarted: now.Metadata.DeletionTimestamp = DateTime.UtcNow; break;
            case Change.RequestedAt: now.Metadata.Annotations![Annotations.ReconcileRequestedAtName] = "later"; break;
            case Change.Paused: now.Metadata.Annotations![Annotations.PausedName] = "true"; break;
            case Change.Label: now.Metadata.Labels = new Dictionary<string, string> { ["x"] = "y" }; break;
            case Change.Finalizer: now.Metadata.Finalizers = [Finalizers.Cleanup]; break;
        }
        Assert.Equal(enqueue, EnqueueFilter.ShouldEnqueue(new InformerEvent<Dataset>(InformerEventType.Updated, old, now)));
    }

    [Theory]
    [InlineData(InformerEventType.Added)]
    [InlineData(InformerEventType.Deleted)]
    public void ShouldEnqueue_AddOrDelete_Always(InformerEventType type)
    {
        var obj = Object();
        var evt = type == InformerEventType.Added ? new InformerEvent<Dataset>(type, null, obj) : new InformerEvent<Dataset>(type, obj, null);
        Assert.True(EnqueueFilter.ShouldEnqueue(evt));
    }

    [Theory]
    [InlineData("detector.dev/v1alpha1", "Dataset", true, "aquarium")]
    [InlineData("detector.dev/v1alpha1", "Dataset", false, null)]
    [InlineData("detector.dev/v1alpha1", "TrainingRun", true, null)]
    [InlineData("other.io/v1", "Dataset", true, null)]
    public void OwnerKey_MatchesControllerOwnerOfKind(string apiVersion, string kind, bool controller, string? owner)
    {
        var job = new V1Job
        {
            Metadata = new V1ObjectMeta
            {
                Name = "aquarium-prepare-1234", NamespaceProperty = "ml",
                OwnerReferences = [new V1OwnerReference { ApiVersion = apiVersion, Kind = kind, Name = "aquarium", Uid = "u", Controller = controller }],
            },
        };
        var key = EnqueueFilter.OwnerKey(job, "Dataset", ApiGroup.Name);
        Assert.Equal(owner is null ? null : new ObjectKey("ml", owner), key);
    }

    private static Dataset Object()
    {
        var ds = KubeSamples.Dataset();
        ds.Metadata.Generation = 1;
        ds.Metadata.ResourceVersion = "1";
        ds.Metadata.Annotations = new Dictionary<string, string> { [Annotations.ReconcileRequestedAtName] = "first" };
        return ds;
    }
}
