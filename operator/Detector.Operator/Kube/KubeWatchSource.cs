using System.Runtime.CompilerServices;
using System.Text.Json;
using Detector.Operator.Runtime;
using k8s;
using k8s.Models;

namespace Detector.Operator.Kube;

/// <summary>
/// <see cref="IWatchSource{T}"/> over KubernetesClient: list through the custom-objects API, watch with
/// <c>watch=true&amp;allowWatchBookmarks=true&amp;resourceVersion=…</c> and <c>WatchAsync</c>. A 410 Gone, as an HTTP
/// status or as an ERROR event carrying a Status with code 410, becomes <see cref="WatchGoneException"/>.
/// </summary>
public sealed class KubeWatchSource<T> : IWatchSource<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IKubernetes _client;
    private readonly KubeResource _resource;
    private readonly string? _namespace;
    private readonly KubeStore<T> _store;
    private readonly int _timeoutSeconds;

    /// <summary>A source of <paramref name="resource"/> in <paramref name="ns"/> (all namespaces when null).</summary>
    /// <param name="client">The API client.</param>
    /// <param name="resource">The resource (non-core group).</param>
    /// <param name="ns">Namespace, or null for all.</param>
    /// <param name="timeoutSeconds">Server-side watch timeout; the informer resumes after it.</param>
    public KubeWatchSource(IKubernetes client, KubeResource resource, string? ns, int timeoutSeconds = 300)
    {
        _client = client;
        _resource = resource;
        _namespace = ns;
        _store = new KubeStore<T>(client, resource);
        _timeoutSeconds = timeoutSeconds;
    }

    /// <inheritdoc />
    public string Description => $"{_resource} in {_namespace ?? "all namespaces"}";

    /// <inheritdoc />
    public async Task<WatchList<T>> ListAsync(CancellationToken ct)
    {
        var list = await _store.ListWithVersionAsync(_namespace, null, ct);
        return new WatchList<T>(list.Items, list.Metadata?.ResourceVersion ?? "");
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken ct)
    {
        Exception? streamError = null;
        var events = Open(resourceVersion, ex => streamError ??= ex, ct);
        await using var enumerator = events.GetAsyncEnumerator(ct);
        while (true)
        {
            bool moved;
            try
            {
                moved = await enumerator.MoveNextAsync();
            }
            catch (Exception ex) when (KubeErrors.IsGone(ex))
            {
                throw new WatchGoneException($"Watch of {Description} from resourceVersion {resourceVersion}: 410 Gone", ex);
            }
            catch (HttpRequestException ex) when (ex.InnerException is EndOfStreamException)
            {
                // KubernetesClient peeks the first line of a watch; a stream the server closes before any event
                // (its timeout on a quiet resource) surfaces as this instead of an empty stream.
                moved = false;
            }
            // ERROR events are reported through the callback, not as items; a 410 among them means relist.
            if (streamError is { } error)
            {
                if (KubeErrors.IsGone(error))
                    throw new WatchGoneException($"Watch of {Description} from resourceVersion {resourceVersion}: 410 Gone", error);
                throw new InvalidOperationException($"Watch of {Description} failed: {error.Message}", error);
            }
            if (!moved)
                yield break;
            var (type, obj) = enumerator.Current;
            yield return new WatchEvent<T>(type, Convert(obj));
        }
    }

    private IAsyncEnumerable<(WatchEventType, object)> Open(string resourceVersion, Action<Exception> onError, CancellationToken ct) =>
        _namespace is null
            ? _client.CustomObjects.WatchListClusterCustomObjectAsync(_resource.Group, _resource.Version, _resource.Plural,
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: _timeoutSeconds, onError: onError, cancellationToken: ct)
            : _client.CustomObjects.WatchListNamespacedCustomObjectAsync(_resource.Group, _resource.Version, _namespace, _resource.Plural,
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: _timeoutSeconds, onError: onError, cancellationToken: ct);

    // The custom-objects watch yields untyped JSON; our types carry their own [JsonPropertyName]s.
    private static T Convert(object obj) => obj switch
    {
        T typed => typed,
        JsonElement json => KubernetesJson.Deserialize<T>(json.GetRawText()),
        _ => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj)),
    };
}

/// <summary>Creates <see cref="KubeWatchSource{T}"/>s on one client.</summary>
public sealed class KubeWatchSourceFactory(IKubernetes client) : IWatchSourceFactory
{
    /// <inheritdoc />
    public IWatchSource<T> Create<T>(KubeResource resource, string? ns) where T : class, IKubernetesObject<V1ObjectMeta> =>
        new KubeWatchSource<T>(client, resource, ns);
}
