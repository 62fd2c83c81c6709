using Detector.Operator.Runtime;
using k8s;
using k8s.Models;

namespace Detector.Operator.Kube;

/// <summary>
/// Read-only <see cref="IKubeStore{T}"/> of core/v1 Pods (the custom-objects API cannot address <c>/api/v1</c>). The
/// operator only reads the failed pods of a dataset Job for their termination message; it never writes pods, so the
/// chart grants pods get/list only.
/// </summary>
public sealed class CorePodStore(IKubernetes client) : IKubeStore<V1Pod>
{
    /// <inheritdoc />
    public async Task<V1Pod?> GetAsync(ObjectKey key, CancellationToken ct)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedPodAsync(key.Name, key.Namespace, cancellationToken: ct);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<V1Pod>> ListAsync(string? ns, string? labelSelector, CancellationToken ct)
    {
        var list = ns is null
            ? await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: labelSelector, cancellationToken: ct)
            : await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector, cancellationToken: ct);
        return [.. list.Items];
    }

    /// <inheritdoc />
    public Task<V1Pod> CreateAsync(V1Pod obj, CancellationToken ct) => throw ReadOnly();

    /// <inheritdoc />
    public Task<V1Pod> UpdateAsync(V1Pod obj, CancellationToken ct) => throw ReadOnly();

    /// <inheritdoc />
    public Task<V1Pod> UpdateStatusAsync(V1Pod obj, CancellationToken ct) => throw ReadOnly();

    /// <inheritdoc />
    public Task DeleteAsync(ObjectKey key, CancellationToken ct) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The operator only reads pods (RBAC grants get and list)");
}
