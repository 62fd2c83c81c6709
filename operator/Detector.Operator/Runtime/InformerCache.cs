using Detector.Operator.Kube;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Runtime;

/// <summary>
/// The process's informers, one <see cref="SharedInformer{T}"/> per resource over the watched namespaces (controller-
/// runtime's cache). Controllers, their owned and referenced kinds, and <see cref="CachedStore{T}"/> ask it for an
/// informer while they are set up; it starts them all together.
/// </summary>
public sealed class InformerCache
{
    private readonly IWatchSourceFactory _sources;
    private readonly IReadOnlyList<string> _namespaces;
    private readonly TimeProvider _clock;
    private readonly ILoggerFactory _logs;
    private readonly Dictionary<string, ISharedInformer> _informers = [];
    private readonly Lock _gate = new();
    private int _started;

    /// <summary>A cache of <paramref name="namespaces"/> (empty: all namespaces) fed by <paramref name="sources"/>.</summary>
    public InformerCache(IWatchSourceFactory sources, IReadOnlyList<string> namespaces, TimeProvider clock, ILoggerFactory logs)
    {
        _sources = sources;
        _namespaces = namespaces;
        _clock = clock;
        _logs = logs;
    }

    /// <summary>The namespaces watched (empty: all).</summary>
    public IReadOnlyList<string> Namespaces => _namespaces;

    /// <summary>True once every informer has listed once.</summary>
    public bool HasSynced
    {
        get
        {
            lock (_gate)
                return _informers.Values.All(i => i.HasSynced);
        }
    }

    /// <summary>How many shared informers there are (one per resource asked for).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _informers.Count;
        }
    }

    /// <summary>The shared informer of <paramref name="resource"/>, created on first use; only before the cache runs.</summary>
    public SharedInformer<T> For<T>(KubeResource resource) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = $"{resource.Group}/{resource.Version}/{resource.Plural}";
        lock (_gate)
        {
            if (_informers.TryGetValue(key, out var existing))
                return existing as SharedInformer<T>
                    ?? throw new InvalidOperationException($"The shared {resource} informer holds {existing.GetType().GenericTypeArguments[0].Name}, not {typeof(T).Name}");
            if (Volatile.Read(ref _started) != 0)
                throw new InvalidOperationException($"A {resource} informer was asked for after the cache started; set controllers up before running");
            var informer = new SharedInformer<T>(resource, _sources, _namespaces, _clock,
                _logs.CreateLogger($"Detector.Operator.Runtime.Informer.{resource.Kind}"));
            _informers[key] = informer;
            return informer;
        }
    }

    /// <summary>Runs every informer until <paramref name="ct"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("The informer cache is already running");
        ISharedInformer[] all;
        lock (_gate)
            all = [.. _informers.Values];
        return Task.WhenAll(all.Select(i => i.RunAsync(ct)));
    }
}
