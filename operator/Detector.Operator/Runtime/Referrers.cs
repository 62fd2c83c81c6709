using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// Pure: which cached objects refer by name to an object that just changed, for <see cref="Controller{T}.Watches{TOther}"/>.
/// References never cross namespaces (the API refuses them), so only the changed object's namespace is searched.
/// </summary>
public static class Referrers
{
    /// <summary>The keys of the <paramref name="candidates"/> in <paramref name="changed"/>'s namespace whose reference names it.</summary>
    public static IEnumerable<ObjectKey> Of<T>(IKubernetesObject<V1ObjectMeta> changed, IEnumerable<T> candidates, Func<T, string?> reference)
        where T : IKubernetesObject<V1ObjectMeta> =>
        candidates
            .Where(c => c.Metadata.NamespaceProperty == changed.Metadata.NamespaceProperty && reference(c) == changed.Metadata.Name)
            .Select(c => ObjectKey.Of(c));
}
