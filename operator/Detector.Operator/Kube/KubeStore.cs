using k8s;
using k8s.Models;
using Detector.Operator.Runtime;

namespace Detector.Operator.Kube;

/// <summary>
/// <see cref="IKubeStore{T}"/> over KubernetesClient's custom-objects API, which addresses any resource of a named
/// group (<c>/apis/{group}/{version}/...</c>): our five kinds, batch/v1 Jobs, coordination.k8s.io Leases. Core
/// (<c>/api/v1</c>) resources have their own typed adapters (<see cref="CoreEventStore"/>).
/// </summary>
public sealed class KubeStore<T> : IKubeStore<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IKubernetes _client;
    private readonly KubeResource _resource;

    /// <summary>A store of <paramref name="resource"/> (a non-core group) through <paramref name="client"/>.</summary>
    public KubeStore(IKubernetes client, KubeResource resource)
    {
        if (resource.IsCore)
            throw new ArgumentException($"{resource} is a core resource; the custom-objects API cannot address it", nameof(resource));
        _client = client;
        _resource = resource;
    }

    /// <inheritdoc />
    public async Task<T?> GetAsync(ObjectKey key, CancellationToken ct)
    {
        try
        {
            using var response = await _client.CustomObjects.GetNamespacedCustomObjectWithHttpMessagesAsync<T>(
                _resource.Group, _resource.Version, key.Namespace, _resource.Plural, key.Name, cancellationToken: ct);
            return response.Body;
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<T>> ListAsync(string? ns, string? labelSelector, CancellationToken ct)
    {
        var list = await ListWithVersionAsync(ns, labelSelector, ct);
        return list.Items;
    }

    /// <summary>Lists and returns the list's resourceVersion too (the informer watches from it).</summary>
    public async Task<KubeList<T>> ListWithVersionAsync(string? ns, string? labelSelector, CancellationToken ct)
    {
        using var response = ns is null
            ? await _client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<KubeList<T>>(
                _resource.Group, _resource.Version, _resource.Plural, labelSelector: labelSelector, cancellationToken: ct)
            : await _client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<KubeList<T>>(
                _resource.Group, _resource.Version, ns, _resource.Plural, labelSelector: labelSelector, cancellationToken: ct);
        return response.Body;
    }

    /// <inheritdoc />
    public Task<T> CreateAsync(T obj, CancellationToken ct) => KubeErrors.TranslateAsync(async () =>
    {
        Stamp(obj);
        using var response = await _client.CustomObjects.CreateNamespacedCustomObjectWithHttpMessagesAsync<T>(
            obj, _resource.Group, _resource.Version, Namespace(obj), _resource.Plural, fieldManager: FieldManager.Operator, cancellationToken: ct);
        return response.Body;
    }, Describe(obj));

    /// <inheritdoc />
    public Task<T> UpdateAsync(T obj, CancellationToken ct) => KubeErrors.TranslateAsync(async () =>
    {
        Stamp(obj);
        using var response = await _client.CustomObjects.ReplaceNamespacedCustomObjectWithHttpMessagesAsync<T>(
            obj, _resource.Group, _resource.Version, Namespace(obj), _resource.Plural, obj.Metadata.Name, fieldManager: FieldManager.Operator,
            cancellationToken: ct);
        return response.Body;
    }, Describe(obj));

    /// <summary>
    /// A JSON merge patch of <c>metadata.finalizers</c> carrying the object's <c>resourceVersion</c>, so a concurrent
    /// change answers 409 as a replace would (controller-runtime's MergeFromWithOptimisticLock).
    /// </summary>
    public Task<T> UpdateFinalizersAsync(T obj, CancellationToken ct) => KubeErrors.TranslateAsync(async () =>
    {
        var patch = new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject
            {
                ["resourceVersion"] = obj.Metadata.ResourceVersion,
                ["finalizers"] = new System.Text.Json.Nodes.JsonArray([.. (obj.Metadata.Finalizers ?? []).Select(f => (System.Text.Json.Nodes.JsonNode?)f)]),
            },
        };
        using var response = await _client.CustomObjects.PatchNamespacedCustomObjectWithHttpMessagesAsync<T>(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), _resource.Group, _resource.Version, Namespace(obj), _resource.Plural,
            obj.Metadata.Name, fieldManager: FieldManager.Operator, cancellationToken: ct);
        return response.Body;
    }, Describe(obj));

    /// <inheritdoc />
    public Task<T> UpdateStatusAsync(T obj, CancellationToken ct) => KubeErrors.TranslateAsync(async () =>
    {
        Stamp(obj);
        using var response = await _client.CustomObjects.ReplaceNamespacedCustomObjectStatusWithHttpMessagesAsync<T>(
            obj, _resource.Group, _resource.Version, Namespace(obj), _resource.Plural, obj.Metadata.Name, fieldManager: FieldManager.Operator,
            cancellationToken: ct);
        return response.Body;
    }, Describe(obj) + "/status");

    /// <inheritdoc />
    public async Task DeleteAsync(ObjectKey key, CancellationToken ct)
    {
        try
        {
            using var _ = await _client.CustomObjects.DeleteNamespacedCustomObjectWithHttpMessagesAsync(
                _resource.Group, _resource.Version, key.Namespace, _resource.Plural, key.Name,
                body: new V1DeleteOptions { PropagationPolicy = "Background" }, cancellationToken: ct);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            // Already gone: deleting is idempotent.
        }
    }

    // Objects built in code may lack apiVersion/kind; the server needs both.
    private void Stamp(T obj)
    {
        if (string.IsNullOrEmpty(obj.ApiVersion))
            obj.ApiVersion = _resource.ApiVersion;
        if (string.IsNullOrEmpty(obj.Kind))
            obj.Kind = _resource.Kind;
    }

    private static string Namespace(T obj) =>
        obj.Metadata.NamespaceProperty is { Length: > 0 } ns ? ns : throw new ArgumentException($"{obj.Kind} {obj.Metadata.Name} has no namespace");

    private string Describe(T obj) => $"{_resource} {obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}";
}
