using System.Diagnostics;
using System.Text.Json;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Runtime;

/// <summary>
/// Shared informers + work queue + reconciler for one kind. Watch events of the primary kind are filtered by
/// <see cref="EnqueueFilter"/>; events of owned objects (<see cref="Owns{TOwned}"/>) enqueue their controlling owner.
/// Success resets the key's backoff and honours RequeueAfter. An exception is classified by
/// <see cref="ReconcileErrors.Classify"/>: a transient one is retried with backoff; one only a person can fix is not
/// retried in a loop but looked at again when the object changes, and for misconfiguration, denied access and quotas
/// also after <see cref="ControllerOptions.StalledRecheck"/> (fixed outside the object, nothing tells us when); a
/// terminal one (invalid or refused spec) waits for the object to change. Each is shown on the object through the
/// <see cref="IFailureReporter{T}"/> once per distinct failure (meeting the same error again writes nothing); the next
/// success forgets it.
/// </summary>
public sealed class Controller<T> : IController where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly KubeResource _resource;
    private readonly IReconciler<T> _reconciler;
    private readonly InformerCache _cache;
    // A controller built without a manager runs its own cache; under a manager the manager runs the shared one.
    private readonly bool _runsCache;
    private readonly SharedInformer<T> _primary;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly ControllerOptions _options;
    private readonly ControllerMetrics _metrics;
    // Owned (Owns) and referenced (Watches) kinds: their events only enqueue primaries.
    private readonly List<Func<bool>> _secondarySynced = [];
    private readonly IFailureReporter<T>? _failures;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ObjectKey, ReconcileFailure> _reported = new();
    private int _started;

    /// <summary>
    /// Creates a controller of <paramref name="resource"/> watching <paramref name="namespaces"/> (empty: all namespaces)
    /// through informers of its own, which it runs.
    /// </summary>
    public Controller(KubeResource resource, IReconciler<T> reconciler, IWatchSourceFactory sources, IReadOnlyList<string> namespaces,
        TimeProvider clock, ILoggerFactory logs, ControllerOptions? options = null, ControllerMetrics? metrics = null,
        IFailureReporter<T>? failures = null)
        : this(resource, reconciler, new InformerCache(sources, namespaces, clock, logs), runsCache: true, clock, logs, options, metrics, failures)
    {
    }

    /// <summary>
    /// Creates a controller of <paramref name="resource"/> on the process's shared <paramref name="cache"/>, which its
    /// owner (the <see cref="ControllerManager"/>) runs.
    /// </summary>
    public Controller(KubeResource resource, IReconciler<T> reconciler, InformerCache cache, TimeProvider clock, ILoggerFactory logs,
        ControllerOptions? options = null, ControllerMetrics? metrics = null, IFailureReporter<T>? failures = null)
        : this(resource, reconciler, cache, runsCache: false, clock, logs, options, metrics, failures)
    {
    }

    private Controller(KubeResource resource, IReconciler<T> reconciler, InformerCache cache, bool runsCache, TimeProvider clock,
        ILoggerFactory logs, ControllerOptions? options, ControllerMetrics? metrics, IFailureReporter<T>? failures)
    {
        _failures = failures;
        _resource = resource;
        _reconciler = reconciler;
        _cache = cache;
        _runsCache = runsCache;
        _clock = clock;
        _log = logs.CreateLogger($"Detector.Operator.Runtime.Controller.{resource.Kind}");
        _options = options ?? new ControllerOptions();
        _metrics = metrics ?? ControllerMetrics.Default;
        Queue = new WorkQueue(clock, _options.Backoff);
        _primary = cache.For<T>(resource);
        _primary.AddHandler(OnPrimaryEvent);
        _metrics.Registry.AddBeforeCollectCallback(RefreshGauges);
    }

    /// <inheritdoc />
    public string Kind => _resource.Kind;

    /// <summary>The work queue (exposed for diagnostics and tests).</summary>
    public WorkQueue Queue { get; }

    /// <inheritdoc />
    public bool HasSynced => _primary.HasSynced && _secondarySynced.All(synced => synced());

    /// <summary>Cached copies of the primary objects across all watched namespaces (shared: never mutate them).</summary>
    public IReadOnlyCollection<T> Cached => _primary.Items;

    /// <summary>Also watches <paramref name="owned"/> objects; their events enqueue their controlling owner of this kind.</summary>
    public Controller<T> Owns<TOwned>(KubeResource owned) where TOwned : class, IKubernetesObject<V1ObjectMeta>
    {
        var group = _resource.Group;
        return Secondary<TOwned>(owned, "Owned", evt =>
        {
            if (EnqueueFilter.OwnerKey(evt.Object, Kind, group) is { } key)
                Queue.Add(key);
        });
    }

    /// <summary>
    /// Also watches <paramref name="other"/> objects that this kind refers to by name (not by owner reference): each of
    /// their events enqueues the keys <paramref name="referrers"/> picks from the cached primaries, e.g. the
    /// DetectionEndpoints whose <c>modelRef</c> names a RegisteredModel whose status just changed.
    /// </summary>
    public Controller<T> Watches<TOther>(KubeResource other, Func<TOther, IReadOnlyCollection<T>, IEnumerable<ObjectKey>> referrers)
        where TOther : class, IKubernetesObject<V1ObjectMeta> =>
        Secondary<TOther>(other, "Watched", evt =>
        {
            foreach (var key in referrers(evt.Object, Cached))
                Queue.Add(key);
        });

    private Controller<T> Secondary<TOther>(KubeResource other, string what, Action<InformerEvent<TOther>> handler)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        if (Volatile.Read(ref _started) != 0)
            throw new InvalidOperationException($"{what} kinds of the {Kind} controller must be added before it runs");
        var informer = _cache.For<TOther>(other);
        informer.AddHandler(handler);
        _secondarySynced.Add(() => informer.HasSynced);
        return this;
    }

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException($"The {Kind} controller is already running");
        using var hardStop = new CancellationTokenSource();
        var informers = _runsCache ? _cache.RunAsync(ct) : Task.CompletedTask;
        var workers = Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => Task.Run(() => WorkAsync(hardStop.Token))).ToArray();
        _log.ControllerStarted(Kind, workers.Length);

        await WaitForCancellationAsync(ct);
        Queue.ShutDown();
        var allWorkers = Task.WhenAll(workers);
        var timeout = Task.Delay(_options.ShutdownTimeout, _clock);
        if (await Task.WhenAny(allWorkers, timeout) != allWorkers)
        {
            _log.ShutdownTimedOut(Kind, _options.ShutdownTimeout);
            await hardStop.CancelAsync();
        }
        await allWorkers;
        await informers;
        _log.ControllerStopped(Kind);
    }

    private void OnPrimaryEvent(InformerEvent<T> evt)
    {
        if (!EnqueueFilter.ShouldEnqueue(evt))
            return;
        var key = ObjectKey.Of(evt.Object);
        // A new generation (or a deletion) deserves a fresh report even of the same error: observedGeneration moves.
        _reported.TryRemove(key, out _);
        Queue.Add(key);
    }

    private async Task WorkAsync(CancellationToken hardStop)
    {
        while (await Queue.TakeAsync(CancellationToken.None) is { } key)
        {
            using var scope = _log.BeginScope(ReconcileScope.New(Kind, key));
            var started = _clock.GetTimestamp();
            try
            {
                var result = await _reconciler.ReconcileAsync(key, hardStop);
                Queue.Forget(key);
                _reported.TryRemove(key, out _);
                if (result.RequeueAfter is { } delay)
                    Queue.AddAfter(key, delay);
                _metrics.ReconcileTotal.WithLabels(Kind, result.RequeueAfter is null ? ControllerMetrics.ResultSuccess : ControllerMetrics.ResultRequeue).Inc();
                _log.Reconciled(Kind, key.ToString(), _clock.GetElapsedTime(started).TotalMilliseconds, result.RequeueAfter);
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
            {
                // Shutting down: the next leader (or the next start) picks the key up from its list.
            }
            catch (Exception ex)
            {
                await OnFailureAsync(key, ex, hardStop);
            }
            finally
            {
                _metrics.ReconcileDuration.WithLabels(Kind).Observe(_clock.GetElapsedTime(started).TotalSeconds);
                Queue.Done(key);
            }
        }
    }

    private async Task OnFailureAsync(ObjectKey key, Exception ex, CancellationToken hardStop)
    {
        var failure = ReconcileErrors.Classify(ex);
        _metrics.ReconcileTotal.WithLabels(Kind, ControllerMetrics.ResultError).Inc();
        _metrics.ReconcileErrors.WithLabels(Kind, failure.Reason).Inc();
        if (failure.Retries)
            _log.ReconcileFailed(ex, Kind, key.ToString(), failure.Reason, failure.Message, Queue.AddRateLimited(key));
        else if (failure.Kind == FailureKind.Terminal)
        {
            // Retrying cannot help: the watch brings the key back when the object changes.
            Queue.Forget(key);
            _log.ReconcileRefused(ex, Kind, key.ToString(), failure.Reason, failure.Message);
        }
        else
        {
            // A person fixes it outside the object (IAM, credentials, a quota): one look per interval, not a loop.
            Queue.Forget(key);
            var recheck = _options.StalledRecheck ?? ControllerOptions.DefaultStalledRecheck;
            Queue.AddAfter(key, recheck);
            _log.ReconcileStalled(ex, Kind, key.ToString(), failure.Reason, failure.Message, recheck);
        }
        if (_failures is null || (_reported.TryGetValue(key, out var last) && last == failure))
            return;
        try
        {
            await _failures.ReportAsync(key, failure, hardStop);
            _reported[key] = failure;
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            // Shutting down: the next leader shows it.
        }
        catch (Exception reportError)
        {
            // Not remembered: the next failed attempt tries to show it again (one not retried in a loop gets that attempt here).
            _log.FailureReportFailed(reportError, Kind, key.ToString(), failure.Reason);
            if (failure.NeedsPerson)
                Queue.AddRateLimited(key);
        }
    }

    private void RefreshGauges()
    {
        _metrics.WorkQueueDepth.WithLabels(Kind).Set(Queue.Depth);
        foreach (var labels in _metrics.Objects.GetAllLabelValues().Where(l => l[0] == Kind).ToArray())
            _metrics.Objects.WithLabels(labels).Set(0);
        foreach (var group in Cached.GroupBy(PhaseOf))
            _metrics.Objects.WithLabels(Kind, group.Key).Set(group.Count());
    }

    /// <summary><c>status.phase</c> of an object, or <c>Unknown</c>; read through JSON so any kind works.</summary>
    internal static string PhaseOf(T obj)
    {
        using var doc = JsonDocument.Parse(KubernetesJson.Serialize(obj));
        return doc.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("phase", out var phase) && phase.ValueKind == JsonValueKind.String
            ? phase.GetString()! : "Unknown";
    }

    private static async Task WaitForCancellationAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
