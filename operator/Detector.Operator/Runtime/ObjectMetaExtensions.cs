using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>Small null-safe readers and writers of object metadata.</summary>
public static class ObjectMetaExtensions
{
    /// <summary>The annotation value, or null when absent.</summary>
    public static string? GetAnnotation(this IKubernetesObject<V1ObjectMeta> obj, string name) =>
        obj.Metadata?.Annotations is { } annotations && annotations.TryGetValue(name, out var value) ? value : null;

    /// <summary>The label value, or null when absent.</summary>
    public static string? GetLabel(this IKubernetesObject<V1ObjectMeta> obj, string name) =>
        obj.Metadata?.Labels is { } labels && labels.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether deletion has begun (deletionTimestamp set).</summary>
    public static bool IsBeingDeleted(this IKubernetesObject<V1ObjectMeta> obj) => obj.Metadata?.DeletionTimestamp is not null;

    /// <summary>The key (namespace/name) of the object.</summary>
    public static ObjectKey Key(this IKubernetesObject<V1ObjectMeta> obj) => ObjectKey.Of(obj);

    /// <summary>
    /// An owner reference that makes <paramref name="owner"/> the controller of a dependent (garbage collection on
    /// delete, and our owned-object watch maps the dependent's events back to the owner).
    /// </summary>
    public static V1OwnerReference ControllerReference(this IKubernetesObject<V1ObjectMeta> owner) => new()
    {
        ApiVersion = owner.ApiVersion,
        Kind = owner.Kind,
        Name = owner.Metadata.Name,
        Uid = owner.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>The controller owner reference (controller=true), or null.</summary>
    public static V1OwnerReference? ControllerOwner(this IKubernetesObject<V1ObjectMeta> obj) =>
        obj.Metadata?.OwnerReferences?.FirstOrDefault(r => r.Controller == true);
}
