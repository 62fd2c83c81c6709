using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.EndToEnd.Apis;
using Detector.Operator.Tests.Runtime;
using Detector.Testing;
using k8s;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// The operator's watch source (<see cref="KubeWatchSource{T}"/>) against the real API server: list then watch from
/// the list's resourceVersion, a resourceVersion the server no longer keeps, a 410 on open. What a bare server cannot
/// be made to do on demand (expire its history, close streams, send a bookmark now) stays in
/// Kube/KubeWatchSourceHttpTests on the fake.
/// </summary>
public sealed class WatchOnServerTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task Watch_FromListVersion_StreamsAddModifyAndDeleteInOrder()
    {
        var server = EnvtestServer.Shared;
        var ns = await server.CreateNamespaceAsync("watch");
        await using var api = await EnvtestApi.StartAsync(server, ns);
        var client = api.CreateClient();
        var store = new KubeStore<Dataset>(client, KubeResources.Dataset);
        await store.CreateAsync(KubeSamples.Dataset("a", ns), default);
        var source = new KubeWatchSource<Dataset>(client, KubeResources.Dataset, ns);
        var list = await source.ListAsync(default);
        Assert.Equal("a", Assert.Single(list.Items).Metadata.Name);

        using var cts = new CancellationTokenSource(Guard);
        await using var events = source.WatchAsync(list.ResourceVersion, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = events.MoveNextAsync();
        await api.WaitForAsync(a => a.Requests.Any(r => r.Verb == "watch" && r.Namespace == ns), Guard);
        var b = await store.CreateAsync(KubeSamples.Dataset("b", ns), default);
        Assert.True(await first);
        Assert.Equal((WatchEventType.Added, "b"), (events.Current.Type, events.Current.Object.Metadata.Name));

        b.Spec = b.Spec with { Classes = ["fish"] };
        await store.UpdateAsync(b, default);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((WatchEventType.Modified, "fish"), (events.Current.Type, Assert.Single(events.Current.Object.Spec.Classes!)));

        await store.DeleteAsync(new ObjectKey(ns, "b"), default);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((WatchEventType.Deleted, "b"), (events.Current.Type, events.Current.Object.Metadata.Name));
        Assert.Contains(api.Requests, r => r.Verb == "watch" && r.Query.Contains("allowWatchBookmarks=true", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Watch_VersionOlderThanTheServerKeeps_ThrowsWatchGone()
    {
        var server = EnvtestServer.Shared;
        var ns = await server.CreateNamespaceAsync("watch-gone");
        await using var api = await EnvtestApi.StartAsync(server, ns);
        var source = new KubeWatchSource<Dataset>(api.CreateClient(), KubeResources.Dataset, ns);

        // resourceVersion 1 is older than anything the server's watch cache holds: it answers 410 Gone ("too old").
        await Assert.ThrowsAsync<WatchGoneException>(async () =>
        {
            await foreach (var _ in source.WatchAsync("1", new CancellationTokenSource(Guard).Token))
            {
            }
        });
    }

    [SkippableFact]
    public async Task Watch_Http410OnOpen_ThrowsWatchGone()
    {
        var server = EnvtestServer.Shared;
        var ns = await server.CreateNamespaceAsync("watch-410");
        await using var api = await EnvtestApi.StartAsync(server, ns);
        var source = new KubeWatchSource<Dataset>(api.CreateClient(), KubeResources.Dataset, ns);
        var list = await source.ListAsync(default);
        api.FailNext(call => call.Verb == "watch", 410, "Expired", "too old resource version");

        await Assert.ThrowsAsync<WatchGoneException>(async () =>
        {
            await foreach (var _ in source.WatchAsync(list.ResourceVersion, new CancellationTokenSource(Guard).Token))
            {
            }
        });
    }
}
