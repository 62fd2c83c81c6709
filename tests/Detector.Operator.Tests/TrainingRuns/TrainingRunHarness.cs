using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Datasets;
using Detector.Operator.Tests.Fakes;
using Detector.Operator.TrainingRuns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>A TrainingRun reconciler wired to InMemoryKube and <see cref="InMemorySageMaker"/>.</summary>
public sealed class TrainingRunHarness
{
    /// <summary>The poll interval of the harness.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    /// <summary>Creates the harness holding <paramref name="run"/> (default: the sample) and the Dataset.</summary>
    public TrainingRunHarness(TrainingRun? run = null, Dataset? dataset = null, string? region = RunSamples.Region)
    {
        Kube = new InMemoryKube(Clock, run ?? RunSamples.TrainingRun(), dataset ?? RunSamples.Dataset());
        Metrics = new TrainingMetrics(Registry);
        Reconciler = new TrainingRunReconciler(Kube.Store<TrainingRun>(), Kube.Store<Dataset>(), SageMaker, Events, Metrics,
            new SageMakerRunSettings { Region = region, PollInterval = PollInterval }, Clock, NullLogger<TrainingRunReconciler>.Instance);
    }

    /// <summary>The key of the sample run.</summary>
    public static ObjectKey Key { get; } = new(RunSamples.Namespace, "aquarium-ssd");

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
    public TrainingRunReconciler Reconciler { get; }

    /// <summary>The stored run.</summary>
    public TrainingRun? Run => Kube.Get<TrainingRun>(Key);

    /// <summary>The stored run's status.</summary>
    public TrainingRunStatus Status => Run!.Status!;

    /// <summary>The Ready condition of the stored run.</summary>
    public k8s.Models.V1Condition Ready => Conditions.Get(Status.Conditions, Conditions.Ready)!;

    /// <summary>Runs one reconcile of the sample.</summary>
    public Task<ReconcileResult> ReconcileAsync() => Reconciler.ReconcileAsync(Key, CancellationToken.None);

    /// <summary>Changes the stored run (spec edits bump its generation).</summary>
    public async Task EditAsync(Func<TrainingRunSpec, TrainingRunSpec> edit)
    {
        var run = Run!;
        run.Spec = edit(run.Spec);
        await Kube.Store<TrainingRun>().UpdateAsync(run, CancellationToken.None);
    }

    /// <summary>Deletes the stored run (the finalizer keeps it, with a deletionTimestamp).</summary>
    public Task DeleteAsync() => Kube.Store<TrainingRun>().DeleteAsync(Key, CancellationToken.None);

    /// <summary>The scraped metrics text.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
