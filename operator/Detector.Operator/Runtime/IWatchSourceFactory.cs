using Detector.Operator.Kube;
using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>Creates list+watch sources for a resource in one namespace (null: all namespaces).</summary>
public interface IWatchSourceFactory
{
    /// <summary>A source for <paramref name="resource"/> in <paramref name="ns"/> (all namespaces when null).</summary>
    IWatchSource<T> Create<T>(KubeResource resource, string? ns) where T : class, IKubernetesObject<V1ObjectMeta>;
}
