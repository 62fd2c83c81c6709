using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Operator.Tests.Runtime;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Kube;

/// <summary>The real watch source and informer against the fake API server: resume, bookmarks, 410 and relist.</summary>
public sealed class KubeWatchSourceHttpTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);
    private FakeApiServer _server = null!;
    private IKubernetes _client = null!;
    private KubeStore<Dataset> _store = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeApiServer.StartAsync();
        _client = _server.CreateClient();
        _store = new KubeStore<Dataset>(_client, KubeResources.Dataset);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Watch_FromListVersion_StreamsLaterChangesAndBookmarks()
    {
        await _store.CreateAsync(KubeSamples.Dataset("a"), default);
        var source = new KubeWatchSource<Dataset>(_client, KubeResources.Dataset, "ml");
        var list = await source.ListAsync(default);
        Assert.Equal("a", Assert.Single(list.Items).Metadata.Name);

        using var cts = new CancellationTokenSource(Guard);
        await using var events = source.WatchAsync(list.ResourceVersion, cts.Token).GetAsyncEnumerator(cts.Token);
        await _store.CreateAsync(KubeSamples.Dataset("b"), default);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((WatchEventType.Added, "b"), (events.Current.Type, events.Current.Object.Metadata.Name));

        _server.SendBookmarks();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(WatchEventType.Bookmark, events.Current.Type);
        Assert.False(string.IsNullOrEmpty(events.Current.Object.Metadata.ResourceVersion));
        Assert.Contains(_server.Requests, r => r.Verb == "watch" && r.Query.Contains("allowWatchBookmarks=true", StringComparison.Ordinal));

        _server.CloseWatches();
        Assert.False(await events.MoveNextAsync());
    }

    [Fact]
    public async Task Watch_ServerClosesQuietStream_EndsWithoutError()
    {
        var source = new KubeWatchSource<Dataset>(_client, KubeResources.Dataset, "ml");
        var list = await source.ListAsync(default);
        using var cts = new CancellationTokenSource(Guard);
        await using var events = source.WatchAsync(list.ResourceVersion, cts.Token).GetAsyncEnumerator(cts.Token);
        var next = events.MoveNextAsync();
        await _server.WaitForAsync(s => s.Store.OpenWatchCount == 1, Guard);
        _server.CloseWatches();
        Assert.False(await next);
    }

    [Fact]
    public async Task Watch_ExpiredVersion_ThrowsWatchGone()
    {
        await _store.CreateAsync(KubeSamples.Dataset("a"), default);
        var source = new KubeWatchSource<Dataset>(_client, KubeResources.Dataset, "ml");
        var list = await source.ListAsync(default);
        await _store.CreateAsync(KubeSamples.Dataset("b"), default);
        _server.ExpireHistory();

        await Assert.ThrowsAsync<WatchGoneException>(async () =>
        {
            await foreach (var _ in source.WatchAsync(list.ResourceVersion, new CancellationTokenSource(Guard).Token))
            {
            }
        });
    }

    [Fact]
    public async Task Watch_Http410OnOpen_ThrowsWatchGone()
    {
        var source = new KubeWatchSource<Dataset>(_client, KubeResources.Dataset, "ml");
        var list = await source.ListAsync(default);
        _server.FailNext(call => call.Verb == "watch", 410);

        await Assert.ThrowsAsync<WatchGoneException>(async () =>
        {
            await foreach (var _ in source.WatchAsync(list.ResourceVersion, new CancellationTokenSource(Guard).Token))
            {
            }
        });
    }

    [Fact]
    public async Task Informer_ChangesWhileDisconnectedAndHistoryExpired_RelistsWithoutLosingAnything()
    {
        await _store.CreateAsync(KubeSamples.Dataset("a"), default);
        await _store.CreateAsync(KubeSamples.Dataset("b"), default);
        var gated = new GatedSource(new KubeWatchSource<Dataset>(_client, KubeResources.Dataset, "ml"));
        var seen = Channel.CreateUnbounded<string>();
        var informer = new Informer<Dataset>(gated, e => seen.Writer.TryWrite($"{e.Type} {e.Object.Metadata.Name}"),
            new FakeTimeProvider(), NullLogger.Instance);
        using var cts = new CancellationTokenSource();
        var run = Task.Run(() => informer.RunAsync(cts.Token));
        Assert.Equal(["Added a", "Added b"], Sorted(await ReadAsync(seen, 2)));

        await _server.WaitForAsync(s => s.Store.OpenWatchCount == 1, Guard);
        // The stream drops; while the informer is away, b is deleted, c created, a's spec edited, and history expires.
        _server.CloseWatches();
        await gated.SecondWatchWaiting.Task.WaitAsync(Guard);
        await _store.DeleteAsync(new ObjectKey("ml", "b"), default);
        await _store.CreateAsync(KubeSamples.Dataset("c"), default);
        var a = (await _store.GetAsync(new ObjectKey("ml", "a"), default))!;
        a.Spec = a.Spec with { Parallelism = 5 };
        await _store.UpdateAsync(a, default);
        _server.ExpireHistory();
        gated.Release.SetResult();

        Assert.Equal(["Added c", "Deleted b", "Updated a"], Sorted(await ReadAsync(seen, 3)));
        Assert.Equal(5, informer.Get(new ObjectKey("ml", "a"))!.Spec.Parallelism);
        Assert.Null(informer.Get(new ObjectKey("ml", "b")));
        Assert.Equal(2, gated.Lists);

        await cts.CancelAsync();
        await run.WaitAsync(Guard);
    }

    private static List<string> Sorted(List<string> items) => [.. items.Order(StringComparer.Ordinal)];

    private static async Task<List<string>> ReadAsync(Channel<string> channel, int count)
    {
        var items = new List<string>();
        while (items.Count < count)
            items.Add(await channel.Reader.ReadAsync().AsTask().WaitAsync(Guard));
        return items;
    }

    /// <summary>Passes through to the real source, but holds the second watch until released (a controllable disconnect).</summary>
    private sealed class GatedSource(IWatchSource<Dataset> inner) : IWatchSource<Dataset>
    {
        private int _watches;

        public TaskCompletionSource SecondWatchWaiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Lists { get; private set; }

        public string Description => inner.Description;

        public Task<WatchList<Dataset>> ListAsync(CancellationToken ct)
        {
            Lists++;
            return inner.ListAsync(ct);
        }

        public async IAsyncEnumerable<WatchEvent<Dataset>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Interlocked.Increment(ref _watches) == 2)
            {
                SecondWatchWaiting.TrySetResult();
                await Release.Task.WaitAsync(ct);
            }
            await foreach (var evt in inner.WatchAsync(resourceVersion, ct))
                yield return evt;
        }
    }
}
