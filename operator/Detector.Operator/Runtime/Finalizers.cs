using Detector.Operator.Api.V1Alpha1;
using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>Adds and removes finalizers in metadata; each returns whether it changed anything, so callers write only then.</summary>
public static class Finalizers
{
    /// <summary>The finalizer every Detector kind uses for its cleanup.</summary>
    public const string Cleanup = ApiGroup.Name + "/cleanup";

    /// <summary>Whether the object carries <paramref name="finalizer"/>.</summary>
    public static bool Has(IKubernetesObject<V1ObjectMeta> obj, string finalizer) =>
        obj.Metadata.Finalizers?.Contains(finalizer) == true;

    /// <summary>Adds <paramref name="finalizer"/>; false when it was already there.</summary>
    public static bool Add(IKubernetesObject<V1ObjectMeta> obj, string finalizer)
    {
        if (Has(obj, finalizer))
            return false;
        obj.Metadata.Finalizers = [.. obj.Metadata.Finalizers ?? [], finalizer];
        return true;
    }

    /// <summary>Removes <paramref name="finalizer"/>; false when it was not there.</summary>
    public static bool Remove(IKubernetesObject<V1ObjectMeta> obj, string finalizer)
    {
        if (!Has(obj, finalizer))
            return false;
        obj.Metadata.Finalizers = [.. obj.Metadata.Finalizers!.Where(f => f != finalizer)];
        return true;
    }

    /// <summary>Extension form of <see cref="Has"/>.</summary>
    public static bool HasFinalizer(this IKubernetesObject<V1ObjectMeta> obj, string finalizer) => Has(obj, finalizer);

    /// <summary>Extension form of <see cref="Add"/>.</summary>
    public static bool AddFinalizer(this IKubernetesObject<V1ObjectMeta> obj, string finalizer) => Add(obj, finalizer);

    /// <summary>Extension form of <see cref="Remove"/>.</summary>
    public static bool RemoveFinalizer(this IKubernetesObject<V1ObjectMeta> obj, string finalizer) => Remove(obj, finalizer);
}
