using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>Identifies a namespaced object: the unit of work of a controller.</summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    /// <summary>The key of an object.</summary>
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> obj) => new(obj.Metadata.NamespaceProperty ?? "", obj.Metadata.Name);

    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Name}";
}
