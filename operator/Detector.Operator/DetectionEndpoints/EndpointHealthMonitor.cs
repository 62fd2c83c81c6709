using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runtime;
using Prometheus;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// The shell of endpoint health: while an endpoint is InService, at most one GetMetricData per endpoint per
/// <see cref="Interval"/> (5 queries in one call), the figures into status and into the gauges
/// <c>detector_endpoint_invocations</c>, <c>detector_endpoint_model_latency_seconds{quantile}</c> and
/// <c>detector_endpoint_errors_ratio{class}</c>, the <c>Degraded</c> condition, and a Warning Event when it turns True
/// and a Normal one when it recovers. Best effort: a failed read keeps the previous figures.
/// </summary>
public sealed class EndpointHealthMonitor
{
    private readonly ICloudWatch _cloudWatch;
    private readonly Gauge _invocations;
    private readonly Gauge _latency;
    private readonly Gauge _errors;

    /// <summary>Creates the monitor and its gauges on <paramref name="registry"/>.</summary>
    public EndpointHealthMonitor(ICloudWatch cloudWatch, CollectorRegistry registry, TimeSpan? interval = null)
    {
        _cloudWatch = cloudWatch;
        Interval = interval ?? TimeSpan.FromMinutes(1);
        var factory = Metrics.WithCustomRegistry(registry);
        _invocations = factory.CreateGauge("detector_endpoint_invocations", "InvokeEndpoint requests over the health window.", "namespace", "name");
        _latency = factory.CreateGauge("detector_endpoint_model_latency_seconds", "Model latency over the health window, by quantile (0.5, 0.99).", "namespace", "name", "quantile");
        _errors = factory.CreateGauge("detector_endpoint_errors_ratio", "Invocation errors / invocations over the health window, by class (4xx, 5xx).", "namespace", "name", "class");
    }

    /// <summary>Minimum time between two reads of one endpoint (default 1 minute).</summary>
    public TimeSpan Interval { get; }

    /// <summary>The status with fresh figures and the Degraded condition when due; Events on a change of Degraded.</summary>
    public async Task<DetectionEndpointStatus> UpdateAsync(DetectionEndpoint endpoint, DetectionEndpointStatus status, IEventRecorder events,
        DateTimeOffset now, CancellationToken ct)
    {
        var before = endpoint.Status;
        var previous = before?.EndpointName == status.EndpointName ? before?.Health : null;
        var degraded = Conditions.Get(before?.Conditions, EndpointHealth.Degraded);
        status = status with
        {
            Health = previous,
            Conditions = degraded is null ? status.Conditions : [.. status.Conditions.Where(c => c.Type != EndpointHealth.Degraded), degraded],
        };
        if (status.Phase != DetectionEndpointPhase.InService || status.EndpointName is null
            || (previous?.UpdatedAt is { } at && now - new DateTimeOffset(at, TimeSpan.Zero) < Interval))
            return status;
        var window = endpoint.Spec.Health?.WindowMinutes ?? 5;
        EndpointHealthStatus figures;
        try
        {
            var component = endpoint.Spec.DeploymentMode == EndpointDeploymentMode.InferenceComponent ? status.InferenceComponentName : null;
            var answer = await _cloudWatch.GetMetricDataAsync(EndpointHealth.Request(status.EndpointName, component, now, window), ct);
            figures = EndpointHealth.Figures(answer.MetricDataResults ?? [], window, now);
        }
        catch (SageMakerException)
        {
            return status;
        }
        Publish(endpoint, figures);
        status = status with { Health = figures };
        if (EndpointHealth.Evaluate(figures, endpoint.Spec.Health) is not { } verdict)
            return status with { Conditions = [.. status.Conditions.Where(c => c.Type != EndpointHealth.Degraded)] };
        var wasDegraded = Conditions.IsTrue(before?.Conditions, EndpointHealth.Degraded);
        if (verdict.Degraded && !wasDegraded)
            events.Warning(endpoint, EndpointReasons.Degraded, verdict.Message);
        else if (!verdict.Degraded && wasDegraded)
            events.Normal(endpoint, EndpointReasons.Recovered, verdict.Message);
        return status with
        {
            Conditions = Conditions.Set(status.Conditions, EndpointHealth.Degraded, verdict.Degraded, verdict.Reason, verdict.Message,
                endpoint.Metadata.Generation, now),
        };
    }

    private void Publish(DetectionEndpoint endpoint, EndpointHealthStatus figures)
    {
        var (ns, name) = (endpoint.Metadata.NamespaceProperty ?? "", endpoint.Metadata.Name);
        _invocations.WithLabels(ns, name).Set(figures.Invocations);
        _latency.WithLabels(ns, name, "0.5").Set((figures.P50LatencyMilliseconds ?? 0) / 1000);
        _latency.WithLabels(ns, name, "0.99").Set((figures.P99LatencyMilliseconds ?? 0) / 1000);
        _errors.WithLabels(ns, name, "4xx").Set(figures.ClientErrorRate);
        _errors.WithLabels(ns, name, "5xx").Set(figures.ServerErrorRate);
    }

    /// <summary>Drops the gauges of a deleted endpoint.</summary>
    public void Forget(ObjectKey key)
    {
        _invocations.RemoveLabelled(key.Namespace, key.Name);
        foreach (var quantile in new[] { "0.5", "0.99" })
            _latency.RemoveLabelled(key.Namespace, key.Name, quantile);
        foreach (var errorClass in new[] { "4xx", "5xx" })
            _errors.RemoveLabelled(key.Namespace, key.Name, errorClass);
    }
}
