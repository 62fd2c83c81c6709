using Detector.Operator.Api.V1Alpha1;
using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>The annotations users set on Detector objects to steer the operator.</summary>
public static class Annotations
{
    /// <summary>Annotation name: any new value forces a reconcile (<c>kubectl annotate ... detector.dev/reconcile-requested-at="$(date)" --overwrite</c>).</summary>
    public const string ReconcileRequestedAtName = ApiGroup.Name + "/reconcile-requested-at";

    /// <summary>Annotation name: <c>"true"</c> stops all actions on the object until removed or set to anything else.</summary>
    public const string PausedName = ApiGroup.Name + "/paused";

    /// <summary>Whether the object carries <c>detector.dev/paused: "true"</c> (case-insensitive).</summary>
    public static bool IsPaused(IKubernetesObject<V1ObjectMeta> obj) =>
        string.Equals(obj.GetAnnotation(PausedName)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of <c>detector.dev/reconcile-requested-at</c>, or null.</summary>
    public static string? ReconcileRequestedAt(IKubernetesObject<V1ObjectMeta> obj) => obj.GetAnnotation(ReconcileRequestedAtName);
}
