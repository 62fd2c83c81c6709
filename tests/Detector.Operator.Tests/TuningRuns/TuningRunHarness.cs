using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Datasets;
using Detector.Operator.Tests.Fakes;
using Detector.Operator.Tests.TrainingRuns;
using Detector.Operator.TrainingRuns;
using Detector.Operator.TuningRuns;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Detector.Operator.Tests.TuningRuns;

/// <summary>A TuningRun reconciler wired to InMemoryKube and <see cref="InMemorySageMaker"/>.</summary>
public sealed class TuningRunHarness
{
    /// <summary>The poll interval of the harness.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    /// <summary>Creates the harness holding the objects (default: the sample TuningRun and the Ready Dataset).</summary>
    public TuningRunHarness(params IKubernetesObject<V1ObjectMeta>[] objects)
    {
        Kube = new InMemoryKube(Clock, objects.Length > 0 ? objects : [RunSamples.TuningRun(), RunSamples.Dataset()]);
        Metrics = new TrainingMetrics(Registry);
        Reconciler = new TuningRunReconciler(Kube.Store<TuningRun>(), Kube.Store<Dataset>(), SageMaker, Events, Metrics,
            new SageMakerRunSettings { Region = RunSamples.Region, PollInterval = PollInterval }, Clock, NullLogger<TuningRunReconciler>.Instance);
    }

    /// <summary>The key of the sample run.</summary>
    public static ObjectKey Key { get; } = new(RunSamples.Namespace, "aquarium-hpo");

    /// <summary>The fake clock.</summary>
    public FakeTimeProvider Clock { get; } = new(RunSamples.Now);

    /// <summary>The fake API.</summary>
    public InMemoryKube Kube { get; }

    /// <summary>The SageMaker double.</summary>
    public InMemorySageMaker SageMaker { get; } = new();

    /// <summary>Events recorded.</summary>
    public RecordingEvents Events { get; } = new();

    /// <summary>A fresh metrics registry.</summary>
    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    /// <summary>The run metrics.</summary>
    public TrainingMetrics Metrics { get; }

    /// <summary>The reconciler under test.</summary>
    public TuningRunReconciler Reconciler { get; }

    /// <summary>The stored sample run.</summary>
    public TuningRun? Run => Kube.Get<TuningRun>(Key);

    /// <summary>The stored sample run's status.</summary>
    public TuningRunStatus Status => Run!.Status!;

    /// <summary>The Ready condition of the stored sample run.</summary>
    public V1Condition Ready => Conditions.Get(Status.Conditions, Conditions.Ready)!;

    /// <summary>Runs one reconcile of the sample.</summary>
    public Task<ReconcileResult> ReconcileAsync() => Reconciler.ReconcileAsync(Key, CancellationToken.None);

    /// <summary>Changes the stored run (spec edits bump its generation).</summary>
    public async Task EditAsync(Func<TuningRunSpec, TuningRunSpec> edit)
    {
        var run = Run!;
        run.Spec = edit(run.Spec);
        await Kube.Store<TuningRun>().UpdateAsync(run, CancellationToken.None);
    }

    /// <summary>The scraped metrics text.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
