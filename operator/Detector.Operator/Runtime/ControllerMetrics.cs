using Prometheus;

namespace Detector.Operator.Runtime;

/// <summary>The controller runtime's Prometheus metrics, on one registry (the default one in the operator).</summary>
public sealed class ControllerMetrics
{
    /// <summary>Reconcile outcome label: finished with nothing more to do.</summary>
    public const string ResultSuccess = "success";

    /// <summary>Reconcile outcome label: finished and asked to look again later.</summary>
    public const string ResultRequeue = "requeue";

    /// <summary>Reconcile outcome label: threw (retried with backoff when transient, else stalled).</summary>
    public const string ResultError = "error";

    private static readonly Lazy<ControllerMetrics> s_default = new(() => new ControllerMetrics(Metrics.DefaultRegistry));

    /// <summary>Metrics on <see cref="Metrics.DefaultRegistry"/> (what <c>/metrics</c> serves).</summary>
    public static ControllerMetrics Default => s_default.Value;

    /// <summary>Creates the metrics on <paramref name="registry"/> (tests use a fresh one).</summary>
    public ControllerMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        ReconcileTotal = factory.CreateCounter("detector_reconcile_total", "Reconciles by kind and result (success, requeue, error).", "kind", "result");
        ReconcileErrors = factory.CreateCounter("detector_reconcile_errors_total",
            "Reconciles that failed, by kind and condition reason (Retrying, OperatorMisconfigured, AccessDenied, QuotaExceeded, InvalidSpec, Rejected).", "kind", "reason");
        ReconcileDuration = factory.CreateHistogram("detector_reconcile_duration_seconds", "Duration of reconciles, by kind.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });
        WorkQueueDepth = factory.CreateGauge("detector_workqueue_depth", "Keys waiting in the work queue, by kind.", "kind");
        Objects = factory.CreateGauge("detector_objects", "Objects in the informer cache, by kind and status.phase.", "kind", "phase");
    }

    /// <summary>The registry the metrics live on.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary><c>detector_reconcile_total{kind,result}</c>.</summary>
    public Counter ReconcileTotal { get; }

    /// <summary><c>detector_reconcile_errors_total{kind,reason}</c>.</summary>
    public Counter ReconcileErrors { get; }

    /// <summary><c>detector_reconcile_duration_seconds{kind}</c>.</summary>
    public Histogram ReconcileDuration { get; }

    /// <summary><c>detector_workqueue_depth{kind}</c>, refreshed before each scrape.</summary>
    public Gauge WorkQueueDepth { get; }

    /// <summary><c>detector_objects{kind,phase}</c>, refreshed from the cache before each scrape.</summary>
    public Gauge Objects { get; }
}
