using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s;

namespace Detector.Operator.Tests.ApiServer;

public sealed class FakeApiServerWatchTests : IAsyncLifetime
{
    // Safety net only: every test ends as soon as the events it expects arrive.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await Widgets.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Watch_FromResourceVersion_StreamsOnlyLaterEventsInOrder()
    {
        using var client = _server.CreateClient();
        var first = await client.CreateAsync(Widgets.New("before"));
        await client.CreateAsync(Widgets.New("after"));
        var modified = await client.GetWidgetAsync("after");
        modified["spec"]!["size"] = 2;
        await client.ReplaceAsync(modified);
        await client.DeleteWidgetAsync("after");

        var events = await CollectAsync(client, Widgets.ResourceVersion(first), count: 3);

        Assert.Equal(["Added after", "Modified after", "Deleted after"], events.Select(e => $"{e.Type} {Widgets.Name(e.Object)}"));
    }

    [Fact]
    public async Task Watch_FromZero_StartsWithSyntheticAddedForCurrentState()
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        await client.CreateAsync(Widgets.New("b"));

        var events = await CollectAsync(client, "0", count: 2);

        Assert.Equal(["Added a", "Added b"], events.Select(e => $"{e.Type} {Widgets.Name(e.Object)}"));
    }

    [Fact]
    public async Task Watch_LiveChange_IsDeliveredToOpenWatch()
    {
        using var client = _server.CreateClient();
        var start = _server.Store.ResourceVersion.ToString();
        var collecting = CollectAsync(client, start, count: 1);
        await _server.WaitForAsync(s => s.Store.OpenWatchCount == 1, s_timeout);

        await client.CreateAsync(Widgets.New("live"));

        var added = Assert.Single(await collecting);
        Assert.Equal((WatchEventType.Added, "live"), (added.Type, Widgets.Name(added.Object)));
    }

    [Fact]
    public async Task Watch_SendBookmarks_DeliversBookmarkWithCurrentResourceVersion()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        var collecting = CollectAsync(client, Widgets.ResourceVersion(created), count: 1);
        await _server.WaitForAsync(s => s.Store.OpenWatchCount == 1, s_timeout);

        _server.SendBookmarks();

        var bookmark = Assert.Single(await collecting);
        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Equal(_server.Store.ResourceVersion.ToString(), Widgets.ResourceVersion(bookmark.Object));
    }

    [Fact]
    public async Task Watch_BookmarkInterval_SendsBookmarkWhenTimeAdvances()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var server = await FakeApiServer.StartAsync(new FakeApiServerOptions
        {
            LoadRepositoryCrds = false, CrdYaml = [Widgets.Crd], Time = time, BookmarkInterval = TimeSpan.FromMinutes(1),
        });
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        var collecting = CollectAsync(client, Widgets.ResourceVersion(created), count: 1);
        await server.WaitForAsync(s => s.Store.OpenWatchCount == 1, s_timeout);

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(WatchEventType.Bookmark, Assert.Single(await collecting).Type);
    }

    [Fact]
    public async Task Watch_AfterExpireHistory_GetsErrorEvent410Expired()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        _server.ExpireHistory();

        var lines = await RawWatchLinesAsync($"resourceVersion={Widgets.ResourceVersion(created)}");

        var error = JsonNode.Parse(Assert.Single(lines))!;
        Assert.Equal("ERROR", error["type"]!.GetValue<string>());
        Assert.Equal(410, error["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", error["object"]!["reason"]!.GetValue<string>());
        Assert.StartsWith("too old resource version", error["object"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_AfterExpireHistoryThroughClient_ReportsKubernetesExceptionWith410AndEnds()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        _server.ExpireHistory();
        var errors = new List<Exception>();
        using var cts = new CancellationTokenSource(s_timeout);

        await foreach (var _ in client.CustomObjects.WatchListNamespacedCustomObjectAsync(Widgets.Group, Widgets.Version, Widgets.Namespace,
            Widgets.Plural, resourceVersion: Widgets.ResourceVersion(created), onError: errors.Add, cancellationToken: cts.Token))
            Assert.Fail("an expired watch must carry no object events");

        var error = Assert.IsType<KubernetesException>(Assert.Single(errors));
        Assert.Equal(410, error.Status.Code);
        Assert.Equal("Expired", error.Status.Reason);
    }

    [Fact]
    public async Task Watch_AfterExpireHistory_FreshListResourceVersionCanBeWatched()
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        _server.ExpireHistory();
        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural);
        var collecting = CollectAsync(client, list["metadata"]!["resourceVersion"]!.GetValue<string>(), count: 1);
        await _server.WaitForAsync(s => s.Store.OpenWatchCount == 1, s_timeout);

        await client.CreateAsync(Widgets.New("b"));

        Assert.Equal("b", Widgets.Name(Assert.Single(await collecting).Object));
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsStream()
    {
        var lines = await RawWatchLinesAsync($"resourceVersion={_server.Store.ResourceVersion}&timeoutSeconds=1");

        Assert.Empty(lines);
    }

    [Fact]
    public async Task CloseWatches_OpenWatch_EndsStream()
    {
        var reading = RawWatchLinesAsync($"resourceVersion={_server.Store.ResourceVersion}");
        await _server.WaitForAsync(s => s.Store.OpenWatchCount == 1, s_timeout);

        _server.CloseWatches();

        Assert.Empty(await reading);
    }

    [Fact]
    public async Task Watch_LabelSelector_SeesObjectLeavingSelectionAsDeleted()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a", labels: new Dictionary<string, string> { ["app"] = "x" }));
        var lines = RawWatchLinesAsync($"resourceVersion={Widgets.ResourceVersion(created)}&labelSelector=app%3Dx", stopAfter: 1);
        await _server.WaitForAsync(s => s.Store.OpenWatchCount == 1, s_timeout);

        created["metadata"]!["labels"]!["app"] = "y";
        await client.ReplaceAsync(created);

        Assert.Equal("DELETED", JsonNode.Parse(Assert.Single(await lines))!["type"]!.GetValue<string>());
    }

    private async Task<List<(WatchEventType Type, JsonObject Object)>> CollectAsync(IKubernetes client, string resourceVersion, int count)
    {
        using var cts = new CancellationTokenSource(s_timeout);
        var events = new List<(WatchEventType, JsonObject)>();
        var stream = client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural,
            allowWatchBookmarks: true, resourceVersion: resourceVersion, cancellationToken: cts.Token);
        await foreach (var (type, obj) in stream)
        {
            events.Add((type, JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject()));
            if (events.Count == count)
                break;
        }
        return events;
    }

    // Reads the raw newline-delimited stream until it ends (or stopAfter lines), to check the wire format itself.
    private async Task<List<string>> RawWatchLinesAsync(string query, int? stopAfter = null)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl, Timeout = s_timeout };
        using var response = await http.GetAsync(
            $"apis/{Widgets.Group}/{Widgets.Version}/namespaces/{Widgets.Namespace}/{Widgets.Plural}?watch=true&{query}",
            HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = new List<string>();
        while (lines.Count != stopAfter && await reader.ReadLineAsync() is { } line)
            lines.Add(line);
        return lines;
    }
}
