using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using Prometheus;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// Prometheus metrics of DetectionEndpoints. Thread-safe.
/// <list type="bullet">
/// <item><c>detector_endpoint_deployed_version{namespace,name}</c>: the RegisteredModel version serving; absent while none does.</item>
/// <item><c>detector_endpoint_phase{namespace,name,phase}</c>: 1 for the current phase, 0 for the others.</item>
/// <item><c>detector_endpoint_rollouts_total{namespace,name,result}</c>: finished rollouts by result (Succeeded,
/// RolledBack, Failed), each counted once, when the status that records its end is written.</item>
/// </list>
/// </summary>
public sealed class EndpointMetrics
{
    private static readonly string[] s_phases =
    [
        DetectionEndpointPhase.Pending, DetectionEndpointPhase.Waiting, DetectionEndpointPhase.Creating, DetectionEndpointPhase.InService,
        DetectionEndpointPhase.Updating, DetectionEndpointPhase.RollingBack, DetectionEndpointPhase.Failed,
    ];

    private static readonly string[] s_results = [RolloutResults.Succeeded, RolloutResults.RolledBack, RolloutResults.Failed];

    private readonly Gauge _deployed;
    private readonly Gauge _phase;
    private readonly Counter _rollouts;

    /// <summary>Creates the metrics on <paramref name="registry"/> (tests use a fresh one).</summary>
    public EndpointMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        _deployed = factory.CreateGauge("detector_endpoint_deployed_version", "RegisteredModel version a DetectionEndpoint serves.", "namespace", "name");
        _phase = factory.CreateGauge("detector_endpoint_phase", "1 for the current phase of a DetectionEndpoint, 0 for the others.",
            "namespace", "name", "phase");
        _rollouts = factory.CreateCounter("detector_endpoint_rollouts_total", "Finished rollouts of a DetectionEndpoint, by result.",
            "namespace", "name", "result");
    }

    /// <summary>Records the deployed version of an endpoint (null: nothing serves).</summary>
    public void Observe(ObjectKey key, int? deployedVersion)
    {
        if (deployedVersion is { } version)
            _deployed.WithLabels(key.Namespace, key.Name).Set(version);
        else
            _deployed.RemoveLabelled(key.Namespace, key.Name);
    }

    /// <summary>
    /// Records a status once it is written: deployed version, phase, and the rollout it finished (if any, see
    /// <see cref="FinishedRollouts.Between"/>).
    /// </summary>
    public void Observe(ObjectKey key, DetectionEndpointStatus? before, DetectionEndpointStatus after)
    {
        Observe(key, after.DeployedVersion);
        if (after.Phase is { } current)
            foreach (var phase in s_phases.Append(current).Distinct(StringComparer.Ordinal))
                _phase.WithLabels(key.Namespace, key.Name, phase).Set(phase == current ? 1 : 0);
        if (FinishedRollouts.Between(before, after) is { } finished)
            _rollouts.WithLabels(key.Namespace, key.Name, finished.Result!).Inc();
    }

    /// <summary>Forgets an endpoint that is gone.</summary>
    public void Forget(ObjectKey key)
    {
        Observe(key, null);
        foreach (var phase in s_phases)
            _phase.RemoveLabelled(key.Namespace, key.Name, phase);
        foreach (var result in s_results)
            _rollouts.RemoveLabelled(key.Namespace, key.Name, result);
    }
}
