using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes;

namespace Detector.Operator.Tests.Runtime;

public sealed class StatusWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);

    private static DatasetStatus Preparing() => new()
    {
        Phase = "Preparing",
        ObservedGeneration = 1,
        ClassNames = ["fish", "shark"],
        Conditions = Conditions.Set([], Conditions.Ready, false, "JobRunning", "Preparing", 1, Now),
    };

    [Fact]
    public async Task UpdateStatusIfChanged_EqualButNewListInstances_DoesNotWrite()
    {
        var kube = new InMemoryKube(KubeSamples.Dataset());
        var store = kube.Store<Dataset>();
        var ds = await store.UpdateStatusIfChangedAsync((await store.GetAsync(KubeSamples.Key, default))!, Preparing(), default);
        Assert.Equal(1, kube.Writes<Dataset>(KubeOperation.UpdateStatus));

        await store.UpdateStatusIfChangedAsync(ds, Preparing(), default);
        Assert.Equal(1, kube.Writes<Dataset>(KubeOperation.UpdateStatus));
    }

    [Fact]
    public async Task UpdateStatusIfChanged_Conflict_RereadsAndSucceeds()
    {
        var kube = new InMemoryKube(KubeSamples.Dataset());
        var store = kube.Store<Dataset>();
        var stale = (await store.GetAsync(KubeSamples.Key, default))!;
        var other = (await store.GetAsync(KubeSamples.Key, default))!;
        other.Spec = other.Spec with { Parallelism = 2 };
        await store.UpdateAsync(other, default);

        var written = await store.UpdateStatusIfChangedAsync(stale, Preparing(), default);
        Assert.Equal("Preparing", written.Status!.Phase);
        Assert.Equal("Preparing", kube.Get<Dataset>(KubeSamples.Key)!.Status!.Phase);
        Assert.Equal(2, kube.Get<Dataset>(KubeSamples.Key)!.Spec.Parallelism);
    }

    [Fact]
    public async Task UpdateStatusIfChanged_InjectedConflicts_RetriesUpToLimit()
    {
        var kube = new InMemoryKube(KubeSamples.Dataset());
        var store = kube.Store<Dataset>();
        var ds = (await store.GetAsync(KubeSamples.Key, default))!;
        for (var i = 0; i < StatusWriter.MaxAttempts; i++)
            kube.FailNext<Dataset>(KubeOperation.UpdateStatus, new KubeConflictException("injected"));

        await Assert.ThrowsAsync<KubeConflictException>(() => store.UpdateStatusIfChangedAsync(ds, Preparing(), default));
        Assert.Equal(0, kube.Writes<Dataset>(KubeOperation.UpdateStatus));
    }

    [Theory]
    [InlineData("Preparing", "Preparing", false)]
    [InlineData("Preparing", "Ready", true)]
    [InlineData(null, "Ready", true)]
    public void HasChanged_ComparesSerializedJson(string? oldPhase, string newPhase, bool changed)
    {
        var old = oldPhase is null ? null : new DatasetStatus { Phase = oldPhase, ClassNames = ["a"] };
        var now = new DatasetStatus { Phase = newPhase, ClassNames = ["a"] };
        Assert.Equal(changed, StatusWriter.HasChanged(old, now));
    }

    [Fact]
    public async Task UpdateStatusIfChanged_ObjectDeletedMeanwhile_ReturnsWithoutThrowing()
    {
        var kube = new InMemoryKube(KubeSamples.Dataset());
        var store = kube.Store<Dataset>();
        var ds = (await store.GetAsync(KubeSamples.Key, default))!;
        await store.DeleteAsync(KubeSamples.Key, default);

        var result = await store.UpdateStatusIfChangedAsync(ds, Preparing(), default);
        Assert.Equal("Preparing", result.Status!.Phase);
        Assert.Null(kube.Get<Dataset>(KubeSamples.Key));
    }
}
