using System.Collections.Concurrent;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using Prometheus;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// Prometheus metrics of the model registry: <c>detector_registered_model_versions{namespace,name,approval}</c>, the
/// versions of each RegisteredModel by approval status (as SageMaker shows it, console changes included). Thread-safe.
/// </summary>
public sealed class RegisteredModelMetrics
{
    private readonly ConcurrentDictionary<ObjectKey, IReadOnlyDictionary<string, int>> _counts = new();
    private readonly Gauge _versions;

    /// <summary>Creates the metrics on <paramref name="registry"/> (tests use a fresh one).</summary>
    public RegisteredModelMetrics(CollectorRegistry registry) =>
        _versions = Metrics.WithCustomRegistry(registry).CreateGauge("detector_registered_model_versions",
            "Model package versions of a RegisteredModel, by approval status.", "namespace", "name", "approval");

    /// <summary>Records the versions of a RegisteredModel; approval states that no longer occur are removed.</summary>
    public void Observe(ObjectKey key, IReadOnlyList<ModelVersion> versions)
    {
        var counts = versions.GroupBy(v => v.ApprovalStatus ?? "Unknown", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        lock (_versions)
        {
            if (_counts.TryGetValue(key, out var old))
                foreach (var approval in old.Keys.Where(a => !counts.ContainsKey(a)))
                    _versions.RemoveLabelled(key.Namespace, key.Name, approval);
            foreach (var (approval, count) in counts)
                _versions.WithLabels(key.Namespace, key.Name, approval).Set(count);
            _counts[key] = counts;
        }
    }

    /// <summary>Forgets a RegisteredModel that is gone (its versions stay in SageMaker, but are no longer ours to count).</summary>
    public void Forget(ObjectKey key) => Observe(key, []);
}
