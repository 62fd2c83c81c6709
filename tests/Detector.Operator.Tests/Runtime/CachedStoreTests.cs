using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Runtime;

/// <summary>
/// <see cref="CachedStore{T}"/> on an informer whose watch the test feeds by hand (<see cref="HandFedSource{T}"/>), over
/// an in-memory server that counts reads: what it reads from the cache, what from the server, and read-your-writes.
/// </summary>
public sealed class CachedStoreTests : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryKube _kube;
    private readonly CountingStore<Dataset> _live;
    private readonly HandFedSource<Dataset> _source = new();
    private readonly SharedInformer<Dataset> _informer;
    private readonly CachedStore<Dataset> _store;
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public CachedStoreTests()
    {
        _kube = new InMemoryKube(_clock, KubeSamples.Dataset("a"), KubeSamples.Dataset("b"));
        _live = new CountingStore<Dataset>(_kube.Store<Dataset>());
        _informer = new SharedInformer<Dataset>(KubeResources.Dataset, new SourceFactory(_source), ["ml"], _clock, NullLogger.Instance);
        _store = new CachedStore<Dataset>(_live, _informer, _clock);
        _source.Items = () => _kube.All<Dataset>();
    }

    [Fact]
    public async Task Get_BeforeSync_ReadsTheServer_AfterSync_TheCache()
    {
        Assert.NotNull(await _store.GetAsync(Key("a"), default));
        Assert.Equal(1, _live.Gets);

        await SyncAsync();
        var cached = await _store.GetAsync(Key("a"), default);

        Assert.Equal("a", cached!.Metadata.Name);
        Assert.Null(await _store.GetAsync(Key("missing"), default));
        Assert.Equal(0, _live.Gets);
    }

    [Fact]
    public async Task Get_ReturnsACopy_SoAReconcilerMayChangeIt()
    {
        await SyncAsync();
        var first = await _store.GetAsync(Key("a"), default);
        first!.Metadata.Labels = new Dictionary<string, string> { ["changed"] = "yes" };

        var second = await _store.GetAsync(Key("a"), default);

        Assert.Null(second!.Metadata.Labels);
        Assert.Null(_informer.Get(Key("a"))!.Metadata.Labels);
    }

    [Fact]
    public async Task Get_NamespaceOutsideTheWatchedOnes_ReadsTheServer()
    {
        await SyncAsync();

        Assert.Null(await _store.GetAsync(new ObjectKey("other", "a"), default));

        Assert.Equal(1, _live.Gets);
    }

    [Fact]
    public async Task Get_AfterOwnWrite_SeesTheWrite_UntilTheWatchDeliversItOrNewer()
    {
        await SyncAsync();
        var ds = (await _store.GetAsync(Key("a"), default))!;
        ds.Status = new DatasetStatus { Phase = "Preparing", ObservedGeneration = 1 };

        var written = await _store.UpdateStatusAsync(ds, default);

        // The watch has not delivered the write: the cache alone would answer the old copy.
        Assert.Null(_informer.Get(Key("a"))!.Status?.Phase);
        Assert.Equal("Preparing", (await _store.GetAsync(Key("a"), default))!.Status!.Phase);

        // The watch delivers a newer version written by somebody else: it wins.
        var newer = KubernetesJson.Deserialize<Dataset>(KubernetesJson.Serialize(written));
        newer.Metadata.ResourceVersion = (long.Parse(written.Metadata.ResourceVersion) + 5).ToString();
        newer.Status = newer.Status! with { Phase = "Prepared" };
        await _source.SendAsync(WatchEventType.Modified, newer, _informer);

        Assert.Equal("Prepared", (await _store.GetAsync(Key("a"), default))!.Status!.Phase);
        Assert.Equal(0, _live.Gets);
    }

    [Fact]
    public async Task Get_CreatedButNotYetWatched_IsFound_UntilTheTimeLimitEndsAGhost()
    {
        await SyncAsync();
        await _store.CreateAsync(KubeSamples.Dataset("c"), default);

        Assert.NotNull(await _store.GetAsync(Key("c"), default));

        _clock.Advance(CachedStore<Dataset>.WrittenTtl);
        Assert.Null(await _store.GetAsync(Key("c"), default));
        Assert.Equal(0, _live.Gets);
    }

    [Fact]
    public async Task Get_AfterTheWriteThatRemovedTheLastFinalizerOfADeletedObject_IsNull_EvenIfTheDeleteEventCameFirst()
    {
        var ds = KubeSamples.Dataset("c");
        ds.Metadata.Finalizers = ["detector.dev/cleanup"];
        _kube.Seed(ds);
        await SyncAsync();
        await _kube.Store<Dataset>().DeleteAsync(Key("c"), default);             // deletionTimestamp set, finalizer kept
        var seen = (await _kube.Store<Dataset>().GetAsync(Key("c"), default))!;
        Assert.NotNull(seen.Metadata.DeletionTimestamp);
        seen.Metadata.Finalizers = [];

        // The watch's delete came before the write's answer: nothing must stand in for the object afterwards.
        await _source.SendAsync(WatchEventType.Deleted, _informer.Get(Key("c"))!, _informer, gone: true);
        await _store.UpdateFinalizersAsync(seen, default);

        Assert.Null(await _store.GetAsync(Key("c"), default));
    }

    [Fact]
    public async Task Get_AfterTheWriteThatRemovedTheLastFinalizer_IsNull_WhileTheCacheStillHoldsTheDeletingCopy()
    {
        var ds = KubeSamples.Dataset("c");
        ds.Metadata.Finalizers = ["detector.dev/cleanup"];
        _kube.Seed(ds);
        await SyncAsync();
        await _kube.Store<Dataset>().DeleteAsync(Key("c"), default);
        var deleting = (await _kube.Store<Dataset>().GetAsync(Key("c"), default))!;
        await _source.SendAsync(WatchEventType.Modified, deleting, _informer);   // deletionTimestamp, finalizer kept
        var seen = (await _store.GetAsync(Key("c"), default))!;
        seen.Metadata.Finalizers = [];

        await _store.UpdateFinalizersAsync(seen, default);

        // The watch has not said the object is gone; a reconcile woken now (a Job's delete) must not finalize it again.
        Assert.NotNull(_informer.Get(Key("c")));
        Assert.Null(await _store.GetAsync(Key("c"), default));
        Assert.DoesNotContain(await _store.ListAsync("ml", null, default), d => d.Metadata.Name == "c");
    }

    [Fact]
    public async Task Get_AfterConflict_ReadsTheServerOnce()
    {
        await SyncAsync();
        var stale = (await _store.GetAsync(Key("a"), default))!;
        var other = (await _kube.Store<Dataset>().GetAsync(Key("a"), default))!;
        other.Metadata.Labels = new Dictionary<string, string> { ["by"] = "someone-else" };
        await _kube.Store<Dataset>().UpdateAsync(other, default);   // not delivered by the watch

        stale.Status = new DatasetStatus { Phase = "Preparing" };
        await Assert.ThrowsAsync<KubeConflictException>(() => _store.UpdateStatusAsync(stale, default));

        var fresh = await _store.GetAsync(Key("a"), default);
        Assert.Equal("someone-else", fresh!.Metadata.Labels!["by"]);
        Assert.Equal(1, _live.Gets);
        await _store.GetAsync(Key("a"), default);
        Assert.Equal(1, _live.Gets);
    }

    [Fact]
    public async Task List_EqualitySelector_FromTheCache_SetBased_FromTheServer()
    {
        var labelled = KubeSamples.Dataset("l");
        labelled.Metadata.Labels = new Dictionary<string, string> { ["team"] = "fish" };
        _kube.Seed(labelled);
        await SyncAsync();

        var fish = await _store.ListAsync("ml", "team=fish", default);
        var all = await _store.ListAsync("ml", null, default);

        Assert.Equal(["l"], fish.Select(d => d.Metadata.Name));
        Assert.Equal(3, all.Count);
        Assert.Equal(0, _live.Lists);
        await _store.ListAsync("ml", "team in (fish)", default);
        Assert.Equal(1, _live.Lists);
    }

    private async Task SyncAsync()
    {
        _run = _informer.RunAsync(_stop.Token);
        var deadline = DateTime.UtcNow + Guard;
        while (!_informer.HasSynced && DateTime.UtcNow < deadline)
            await Task.Yield();
        Assert.True(_informer.HasSynced);
        _live.Reset();
    }

    private static ObjectKey Key(string name) => new("ml", name);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
            await _run.WaitAsync(Guard);
    }

    /// <summary>Lists what the in-memory server holds; the watch yields only what the test sends.</summary>
    private sealed class HandFedSource<T> : IWatchSource<T> where T : class, IKubernetesObject<V1ObjectMeta>
    {
        private readonly Channel<WatchEvent<T>> _events = Channel.CreateUnbounded<WatchEvent<T>>();

        public Func<IReadOnlyList<T>> Items { get; set; } = () => [];

        public string Description => "hand-fed";

        public Task<WatchList<T>> ListAsync(CancellationToken ct) => Task.FromResult(new WatchList<T>(Items(), "1"));

        public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken ct)
        {
            while (await _events.Reader.WaitToReadAsync(ct))
            {
                while (_events.Reader.TryRead(out var evt))
                    yield return evt;
            }
        }

        /// <summary>Sends one event and waits until the informer holds it.</summary>
        public async Task SendAsync(WatchEventType type, T obj, SharedInformer<T> informer, bool gone = false)
        {
            await _events.Writer.WriteAsync(new WatchEvent<T>(type, obj));
            var deadline = DateTime.UtcNow + Guard;
            bool Arrived() => gone ? informer.Get(ObjectKey.Of(obj)) is null
                : informer.Get(ObjectKey.Of(obj))?.Metadata.ResourceVersion == obj.Metadata.ResourceVersion;
            while (!Arrived() && DateTime.UtcNow < deadline)
                await Task.Yield();
        }
    }

    private sealed class SourceFactory(HandFedSource<Dataset> source) : IWatchSourceFactory
    {
        public IWatchSource<T> Create<T>(KubeResource resource, string? ns) where T : class, IKubernetesObject<V1ObjectMeta> =>
            (IWatchSource<T>)(object)source;
    }
}

