using Detector.Operator.Runtime;
using Prometheus;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// Prometheus metrics of DetectionEndpoints: <c>detector_endpoint_deployed_version{namespace,name}</c> (the
/// RegisteredModel version serving; absent while none does). Thread-safe.
/// </summary>
public sealed class EndpointMetrics
{
    private readonly Gauge _deployed;

    /// <summary>Creates the metrics on <paramref name="registry"/> (tests use a fresh one).</summary>
    public EndpointMetrics(CollectorRegistry registry) =>
        _deployed = Metrics.WithCustomRegistry(registry).CreateGauge("detector_endpoint_deployed_version",
            "RegisteredModel version a DetectionEndpoint serves.", "namespace", "name");

    /// <summary>Records the deployed version of an endpoint (null: nothing serves).</summary>
    public void Observe(ObjectKey key, int? deployedVersion)
    {
        if (deployedVersion is { } version)
            _deployed.WithLabels(key.Namespace, key.Name).Set(version);
        else
            _deployed.RemoveLabelled(key.Namespace, key.Name);
    }

    /// <summary>Forgets an endpoint that is gone.</summary>
    public void Forget(ObjectKey key) => Observe(key, null);
}
