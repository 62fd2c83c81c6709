using System.Net;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s.Autorest;

namespace Detector.Operator.Tests.ApiServer;

public sealed class FakeApiServerCrudTests : IAsyncLifetime
{
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await Widgets.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Create_NewWidget_AssignsServerMetadataAndIsReadable()
    {
        using var client = _server.CreateClient();

        var created = await client.CreateAsync(Widgets.New("a"));
        var read = await client.GetWidgetAsync("a");

        Assert.False(string.IsNullOrEmpty(created["metadata"]!["uid"]!.GetValue<string>()));
        Assert.NotNull(created["metadata"]!["creationTimestamp"]);
        Assert.Equal(1, Widgets.Generation(created));
        Assert.Equal(Widgets.ResourceVersion(created), Widgets.ResourceVersion(read));
        Assert.Contains(_server.Requests, r => r is { Verb: "create", Resource: "widgets", StatusCode: 201 });
    }

    [Fact]
    public async Task Create_ExistingName_Returns409AlreadyExists()
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CreateAsync(Widgets.New("a")));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("AlreadyExists", JsonNode.Parse(error.Response.Content)!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_GenerateName_AppendsRandomSuffix()
    {
        using var client = _server.CreateClient();
        var widget = Widgets.New("");
        widget["metadata"]!.AsObject().Remove("name");
        widget["metadata"]!["generateName"] = "gen-";

        var created = await client.CreateAsync(widget);

        Assert.Matches("^gen-[a-z0-9]{5}$", Widgets.Name(created));
    }

    [Fact]
    public async Task Get_MissingObject_Returns404StatusNotFound()
    {
        using var client = _server.CreateClient();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.GetWidgetAsync("missing"));

        var status = JsonNode.Parse(error.Response.Content)!;
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
        Assert.Equal("widgets.test.detector.dev \"missing\" not found", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_StaleResourceVersion_Returns409Conflict()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        var first = created.DeepClone().AsObject();
        first["spec"]!["size"] = 2;
        await client.ReplaceAsync(first);
        var stale = created.DeepClone().AsObject();
        stale["spec"]!["size"] = 3;

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.ReplaceAsync(stale));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("Conflict", JsonNode.Parse(error.Response.Content)!["reason"]!.GetValue<string>());
        Assert.Equal(2, (await client.GetWidgetAsync("a"))["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_SpecChange_BumpsGenerationAndMetadataChangeDoesNot()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        created["metadata"]!["labels"] = new JsonObject { ["k"] = "v" };
        var relabelled = await client.ReplaceAsync(created);
        relabelled["spec"]!["size"] = 5;

        var resized = await client.ReplaceAsync(relabelled);

        Assert.Equal(1, Widgets.Generation(relabelled));
        Assert.Equal(2, Widgets.Generation(resized));
    }

    [Fact]
    public async Task Update_SameContent_KeepsResourceVersion()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));

        var updated = await client.ReplaceAsync(created);

        Assert.Equal(Widgets.ResourceVersion(created), Widgets.ResourceVersion(updated));
    }

    [Fact]
    public async Task Update_MainResource_IgnoresStatusAndStatusWriteIgnoresSpec()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        created["status"] = new JsonObject { ["phase"] = "FromMain" };
        created["spec"]!["size"] = 2;
        var afterMain = await client.ReplaceAsync(created);
        var statusAfterMain = afterMain["status"]?.DeepClone();
        afterMain["status"] = new JsonObject { ["phase"] = "Ready" };
        afterMain["spec"]!["size"] = 9;

        var afterStatus = await client.ReplaceStatusAsync(afterMain);

        Assert.Null(statusAfterMain);
        Assert.Equal("Ready", afterStatus["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(2, afterStatus["spec"]!["size"]!.GetValue<int>());
        Assert.Equal(2, Widgets.Generation(afterStatus));
    }

    [Fact]
    public async Task Update_WithoutResourceVersion_IsInvalidForCustomResources()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        created["metadata"]!.AsObject().Remove("resourceVersion");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.ReplaceAsync(created));

        Assert.Equal(422, (int)error.Response.StatusCode);
    }
}
