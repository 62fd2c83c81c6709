using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Operator.Validation;
using Detector.Testing;
using k8s;
using k8s.Autorest;

namespace Detector.Operator.Tests.ApiServer;

/// <summary>The fake serving the repository's generated CRDs (crds/*.yaml) and admitting the samples.</summary>
public sealed class FakeApiServerRepositoryCrdTests : IAsyncLifetime
{
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Samples() =>
        [.. Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "crds", "samples"), "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Create_RepositorySample_IsAdmitted(string file)
    {
        using var client = _server.CreateClient();
        var sample = Sample(file);
        var type = _server.Resource(sample["kind"]!.GetValue<string>());
        var ns = sample["metadata"]!["namespace"]!.GetValue<string>();

        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(sample, type.Group, type.Version, ns, type.Plural);

        Assert.Equal(1, Widgets.Generation(created));
    }

    [Fact]
    public async Task Create_TypedDataset_RoundTripsThroughTheClient()
    {
        using var client = _server.CreateClient();
        var dataset = KubernetesJson.Deserialize<Dataset>(Sample("01-dataset.yaml").ToJsonString());

        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<Dataset>(dataset, ApiGroup.Name, ApiGroup.Version, "vision", Dataset.Plural);

        Assert.Equal(dataset.Spec.Source, created.Spec.Source);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.NotNull(_server.Get<Dataset>("Dataset", "vision", "aquarium"));
    }

    [Fact]
    public async Task Create_DatasetWithTwoSources_Returns422NamingSpecSource()
    {
        using var client = _server.CreateClient();
        var sample = Sample("01-dataset.yaml");
        sample["spec"]!["source"]!["http"] = new JsonObject { ["url"] = "https://example.com/data.zip" };

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(sample, ApiGroup.Name, ApiGroup.Version, "vision", Dataset.Plural));

        var causes = JsonNode.Parse(error.Response.Content)!["details"]!["causes"]!.AsArray();
        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Contains(causes, c => c!["field"]!.GetValue<string>() == "spec.source");
    }

    private static JsonObject Sample(string file) =>
        YamlDocuments.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "crds", "samples", file))).Single()!.AsObject();
}
