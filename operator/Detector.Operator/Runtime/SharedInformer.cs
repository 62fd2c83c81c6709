using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Runtime;

/// <summary>
/// The process's one list+watch of a kind over the watched namespace scopes (one <see cref="Informer{T}"/> per
/// namespace, or one for all), whose events fan out to every handler that asked: the controller of the kind, the
/// controllers that own or reference it, and <see cref="CachedStore{T}"/>. client-go's SharedIndexInformer: however many
/// controllers look at Datasets, the API server serves one watch of them per scope, and reconcilers read the copies.
/// </summary>
public sealed class SharedInformer<T> : ISharedInformer where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly List<Informer<T>> _informers = [];
    private readonly HashSet<string>? _namespaces;
    private Action<InformerEvent<T>>[] _handlers = [];
    private int _started;

    /// <summary>An informer of <paramref name="resource"/> in each of <paramref name="namespaces"/> (empty: all namespaces).</summary>
    public SharedInformer(Kube.KubeResource resource, IWatchSourceFactory sources, IReadOnlyList<string> namespaces, TimeProvider clock, ILogger log)
    {
        Resource = resource;
        _namespaces = namespaces.Count == 0 ? null : [.. namespaces];
        foreach (var ns in namespaces.Count == 0 ? [null] : namespaces.Select(n => (string?)n))
            _informers.Add(new Informer<T>(sources.Create<T>(resource, ns), Dispatch, clock, log));
    }

    /// <summary>The resource watched.</summary>
    public Kube.KubeResource Resource { get; }

    /// <inheritdoc />
    public bool HasSynced => _informers.All(i => i.HasSynced);

    /// <summary>Cached copies across the namespace scopes (a snapshot; the objects are shared: never mutate them).</summary>
    public IReadOnlyCollection<T> Items => _informers.Count == 1 ? _informers[0].Items : [.. _informers.SelectMany(i => i.Items)];

    /// <summary>
    /// Whether objects of <paramref name="ns"/> (null: of every namespace) are in the watched scopes, so the cache is
    /// their whole truth.
    /// </summary>
    public bool Covers(string? ns) => _namespaces is null || (ns is not null && _namespaces.Contains(ns));

    /// <summary>The cached copy of one object (shared: never mutate it), or null.</summary>
    public T? Get(ObjectKey key)
    {
        foreach (var informer in _informers)
        {
            if (informer.Get(key) is { } obj)
                return obj;
        }
        return null;
    }

    /// <summary>Adds a handler of every add, update and delete; only before the informer runs (it would miss the first list).</summary>
    public void AddHandler(Action<InformerEvent<T>> handler)
    {
        if (Volatile.Read(ref _started) != 0)
            throw new InvalidOperationException($"Handlers of the shared {Resource} informer must be added before it runs");
        _handlers = [.. _handlers, handler];
    }

    /// <inheritdoc />
    public Task RunAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException($"The shared {Resource} informer is already running");
        return Task.WhenAll(_informers.Select(i => i.RunAsync(ct)));
    }

    // The informer isolates its handler's failures; each handler here is isolated from the others the same way, so one
    // controller's bug does not starve another of events.
    private void Dispatch(InformerEvent<T> evt)
    {
        List<Exception>? errors = null;
        foreach (var handler in _handlers)
        {
            try
            {
                handler(evt);
            }
            catch (Exception ex)
            {
                (errors ??= []).Add(ex);
            }
        }
        if (errors is not null)
            throw new AggregateException($"Handlers of the shared {Resource} informer failed", errors);
    }
}

/// <summary>A shared informer as the <see cref="InformerCache"/> runs it, whatever its kind.</summary>
public interface ISharedInformer
{
    /// <summary>True once every namespace scope has listed once.</summary>
    bool HasSynced { get; }

    /// <summary>Lists and watches until cancelled.</summary>
    Task RunAsync(CancellationToken ct);
}
