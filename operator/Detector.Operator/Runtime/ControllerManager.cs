using Detector.Operator.Kube;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Runtime;

/// <summary>
/// Registers and runs the operator's controllers over one set of namespaces, and reports readiness (every cache
/// synced) for <c>/readyz</c>.
/// </summary>
public sealed class ControllerManager
{
    private readonly List<IController> _controllers = [];
    private readonly IReadOnlyList<string> _namespaces;
    private readonly TimeProvider _clock;
    private readonly ILoggerFactory _logs;
    private readonly ControllerMetrics _metrics;
    private readonly IFailureReporterFactory? _failures;
    private volatile bool _running;

    /// <summary>
    /// Creates a manager watching <paramref name="namespaces"/> (empty: all namespaces). With <paramref name="failures"/>
    /// every registered controller shows its reconcile failures on its objects (status and Warning Event).
    /// </summary>
    public ControllerManager(IWatchSourceFactory sources, IReadOnlyList<string> namespaces, TimeProvider clock, ILoggerFactory logs,
        ControllerMetrics? metrics = null, IFailureReporterFactory? failures = null)
    {
        _failures = failures;
        _namespaces = namespaces;
        Cache = new InformerCache(sources, namespaces, clock, logs);
        _clock = clock;
        _logs = logs;
        _metrics = metrics ?? ControllerMetrics.Default;
    }

    /// <summary>
    /// <see cref="ControllerOptions.StalledRecheck"/> of every controller registered without one of its own
    /// (<c>--stalled-recheck-interval</c>).
    /// </summary>
    public TimeSpan StalledRecheck { get; init; } = ControllerOptions.DefaultStalledRecheck;

    /// <summary>
    /// The process's informers: one per resource over the watched namespaces, shared by every controller (its primary,
    /// owned and watched kinds) and every <see cref="Cached{T}"/> store.
    /// </summary>
    public InformerCache Cache { get; }

    /// <summary>
    /// A store of <paramref name="resource"/> that reads from the shared cache and writes through <paramref name="live"/>:
    /// what reconcilers should be given (writes still go to the server; see <see cref="CachedStore{T}"/>).
    /// </summary>
    public IKubeStore<T> Cached<T>(KubeResource resource, IKubeStore<T> live) where T : class, IKubernetesObject<V1ObjectMeta> =>
        new CachedStore<T>(live, Cache.For<T>(resource), _clock);

    /// <summary>The registered controllers.</summary>
    public IReadOnlyList<IController> Controllers => _controllers;

    /// <summary>The namespaces watched (empty: all).</summary>
    public IReadOnlyList<string> Namespaces => _namespaces;

    /// <summary>True while running with every controller's caches synced.</summary>
    public bool IsReady => _running && Cache.HasSynced && _controllers.All(c => c.HasSynced);

    /// <summary>Registers a controller of <paramref name="resource"/>; chain <see cref="Controller{T}.Owns{TOwned}"/> for owned kinds.</summary>
    public Controller<T> Register<T>(KubeResource resource, IReconciler<T> reconciler, ControllerOptions? options = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        options = (options ?? new ControllerOptions()) is var o && o.StalledRecheck is null ? o with { StalledRecheck = StalledRecheck } : o;
        var controller = new Controller<T>(resource, reconciler, Cache, _clock, _logs, options, _metrics,
            _failures?.Create<T>(resource));
        _controllers.Add(controller);
        return controller;
    }

    /// <summary>Runs every registered controller until <paramref name="ct"/> is cancelled and all have shut down.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        _running = true;
        try
        {
            await Task.WhenAll(_controllers.Select(c => c.RunAsync(ct)).Append(Cache.RunAsync(ct)));
        }
        finally
        {
            _running = false;
        }
    }
}
