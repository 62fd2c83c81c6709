using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes;
using Detector.Operator.Tests.Runtime;
using k8s.Models;

namespace Detector.Operator.Tests.Kube;

public sealed class InMemoryKubeTests
{
    private static readonly ObjectKey Key = KubeSamples.Key;

    [Fact]
    public async Task Update_StaleResourceVersion_Throws409()
    {
        var kube = new InMemoryKube(KubeSamples.Dataset());
        var store = kube.Store<Dataset>();
        var first = (await store.GetAsync(Key, default))!;
        var second = (await store.GetAsync(Key, default))!;
        first.Metadata.Labels = new Dictionary<string, string> { ["a"] = "1" };
        await store.UpdateAsync(first, default);

        second.Metadata.Labels = new Dictionary<string, string> { ["a"] = "2" };
        await Assert.ThrowsAsync<KubeConflictException>(() => store.UpdateAsync(second, default));
    }

    [Fact]
    public async Task Update_SpecChange_BumpsGenerationButMetadataChangeDoesNot()
    {
        var kube = new InMemoryKube(KubeSamples.Dataset());
        var store = kube.Store<Dataset>();
        var ds = (await store.GetAsync(Key, default))!;
        ds.Metadata.Labels = new Dictionary<string, string> { ["team"] = "vision" };
        ds = await store.UpdateAsync(ds, default);
        Assert.Equal(1, ds.Metadata.Generation);

        ds.Spec = ds.Spec with { Parallelism = 4 };
        ds = await store.UpdateAsync(ds, default);
        Assert.Equal(2, ds.Metadata.Generation);
    }

    [Fact]
    public async Task Update_IgnoresStatus_AndUpdateStatusIgnoresSpec()
    {
        var kube = new InMemoryKube(KubeSamples.Dataset(phase: "Pending"));
        var store = kube.Store<Dataset>();
        var ds = (await store.GetAsync(Key, default))!;
        ds.Status = new DatasetStatus { Phase = "Ready" };
        ds.Spec = ds.Spec with { Parallelism = 3 };
        ds = await store.UpdateAsync(ds, default);
        Assert.Equal(("Pending", 3), (ds.Status!.Phase, ds.Spec.Parallelism));

        ds.Status = new DatasetStatus { Phase = "Ready" };
        ds.Spec = ds.Spec with { Parallelism = 9 };
        ds = await store.UpdateStatusAsync(ds, default);
        Assert.Equal(("Ready", 3, 2L), (ds.Status!.Phase, ds.Spec.Parallelism, ds.Metadata.Generation!.Value));
    }

    [Fact]
    public async Task Delete_WithFinalizer_SetsDeletionTimestampUntilFinalizerRemoved()
    {
        var kube = new InMemoryKube(KubeSamples.Dataset());
        var store = kube.Store<Dataset>();
        var ds = (await store.GetAsync(Key, default))!;
        ds.AddFinalizer(Finalizers.Cleanup);
        ds = await store.UpdateAsync(ds, default);

        await store.DeleteAsync(Key, default);
        ds = (await store.GetAsync(Key, default))!;
        Assert.NotNull(ds.Metadata.DeletionTimestamp);

        ds.RemoveFinalizer(Finalizers.Cleanup);
        await store.UpdateAsync(ds, default);
        Assert.Null(await store.GetAsync(Key, default));
    }

    [Fact]
    public async Task Create_ExistingName_Throws409AndIgnoresStatus()
    {
        var kube = new InMemoryKube();
        var store = kube.Store<Dataset>();
        var created = await store.CreateAsync(KubeSamples.Dataset(phase: "Ready"), default);
        Assert.Null(created.Status);
        Assert.Equal(1, created.Metadata.Generation);
        await Assert.ThrowsAsync<KubeConflictException>(() => store.CreateAsync(KubeSamples.Dataset(), default));
    }

    [Fact]
    public async Task FailNext_InjectsOnceThenSucceeds()
    {
        var kube = new InMemoryKube(KubeSamples.Dataset());
        kube.FailNext<Dataset>(KubeOperation.Get);
        var store = kube.Store<Dataset>();
        await Assert.ThrowsAsync<HttpRequestException>(() => store.GetAsync(Key, default));
        Assert.NotNull(await store.GetAsync(Key, default));
    }

    [Fact]
    public async Task List_LabelSelector_FiltersByEquality()
    {
        var a = KubeSamples.Dataset("a");
        a.Metadata.Labels = new Dictionary<string, string> { ["team"] = "vision" };
        var kube = new InMemoryKube(a, KubeSamples.Dataset("b"));
        var found = await kube.Store<Dataset>().ListAsync("ml", "team=vision", default);
        Assert.Equal("a", Assert.Single(found).Metadata.Name);
    }

    [Fact]
    public async Task Delete_Missing_IsNoOp()
    {
        var kube = new InMemoryKube();
        await kube.Store<V1Job>().DeleteAsync(Key, default);
        Assert.Equal(0, kube.Writes<V1Job>(KubeOperation.Delete));
    }
}
