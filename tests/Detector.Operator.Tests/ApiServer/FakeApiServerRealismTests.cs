using System.Net;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Detector.Operator.Tests.ApiServer;

/// <summary>What a real server does that a naive fake does not, and that an operator trips over on its first real cluster.</summary>
public sealed class FakeApiServerRealismTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private const string Ns = "default";
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await Widgets.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateJob_MountOfAMissingVolume_Is422WithTheFieldPath()
    {
        using var client = _server.CreateClient();
        var job = Widgets.Job("j");
        job.Spec.Template.Spec.Containers[0].VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }];

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.BatchV1.CreateNamespacedJobAsync(job, Ns));

        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Equal("Job.batch \"j\" is invalid: spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"tmp\"",
            JsonNode.Parse(error.Response.Content)!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Job_ServiceAccountMissing_NeverSucceedsAndFailsPodCreation()
    {
        using var client = _server.CreateClient();
        var job = Widgets.Job("j");
        job.Spec.Template.Spec.ServiceAccountName = "detector-datasets";
        await client.BatchV1.CreateNamespacedJobAsync(job, Ns);

        Assert.Null(_server.StartJobPods(Ns, "j"));
        var failedCreate = Assert.Single(_server.List("events", Ns));
        Assert.Equal("FailedCreate", failedCreate["reason"]!.GetValue<string>());
        Assert.Contains("serviceaccount \"detector-datasets\" not found", failedCreate["message"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => _server.SetJobSucceeded(Ns, "j"));

        _server.Put(new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = new V1ObjectMeta { Name = "detector-datasets", NamespaceProperty = Ns } });
        Assert.Null(_server.JobPodProblem(Ns, "j"));
    }

    [Theory]
    [InlineData("secret", "secret \"kaggle\" not found")]
    [InlineData("root", "container's runAsUser breaks non-root policy")]
    public async Task Job_PodThatCannotStart_WaitsInCreateContainerConfigError(string problem, string message)
    {
        using var client = _server.CreateClient();
        var job = Widgets.Job("j");
        if (problem == "secret")
            job.Spec.Template.Spec.Containers[0].Env = [new V1EnvVar { Name = "KAGGLE_KEY", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "kaggle", Key = "KAGGLE_KEY" } } }];
        else
            job.Spec.Template.Spec.SecurityContext = new V1PodSecurityContext { RunAsNonRoot = true, RunAsUser = 0 };
        await client.BatchV1.CreateNamespacedJobAsync(job, Ns);

        var pod = KubernetesJson.Deserialize<V1Pod>(_server.StartJobPods(Ns, "j")!.ToJsonString());

        var waiting = pod.Status.ContainerStatuses[0].State.Waiting;
        Assert.Equal("CreateContainerConfigError", waiting.Reason);
        Assert.Contains(message, waiting.Message);
        Assert.Equal("j", pod.Metadata.Labels["job-name"]);
    }

    [Fact]
    public async Task Writes_ReturnManagedFieldsPerManager()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        created["status"] = new JsonObject { ["phase"] = "Ready" };
        var afterStatus = await client.ReplaceStatusAsync(created);

        var entries = afterStatus["metadata"]!["managedFields"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("FieldsV1", e["fieldsType"]!.GetValue<string>()));
        Assert.Contains(entries, e => e["subresource"]?.GetValue<string>() == "status" && e["fieldsV1"]!["f:status"]!["f:phase"] is not null);
        Assert.Contains(entries, e => e["subresource"] is null && e["fieldsV1"]!["f:spec"]!["f:size"] is not null);
    }

    [Fact]
    public async Task Read_ObjectStoredWithoutDefaults_IsDefaultedOnEveryRead()
    {
        // Put skips admission, like an object stored in etcd before its CRD gained the default.
        _server.Put(Widgets.New("old"));
        Assert.Null(_server.Get("widgets", Ns, "old")!["spec"]!["color"]);
        using var client = _server.CreateClient();

        var read = await client.GetWidgetAsync("old");
        var listed = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(Widgets.Group, Widgets.Version, Ns, Widgets.Plural);

        Assert.Equal("red", read["spec"]!["color"]!.GetValue<string>());
        Assert.Equal("red", listed["items"]![0]!["spec"]!["color"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_WithoutAllowWatchBookmarks_GetsNoBookmark()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        using var cts = new CancellationTokenSource(s_timeout);
        var stream = client.CustomObjects.WatchListNamespacedCustomObjectAsync(Widgets.Group, Widgets.Version, Ns, Widgets.Plural,
            allowWatchBookmarks: false, resourceVersion: Widgets.ResourceVersion(created), cancellationToken: cts.Token);
        await using var events = stream.GetAsyncEnumerator(cts.Token);
        var next = events.MoveNextAsync().AsTask();
        await _server.WaitForAsync(s => s.Store.OpenWatchCount == 1, s_timeout);

        _server.SendBookmarks();
        await client.CreateAsync(Widgets.New("b"));

        Assert.True(await next);
        Assert.Equal(WatchEventType.Added, events.Current.Item1);      // the bookmark sent before it never came
    }

    [Fact]
    public async Task MainResourceWrite_OfStatus_IsIgnored()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        created["status"] = new JsonObject { ["phase"] = "Ready" };

        var replaced = await client.ReplaceAsync(created);

        Assert.Null(replaced["status"]);
        Assert.Null(_server.Get("widgets", Ns, "a")!["status"]);
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)_server.Requests.Last().StatusCode);
    }
}
