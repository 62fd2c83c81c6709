using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Operator.Tests.Runtime;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Detector.Operator.Tests.Kube;

/// <summary>The whole runtime over HTTP: Lease election, manager, informers, queue and a status-writing reconciler.</summary>
public sealed class ControllerHttpTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private FakeApiServer _server = null!;
    private IKubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeApiServer.StartAsync();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Run_WithLease_ReconcilesWritesStatusOnceAndFollowsOwnedJobs()
    {
        var datasets = new KubeStore<Dataset>(_client, KubeResources.Dataset);
        await datasets.CreateAsync(KubeSamples.Dataset(), default);
        var manager = new ControllerManager(new KubeWatchSourceFactory(_client), ["ml"], TimeProvider.System, NullLoggerFactory.Instance,
            new ControllerMetrics(Metrics.NewCustomRegistry()));
        var reconciler = new JobCountingReconciler(datasets, new KubeStore<V1Job>(_client, KubeResources.Job));
        manager.Register(KubeResources.Dataset, reconciler).Owns<V1Job>(KubeResources.Job);
        var election = LeaderElection.ForLease(_client, new LeaderElectionOptions
        {
            LeaseNamespace = "detector-system",
            Identity = "pod-a",
            LeaseDuration = TimeSpan.FromSeconds(15),
            RenewDeadline = TimeSpan.FromSeconds(10),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        }, NullLogger<LeaderElection>.Instance);
        using var cts = new CancellationTokenSource();
        var run = election.RunAsync(manager.RunAsync, cts.Token);

        await _server.WaitForAsync(s => s.Get<Dataset>("datasets", "ml", "aquarium")?.Status?.JobName == "jobs-0", Guard);
        var lease = _server.Get<V1Lease>("leases", "detector-system", "detector-operator");
        Assert.Equal("pod-a", lease?.Spec.HolderIdentity);

        // A label edit changes neither generation nor our annotations, and must cause no status write (no churn).
        var ds = (await datasets.GetAsync(KubeSamples.Key, default))!;
        ds.Metadata.Labels = new Dictionary<string, string> { ["team"] = "vision" };
        await datasets.UpdateAsync(ds, default);

        // An owned Job appearing does enqueue the Dataset, whose status then counts it.
        await new KubeStore<V1Job>(_client, KubeResources.Job).CreateAsync(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "aquarium-prepare", NamespaceProperty = "ml", OwnerReferences = [ds.ControllerReference()] },
            Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "c", Image = "busybox" }] } } },
        }, default);
        await _server.WaitForAsync(s => s.Get<Dataset>("datasets", "ml", "aquarium")?.Status?.JobName == "jobs-1", Guard);

        Assert.Equal(2, _server.Requests.Count(r => r is { Verb: "update", Resource: "datasets", Subresource: "status" }));
        Assert.True(manager.IsReady);
        await cts.CancelAsync();
        await run.WaitAsync(Guard);
    }

    /// <summary>Writes <c>status.jobName = jobs-{n}</c> with the number of Jobs in the namespace (a visible, schema-valid marker).</summary>
    private sealed class JobCountingReconciler(IKubeStore<Dataset> datasets, IKubeStore<V1Job> jobs) : IReconciler<Dataset>
    {
        public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            if (await datasets.GetAsync(key, ct) is not { } ds)
                return ReconcileResult.Done;
            var count = (await jobs.ListAsync(key.Namespace, null, ct)).Count;
            await datasets.UpdateStatusIfChangedAsync(ds, (ds.Status ?? new DatasetStatus()) with { Phase = "Pending", JobName = $"jobs-{count}" }, ct);
            return ReconcileResult.Done;
        }
    }
}