/// <summary>An <see cref="IKubeStore{T}"/> that counts the reads it passes on.</summary>
internal sealed class CountingStore<T>(IKubeStore<T> inner) : IKubeStore<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    public int Gets;
    public int Lists;

    public void Reset() => (Gets, Lists) = (0, 0);

    public Task<T?> GetAsync(ObjectKey key, CancellationToken ct)
    {
        Interlocked.Increment(ref Gets);
        return inner.GetAsync(key, ct);
    }

    public Task<IReadOnlyList<T>> ListAsync(string? ns, string? labelSelector, CancellationToken ct)
    {
        Interlocked.Increment(ref Lists);
        return inner.ListAsync(ns, labelSelector, ct);
    }

    public Task<T> CreateAsync(T obj, CancellationToken ct) => inner.CreateAsync(obj, ct);

    public Task<T> UpdateAsync(T obj, CancellationToken ct) => inner.UpdateAsync(obj, ct);

    public Task<T> UpdateFinalizersAsync(T obj, CancellationToken ct) => inner.UpdateFinalizersAsync(obj, ct);

    public Task<T> UpdateStatusAsync(T obj, CancellationToken ct) => inner.UpdateStatusAsync(obj, ct);

    public Task DeleteAsync(ObjectKey key, CancellationToken ct) => inner.DeleteAsync(key, ct);
}
