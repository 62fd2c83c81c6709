using System.Net;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s;
using k8s.Autorest;

namespace Detector.Operator.Tests.ApiServer;

public sealed class FakeApiServerValidationTests : IAsyncLifetime
{
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await Widgets.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("""{"size":11}""", "spec.size", "FieldValueInvalid")]
    [InlineData("""{"size":0}""", "spec.size", "FieldValueInvalid")]
    [InlineData("""{}""", "spec.size", "FieldValueRequired")]
    [InlineData("""{"size":"big"}""", "spec.size", "FieldValueInvalid")]
    [InlineData("""{"size":1,"color":"pink"}""", "spec.color", "FieldValueNotSupported")]
    [InlineData("""{"size":1,"tags":["UPPER"]}""", "spec.tags[0]", "FieldValueInvalid")]
    [InlineData("""{"size":1,"tags":["a","b","c","d"]}""", "spec.tags", "FieldValueTooMany")]
    public async Task Create_InvalidSpec_Returns422NamingTheField(string spec, string field, string reason)
    {
        using var client = _server.CreateClient();
        var widget = Widgets.New("a");
        widget["spec"] = JsonNode.Parse(spec);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CreateAsync(widget));

        var status = JsonNode.Parse(error.Response.Content)!;
        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.StartsWith($"Widget.test.detector.dev \"a\" is invalid: {field}: ", status["message"]!.GetValue<string>());
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray());
        Assert.Equal((field, reason), (cause!["field"]!.GetValue<string>(), cause["reason"]!.GetValue<string>()));
        Assert.Null(_server.Get("widgets", Widgets.Namespace, "a"));
    }

    [Fact]
    public async Task Create_Defaults_AppliedFromSchema()
    {
        using var client = _server.CreateClient();
        var widget = Widgets.New("a");
        widget["spec"]!["options"] = new JsonObject();

        var created = await client.CreateAsync(widget);

        Assert.Equal("red", created["spec"]!["color"]!.GetValue<string>());
        Assert.Equal(3, created["spec"]!["options"]!["retries"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_UnknownFields_ArePrunedSilently()
    {
        using var client = _server.CreateClient();
        var widget = Widgets.New("a");
        widget["spec"]!["unknown"] = "x";
        widget["spec"]!["options"] = new JsonObject { ["retries"] = 1, ["alsoUnknown"] = true };
        widget["extra"] = 1;

        var created = await client.CreateAsync(widget);

        Assert.Null(created["spec"]!["unknown"]);
        Assert.Null(created["spec"]!["options"]!["alsoUnknown"]);
        Assert.Null(created["extra"]);
        Assert.Equal(1, created["spec"]!["options"]!["retries"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_ImmutableFieldChanged_Returns422FromCelRule()
    {
        using var client = _server.CreateClient();
        var widget = Widgets.New("a");
        widget["spec"]!["bucket"] = "one";
        var created = await client.CreateAsync(widget);
        created["spec"]!["bucket"] = "two";

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.ReplaceAsync(created));

        var cause = Assert.Single(JsonNode.Parse(error.Response.Content)!["details"]!["causes"]!.AsArray());
        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Equal("spec.bucket", cause!["field"]!.GetValue<string>());
        Assert.Contains("bucket is immutable", cause["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_ImmutableFieldUnchanged_IsAccepted()
    {
        using var client = _server.CreateClient();
        var widget = Widgets.New("a");
        widget["spec"]!["bucket"] = "one";
        var created = await client.CreateAsync(widget);
        created["spec"]!["size"] = 2;

        var updated = await client.ReplaceAsync(created);

        Assert.Equal(2, updated["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_InvalidResult_Returns422AndKeepsObject()
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        var patch = new k8s.Models.V1Patch("""{"spec":{"size":99}}""", k8s.Models.V1Patch.PatchType.MergePatch);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(patch, Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, "a"));

        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Equal(1, (await client.GetWidgetAsync("a"))["spec"]!["size"]!.GetValue<int>());
    }
}
