using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Datasets;
using Detector.Operator.Tests.Fakes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>
/// What the TrainingRun and TuningRun harnesses share: InMemoryKube holding the objects, the fake clock,
/// <see cref="InMemorySageMaker"/>, the recorded events and a fresh metrics registry. Each kind adds its reconciler.
/// </summary>
/// <typeparam name="TRun">The run kind.</typeparam>
/// <typeparam name="TSpec">Its spec.</typeparam>
/// <typeparam name="TStatus">Its status.</typeparam>
public abstract class RunHarness<TRun, TSpec, TStatus>
    where TRun : CustomResource<TSpec, TStatus>
    where TSpec : new()
{
    private readonly ObjectKey _key;

    /// <summary>Stores <paramref name="objects"/>; <paramref name="key"/> names the run the harness reconciles.</summary>
    protected RunHarness(ObjectKey key, IKubernetesObject<V1ObjectMeta>[] objects)
    {
        _key = key;
        Kube = new InMemoryKube(Clock, objects);
        Metrics = new TrainingMetrics(Registry);
    }

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

    /// <summary>The stored run.</summary>
    public TRun? Run => Kube.Get<TRun>(_key);

    /// <summary>The stored run's status.</summary>
    public TStatus Status => Run!.Status!;

    /// <summary>Changes the stored run (spec edits bump its generation).</summary>
    public async Task EditAsync(Func<TSpec, TSpec> edit)
    {
        var run = Run!;
        run.Spec = edit(run.Spec);
        await Kube.Store<TRun>().UpdateAsync(run, CancellationToken.None);
    }

    /// <summary>The scraped metrics text.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
