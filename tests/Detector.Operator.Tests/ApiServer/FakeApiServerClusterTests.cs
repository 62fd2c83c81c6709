using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.ApiServer;

/// <summary>Cluster-wide requests, built-in kinds, the kubeconfig and the RBAC view of the request log.</summary>
public sealed class FakeApiServerClusterTests : IAsyncLifetime
{
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await Widgets.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ListCluster_ObjectsInSeveralNamespaces_ReturnsAll()
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        var other = Widgets.New("b");
        other["metadata"]!["namespace"] = "other";
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(other, Widgets.Group, Widgets.Version, "other", Widgets.Plural);

        var list = await client.CustomObjects.ListClusterCustomObjectAsync<JsonObject>(Widgets.Group, Widgets.Version, Widgets.Plural);

        Assert.Equal(["default/a", "other/b"], list["items"]!.AsArray().Select(i => $"{i!["metadata"]!["namespace"]}/{Widgets.Name(i)}"));
    }

    [Fact]
    public async Task Namespace_ClusterScoped_CreateAndRead()
    {
        using var client = _server.CreateClient();

        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "vision" } });
        var read = await client.CoreV1.ReadNamespaceAsync("vision");

        Assert.Equal("vision", read.Metadata.Name);
        Assert.Null(read.Metadata.NamespaceProperty);
    }

    [Fact]
    public async Task Event_CreatedThroughEventsApi_IsStored()
    {
        using var client = _server.CreateClient();
        var ev = new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "e1", NamespaceProperty = Widgets.Namespace },
            EventTime = DateTime.UtcNow,
            Reason = "Created",
            Note = "created a job",
            Type = "Normal",
            Action = "Create",
            ReportingController = "detector.dev/operator",
            ReportingInstance = "detector-0",
        };

        await client.EventsV1.CreateNamespacedEventAsync(ev, Widgets.Namespace);

        Assert.Single(_server.List("events.events.k8s.io", Widgets.Namespace));
    }

    [Fact]
    public async Task DeleteCollection_LabelSelector_DeletesOnlyMatching()
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a", labels: new Dictionary<string, string> { ["app"] = "x" }));
        await client.CreateAsync(Widgets.New("b"));

        await client.CustomObjects.DeleteCollectionNamespacedCustomObjectAsync(Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, labelSelector: "app=x");

        Assert.Equal(["b"], _server.List("widgets").Select(Widgets.Name));
    }

    [Fact]
    public async Task WriteKubeconfig_ClientFromFile_ReachesServer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-kubeconfig-{Guid.NewGuid():N}.yaml");
        try
        {
            _server.WriteKubeconfig(path, "vision");
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
            using var client = new Kubernetes(config);

            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, config.Namespace);

            Assert.Equal("vision", config.Namespace);
            Assert.NotNull(_server.Get("configmaps", "vision", "c"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UsedPermissions_AfterRequests_ListsGroupResourceVerb()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        await client.ReplaceStatusAsync(created);
        await client.BatchV1.ListNamespacedJobAsync(Widgets.Namespace);

        var permissions = _server.UsedPermissions();

        Assert.Equal(
            [("batch", "jobs", "list"), (Widgets.Group, "widgets", "create"), (Widgets.Group, "widgets/status", "update")],
            permissions);
    }

    [Fact]
    public async Task Create_DryRun_IsRejectedRatherThanWritten()
    {
        using var client = _server.CreateClient();

        await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() =>
            client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(Widgets.New("a"), Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, dryRun: "All"));

        Assert.Null(_server.Get("widgets", Widgets.Namespace, "a"));
    }
}
