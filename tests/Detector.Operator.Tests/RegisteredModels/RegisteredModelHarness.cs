using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Datasets;
using Detector.Operator.Tests.Fakes;
using Detector.Operator.Tests.TrainingRuns;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>A RegisteredModel reconciler wired to InMemoryKube and <see cref="InMemoryRegistry"/>.</summary>
public sealed class RegisteredModelHarness
{
    /// <summary>The poll interval of the harness.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    /// <summary>The region of the harness (it has the Object Detection image).</summary>
    public const string Region = "us-east-1";

    /// <summary>Creates the harness holding <paramref name="model"/> and the given source runs.</summary>
    public RegisteredModelHarness(RegisteredModel model, string? region = Region, params k8s.IKubernetesObject<V1ObjectMeta>[] sources)
    {
        Key = model.Key();
        Stores = _ => Storage;
        Kube = new InMemoryKube(Clock, [model, .. sources]);
        Metrics = new RegisteredModelMetrics(Registry);
        Reconciler = new RegisteredModelReconciler(Kube.Store<RegisteredModel>(), Kube.Store<TrainingRun>(), Kube.Store<TuningRun>(), SageMaker, uri => Stores(uri),
            Events, Metrics, new SageMakerRunSettings { Region = region, PollInterval = PollInterval }, Clock, NullLogger<RegisteredModelReconciler>.Instance);
    }

    /// <summary>A TrainingRun "birds-run" in namespace vision: Completed with <paramref name="job"/>'s artifact and mAP, or in <paramref name="phase"/>.</summary>
    public static TrainingRun TrainingRun(string phase = TrainingRunPhase.Completed, string job = "birds-run-1a2b3c4d", double? map = 0.72)
    {
        var run = RunSamples.TrainingRun(name: "birds-run");
        run.Metadata = new V1ObjectMeta { Name = "birds-run", NamespaceProperty = "vision", Uid = "run-uid", Generation = 1 };
        run.Status = new TrainingRunStatus
        {
            Phase = phase,
            TrainingJobName = job,
            MAP = phase == TrainingRunPhase.Completed ? map : null,
            ModelArtifactUri = phase == TrainingRunPhase.Completed ? $"s3://models/vision/{job}/output/model.tar.gz" : null,
        };
        return run;
    }

    /// <summary>The key of the model under test.</summary>
    public ObjectKey Key { get; }

    /// <summary>The fake clock.</summary>
    public FakeTimeProvider Clock { get; } = new(RegisteredModelSamples.Now);

    /// <summary>The fake API.</summary>
    public InMemoryKube Kube { get; }

    /// <summary>Object storage the reconciler writes model-quality reports to.</summary>
    public MemoryObjectStore Storage { get; } = new();

    /// <summary>The store the reconciler gets for a URI (<see cref="Storage"/> unless a test replaces it).</summary>
    public Func<Detector.Preprocessing.Storage.StorageUri, Detector.Preprocessing.Storage.IObjectStore> Stores { get; set; }

    /// <summary>The registry double.</summary>
    public InMemoryRegistry SageMaker { get; } = new();

    /// <summary>Events recorded.</summary>
    public RecordingEvents Events { get; } = new();

    /// <summary>A fresh metrics registry.</summary>
    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    /// <summary>The registry metrics.</summary>
    public RegisteredModelMetrics Metrics { get; }

    /// <summary>The reconciler under test.</summary>
    public RegisteredModelReconciler Reconciler { get; }

    /// <summary>The stored model.</summary>
    public RegisteredModel? Model => Kube.Get<RegisteredModel>(Key);

    /// <summary>The stored model's status.</summary>
    public RegisteredModelStatus Status => Model!.Status!;

    /// <summary>The Ready condition of the stored model.</summary>
    public V1Condition Ready => Conditions.Get(Status.Conditions, Conditions.Ready)!;

    /// <summary>
    /// Reconciles as the controller does: again at once while a reconcile asks for it (each takes one step: group,
    /// approval, version), at most ten times; returns the first result that waits.
    /// </summary>
    public async Task<ReconcileResult> ReconcileAsync()
    {
        const int limit = 10;
        for (var i = 1; ; i++)
        {
            var result = await ReconcileOnceAsync();
            if (result.RequeueAfter != TimeSpan.Zero)
                return result;
            Assert.True(i < limit, $"The RegisteredModel still asked to be reconciled at once after {limit} reconciles");
        }
    }

    /// <summary>Runs one reconcile (one step).</summary>
    public Task<ReconcileResult> ReconcileOnceAsync() => Reconciler.ReconcileAsync(Key, CancellationToken.None);

    /// <summary>Changes the stored model's metadata (annotations do not bump the generation).</summary>
    public async Task AnnotateAsync(string key, string value)
    {
        var model = Model!;
        model.Metadata.Annotations = new Dictionary<string, string>(model.Metadata.Annotations ?? new Dictionary<string, string>()) { [key] = value };
        await Kube.Store<RegisteredModel>().UpdateAsync(model, CancellationToken.None);
    }

    /// <summary>Replaces the source TrainingRun's status (as its controller would).</summary>
    public async Task SetRunStatusAsync(TrainingRunStatus status)
    {
        var run = Kube.Get<TrainingRun>(new ObjectKey("vision", "birds-run"))!;
        run.Status = status;
        await Kube.Store<TrainingRun>().UpdateStatusAsync(run, CancellationToken.None);
    }

    /// <summary>The scraped metrics text.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
