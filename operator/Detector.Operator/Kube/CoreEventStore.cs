using k8s;
using k8s.Models;
using Detector.Operator.Runtime;

namespace Detector.Operator.Kube;

/// <summary><see cref="IKubeStore{T}"/> of core/v1 Events through the typed CoreV1 API (the custom-objects API cannot address <c>/api/v1</c>).</summary>
public sealed class CoreEventStore(IKubernetes client) : IKubeStore<Corev1Event>
{
    /// <inheritdoc />
    public async Task<Corev1Event?> GetAsync(ObjectKey key, CancellationToken ct)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedEventAsync(key.Name, key.Namespace, cancellationToken: ct);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Corev1Event>> ListAsync(string? ns, string? labelSelector, CancellationToken ct)
    {
        var list = ns is null
            ? await client.CoreV1.ListEventForAllNamespacesAsync(labelSelector: labelSelector, cancellationToken: ct)
            : await client.CoreV1.ListNamespacedEventAsync(ns, labelSelector: labelSelector, cancellationToken: ct);
        return [.. list.Items];
    }

    /// <inheritdoc />
    public Task<Corev1Event> CreateAsync(Corev1Event obj, CancellationToken ct) => KubeErrors.TranslateAsync(
        () => client.CoreV1.CreateNamespacedEventAsync(obj, obj.Metadata.NamespaceProperty, fieldManager: FieldManager.Operator, cancellationToken: ct),
        $"event {obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}");

    /// <inheritdoc />
    public Task<Corev1Event> UpdateAsync(Corev1Event obj, CancellationToken ct) => KubeErrors.TranslateAsync(
        () => client.CoreV1.ReplaceNamespacedEventAsync(obj, obj.Metadata.Name, obj.Metadata.NamespaceProperty, fieldManager: FieldManager.Operator,
            cancellationToken: ct),
        $"event {obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}");

    /// <summary>Events have no status subresource.</summary>
    public Task<Corev1Event> UpdateStatusAsync(Corev1Event obj, CancellationToken ct) =>
        throw new NotSupportedException("core/v1 Events have no status subresource");

    /// <inheritdoc />
    public async Task DeleteAsync(ObjectKey key, CancellationToken ct)
    {
        try
        {
            await client.CoreV1.DeleteNamespacedEventAsync(key.Name, key.Namespace, cancellationToken: ct);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            // Already gone.
        }
    }
}
