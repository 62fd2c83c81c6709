using k8s;
using k8s.Models;
using Detector.Operator.Runtime;

namespace Detector.Operator.Kube;

/// <summary>
/// The operator's port to the Kubernetes API for one kind. Writes carry the object's resourceVersion, so a stale
/// write fails with <see cref="KubeConflictException"/> (409) instead of overwriting somebody else's change.
/// </summary>
public interface IKubeStore<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Reads one object; null when it does not exist.</summary>
    Task<T?> GetAsync(ObjectKey key, CancellationToken ct);

    /// <summary>Lists objects in a namespace (all namespaces when null), optionally filtered by a label selector.</summary>
    Task<IReadOnlyList<T>> ListAsync(string? ns, string? labelSelector, CancellationToken ct);

    /// <summary>Creates an object; throws <see cref="KubeConflictException"/> when the name is taken.</summary>
    Task<T> CreateAsync(T obj, CancellationToken ct);

    /// <summary>Replaces metadata and spec (PUT); status is ignored by the server when a status subresource exists.</summary>
    Task<T> UpdateAsync(T obj, CancellationToken ct);

    /// <summary>
    /// Writes only <c>metadata.finalizers</c> of <paramref name="obj"/>, never its spec: what the C# types make of a
    /// spec on a round trip (a defaulted empty list) is not what the user applied, and a PUT of it would bump
    /// <c>generation</c>. Stores of kinds the operator never finalizes may keep this default (a replace).
    /// </summary>
    Task<T> UpdateFinalizersAsync(T obj, CancellationToken ct) => UpdateAsync(obj, ct);

    /// <summary>Replaces the status through the status subresource.</summary>
    Task<T> UpdateStatusAsync(T obj, CancellationToken ct);

    /// <summary>Deletes an object; a missing object is not an error. Background propagation removes dependents.</summary>
    Task DeleteAsync(ObjectKey key, CancellationToken ct);
}

/// <summary>The API server answered 409 Conflict: stale resourceVersion, or the name already exists.</summary>
public sealed class KubeConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The API server answered 404 Not Found to a write (reads return null and deletes succeed instead).</summary>
public sealed class KubeNotFoundException(string message, Exception? inner = null) : Exception(message, inner);
