using System.Collections.Concurrent;
using Detector.Operator.Runtime;
using Prometheus;

namespace Detector.Operator.Runs;

/// <summary>
/// Prometheus metrics of the SageMaker runs: <c>detector_training_final_metric{namespace,name,metric}</c> (the final
/// metrics of completed TrainingRuns and of TuningRuns' best jobs) and <c>detector_sagemaker_jobs{kind,status}</c>
/// (the current job of every run, by SageMaker status). Thread-safe.
/// </summary>
public sealed class TrainingMetrics
{
    private readonly ConcurrentDictionary<(string Kind, ObjectKey Key), string> _statuses = new();
    private readonly ConcurrentDictionary<(string Kind, ObjectKey Key), IReadOnlyList<(string Name, double Value)>> _finals = new();
    private readonly Gauge _final;
    private readonly Gauge _jobs;

    /// <summary>Creates the metrics on <paramref name="registry"/> (tests use a fresh one).</summary>
    public TrainingMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        _final = factory.CreateGauge("detector_training_final_metric",
            "Final metric of a completed TrainingRun, or of the best training job of a TuningRun.", "kind", "namespace", "name", "metric");
        _jobs = factory.CreateGauge("detector_sagemaker_jobs", "SageMaker jobs of the runs, by kind and SageMaker status.", "kind", "status");
        registry.AddBeforeCollectCallback(RefreshJobs);
    }

    /// <summary>Records the current job status (null: no job yet) and final metrics of a run.</summary>
    public void Observe(string kind, ObjectKey key, string? jobStatus, IReadOnlyList<(string Name, double Value)> finalMetrics)
    {
        if (jobStatus is null) _statuses.TryRemove((kind, key), out _);
        else _statuses[(kind, key)] = jobStatus;
        if (_finals.TryGetValue((kind, key), out var old))
            foreach (var (name, _) in old.Where(o => !finalMetrics.Any(f => f.Name == o.Name)))
                _final.RemoveLabelled(kind, key.Namespace, key.Name, name);
        foreach (var (name, value) in finalMetrics)
            _final.WithLabels(kind, key.Namespace, key.Name, name).Set(value);
        _finals[(kind, key)] = finalMetrics;
    }

    /// <summary>Forgets a run that is gone.</summary>
    public void Forget(string kind, ObjectKey key) => Observe(kind, key, null, []);

    private void RefreshJobs()
    {
        foreach (var labels in _jobs.GetAllLabelValues().ToArray())
            _jobs.WithLabels(labels).Set(0);
        foreach (var group in _statuses.GroupBy(s => (s.Key.Kind, s.Value)))
            _jobs.WithLabels(group.Key.Kind, group.Key.Value).Set(group.Count());
    }
}
