using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// Decides which watch events of a primary object are worth a reconcile. Our own status writes come back as watch
/// events that change neither generation nor the annotations we react to, so they never trigger another reconcile.
/// </summary>
public static class EnqueueFilter
{
    /// <summary>Whether this change of a primary object should enqueue its key.</summary>
    public static bool ShouldEnqueue<T>(InformerEvent<T> evt) where T : class, IKubernetesObject<V1ObjectMeta> =>
        evt.Type switch
        {
            InformerEventType.Added or InformerEventType.Deleted => true,
            _ => evt.Old is null || evt.New is null || HasMeaningfulChange(evt.Old, evt.New),
        };

    /// <summary>Generation moved, deletion began, or a steering annotation changed.</summary>
    public static bool HasMeaningfulChange(IKubernetesObject<V1ObjectMeta> old, IKubernetesObject<V1ObjectMeta> now) =>
        old.Metadata.Generation != now.Metadata.Generation
        || (old.Metadata.DeletionTimestamp is null && now.Metadata.DeletionTimestamp is not null)
        || Annotations.ReconcileRequestedAt(old) != Annotations.ReconcileRequestedAt(now)
        || old.GetAnnotation(Annotations.PausedName) != now.GetAnnotation(Annotations.PausedName);

    /// <summary>
    /// The key of the controlling owner of <paramref name="owned"/> when that owner is of <paramref name="ownerKind"/>
    /// in <paramref name="ownerApiGroup"/> (ownerReferences entry with controller=true); null otherwise.
    /// </summary>
    public static ObjectKey? OwnerKey(IKubernetesObject<V1ObjectMeta> owned, string ownerKind, string ownerApiGroup)
    {
        var owner = owned.ControllerOwner();
        if (owner is null || owner.Kind != ownerKind || GroupOf(owner.ApiVersion) != ownerApiGroup)
            return null;
        return new ObjectKey(owned.Metadata.NamespaceProperty ?? "", owner.Name);
    }

    private static string GroupOf(string? apiVersion) =>
        apiVersion is null ? "" : apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
}
