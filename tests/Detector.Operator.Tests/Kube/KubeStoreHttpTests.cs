using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Operator.Tests.Runtime;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.Kube;

/// <summary>The KubernetesClient adapters against the fake API server over HTTP.</summary>
public sealed class KubeStoreHttpTests : IAsyncLifetime
{
    private FakeApiServer _server = null!;
    private KubeStore<Dataset> _store = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeApiServer.StartAsync();
        _store = new KubeStore<Dataset>(_server.CreateClient(), KubeResources.Dataset);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Crud_Dataset_RoundTripsThroughTheServer()
    {
        var created = await _store.CreateAsync(KubeSamples.Dataset(), default);
        Assert.Equal((1L, "s3://bucket/raw/"), (created.Metadata.Generation!.Value, created.Spec.Source.S3!.Uri));
        Assert.NotNull(created.Metadata.Uid);

        var read = (await _store.GetAsync(KubeSamples.Key, default))!;
        read.Spec = read.Spec with { Parallelism = 3 };
        var updated = await _store.UpdateAsync(read, default);
        Assert.Equal((2L, 3), (updated.Metadata.Generation!.Value, updated.Spec.Parallelism));

        Assert.Single(await _store.ListAsync("ml", null, default));
        Assert.Single(await _store.ListAsync(null, null, default));
        await _store.DeleteAsync(KubeSamples.Key, default);
        Assert.Null(await _store.GetAsync(KubeSamples.Key, default));
    }

    [Fact]
    public async Task Get_Missing_ReturnsNullAndDeleteMissingIsNoOp()
    {
        Assert.Null(await _store.GetAsync(new ObjectKey("ml", "nope"), default));
        await _store.DeleteAsync(new ObjectKey("ml", "nope"), default);
    }

    [Fact]
    public async Task Update_StaleResourceVersion_MapsTo409Exception()
    {
        var created = await _store.CreateAsync(KubeSamples.Dataset(), default);
        var fresh = (await _store.GetAsync(KubeSamples.Key, default))!;
        fresh.Metadata.Labels = new Dictionary<string, string> { ["a"] = "b" };
        await _store.UpdateAsync(fresh, default);

        created.Metadata.Labels = new Dictionary<string, string> { ["a"] = "c" };
        await Assert.ThrowsAsync<KubeConflictException>(() => _store.UpdateAsync(created, default));
        await Assert.ThrowsAsync<KubeConflictException>(() => _store.UpdateStatusAsync(created, default));
        await Assert.ThrowsAsync<KubeConflictException>(() => _store.CreateAsync(KubeSamples.Dataset(), default));
    }

    [Fact]
    public async Task UpdateStatus_WritesOnlyStatusThroughSubresource()
    {
        var ds = await _store.CreateAsync(KubeSamples.Dataset(), default);
        ds.Status = new DatasetStatus { Phase = "Preparing" };
        ds.Spec = ds.Spec with { Parallelism = 7 };
        var written = await _store.UpdateStatusAsync(ds, default);
        Assert.Equal(("Preparing", 1, 1L), (written.Status!.Phase, written.Spec.Parallelism, written.Metadata.Generation!.Value));
        Assert.Contains(_server.Requests, r => r is { Verb: "update", Subresource: "status" });
    }

    [Fact]
    public async Task StatusWriter_ServerConflict_RetriesAndSucceeds()
    {
        var ds = await _store.CreateAsync(KubeSamples.Dataset(), default);
        _server.FailNext(call => call.Subresource == "status", 409);
        var written = await _store.UpdateStatusIfChangedAsync(ds, new DatasetStatus { Phase = "Pending" }, default);
        Assert.Equal("Pending", written.Status!.Phase);
        Assert.Equal("Pending", _server.Get<Dataset>("datasets", "ml", "aquarium")!.Status!.Phase);
    }

    [Fact]
    public async Task JobStore_BatchGroup_CreatesAndReadsJobs()
    {
        var jobs = new KubeStore<V1Job>(_server.CreateClient(), KubeResources.Job);
        await jobs.CreateAsync(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "prep", NamespaceProperty = "ml" },
            Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "c", Image = "busybox" }] } } },
        }, default);
        _server.SetJobSucceeded("ml", "prep");
        var job = (await jobs.GetAsync(new ObjectKey("ml", "prep"), default))!;
        Assert.Equal(1, job.Status!.Succeeded);
    }

    [Fact]
    public async Task EventRecorder_OverHttp_CreatesThenAggregates()
    {
        var ds = await _store.CreateAsync(KubeSamples.Dataset(), default);
        var recorder = new KubeEventRecorder(new CoreEventStore(_server.CreateClient()), TimeProvider.System, NullLogger<KubeEventRecorder>.Instance, "pod-a");
        await recorder.RecordAsync(ds, EventTypes.Warning, "JobFailed", "Preparation failed", default);
        await recorder.RecordAsync(ds, EventTypes.Warning, "JobFailed", "Preparation failed", default);

        var evt = Assert.Single(_server.List("events", "ml"));
        Assert.Equal((2, "Dataset", "aquarium"), ((int)evt["count"]!, (string)evt["involvedObject"]!["kind"]!, (string)evt["involvedObject"]!["name"]!));
    }
}
