using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Detector.Operator.Tests.Runtime;

/// <summary>One informer per resource and namespace scope for the whole process, however many controllers look.</summary>
public sealed class InformerCacheTests
{
    [Fact]
    public void Manager_ControllersOwnedWatchedAndStores_ShareOneSourcePerResourceAndNamespace()
    {
        var sources = new CountingFactory(new InMemoryKube());
        var manager = new ControllerManager(sources, ["ml", "vision"], TimeProvider.System, NullLoggerFactory.Instance,
            new ControllerMetrics(Metrics.NewCustomRegistry()));

        manager.Register(KubeResources.Dataset, new DatasetReconciler()).Owns<V1Job>(KubeResources.Job);
        manager.Register(KubeResources.TrainingRun, new RunReconciler()).Watches<Dataset>(KubeResources.Dataset, (_, _) => []);
        manager.Register(KubeResources.TuningRun, new TuningReconciler()).Watches<Dataset>(KubeResources.Dataset, (_, _) => []);
        manager.Cached(KubeResources.Dataset, new InMemoryKube().Store<Dataset>());
        manager.Cached(KubeResources.Job, new InMemoryKube().Store<V1Job>());

        Assert.Equal(4, manager.Cache.Count);
        Assert.Equal(
            ["datasets in ml", "datasets in vision", "jobs in ml", "jobs in vision", "trainingruns in ml", "trainingruns in vision",
             "tuningruns in ml", "tuningruns in vision"],
            sources.Created.Order());
    }

    [Fact]
    public void For_SameResourceAsAnotherType_IsRefused()
    {
        var cache = new InformerCache(new InMemoryKube(), [], TimeProvider.System, NullLoggerFactory.Instance);
        cache.For<Dataset>(KubeResources.Dataset);

        var error = Assert.Throws<InvalidOperationException>(() => cache.For<TrainingRun>(KubeResources.Dataset));
        Assert.Contains("Dataset", error.Message);
    }

    [Fact]
    public async Task For_AfterTheCacheRuns_IsRefused_SoNoInformerMissesItsFirstList()
    {
        var cache = new InformerCache(new InMemoryKube(), ["ml"], TimeProvider.System, NullLoggerFactory.Instance);
        var informer = cache.For<Dataset>(KubeResources.Dataset);
        using var stop = new CancellationTokenSource();
        var run = cache.RunAsync(stop.Token);

        Assert.Throws<InvalidOperationException>(() => cache.For<V1Job>(KubeResources.Job));
        Assert.Throws<InvalidOperationException>(() => informer.AddHandler(_ => { }));
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class CountingFactory(IWatchSourceFactory inner) : IWatchSourceFactory
    {
        public List<string> Created { get; } = [];

        public IWatchSource<T> Create<T>(KubeResource resource, string? ns) where T : class, IKubernetesObject<V1ObjectMeta>
        {
            Created.Add($"{resource.Plural} in {ns}");
            return inner.Create<T>(resource, ns);
        }
    }

    private sealed class DatasetReconciler : IReconciler<Dataset>
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct) => Task.FromResult(ReconcileResult.Done);
    }

    private sealed class RunReconciler : IReconciler<TrainingRun>
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct) => Task.FromResult(ReconcileResult.Done);
    }

    private sealed class TuningReconciler : IReconciler<TuningRun>
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct) => Task.FromResult(ReconcileResult.Done);
    }
}
