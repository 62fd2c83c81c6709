using Detector.Operator.Kube;
using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>Shows a failed reconcile on the object itself: its status conditions and a Warning Event.</summary>
public interface IFailureReporter<T>
{
    /// <summary>Writes <paramref name="failure"/> onto the object with this key (nothing when it is gone or paused).</summary>
    Task ReportAsync(ObjectKey key, ReconcileFailure failure, CancellationToken ct);
}

/// <summary>Creates the failure reporter of each registered kind, so every controller gets one without asking.</summary>
public interface IFailureReporterFactory
{
    /// <summary>A reporter for objects of <paramref name="resource"/>.</summary>
    IFailureReporter<T> Create<T>(KubeResource resource) where T : class, IKubernetesObject<V1ObjectMeta>;
}
