using System.Net;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Detector.Operator.Tests.ApiServer;

public sealed class FakeApiServerLifecycleTests : IAsyncLifetime
{
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await Widgets.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Delete_WithFinalizer_SetsDeletionTimestampUntilLastFinalizerIsRemoved()
    {
        using var client = _server.CreateClient();
        var widget = Widgets.New("a");
        widget["metadata"]!["finalizers"] = new JsonArray("test.detector.dev/cleanup");
        var created = await client.CreateAsync(widget);

        await client.DeleteWidgetAsync("a");
        var terminating = await client.GetWidgetAsync("a");
        terminating["metadata"]!["finalizers"] = new JsonArray();
        await client.ReplaceAsync(terminating);

        Assert.NotNull(terminating["metadata"]!["deletionTimestamp"]);
        Assert.Equal(Widgets.Generation(created) + 1, Widgets.Generation(terminating));
        Assert.Null(_server.Get("widgets", Widgets.Namespace, "a"));
    }

    [Fact]
    public async Task Update_AddingFinalizerWhileDeleting_IsRejected()
    {
        using var client = _server.CreateClient();
        var widget = Widgets.New("a");
        widget["metadata"]!["finalizers"] = new JsonArray("x/one");
        await client.CreateAsync(widget);
        await client.DeleteWidgetAsync("a");
        var terminating = await client.GetWidgetAsync("a");
        terminating["metadata"]!["finalizers"]!.AsArray().Add("x/two");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.ReplaceAsync(terminating));

        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Contains("metadata.finalizers", error.Response.Content);
    }

    [Fact]
    public async Task Delete_WithoutFinalizers_RemovesObject()
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));

        await client.DeleteWidgetAsync("a");

        Assert.Null(_server.Get("widgets", Widgets.Namespace, "a"));
    }

    [Fact]
    public async Task Delete_Owner_GarbageCollectsOwnedJob()
    {
        using var client = _server.CreateClient();
        var owner = await client.CreateAsync(Widgets.New("owner"));
        await client.BatchV1.CreateNamespacedJobAsync(Job("owned", owner), Widgets.Namespace);
        await client.BatchV1.CreateNamespacedJobAsync(Job("unowned", owner: null), Widgets.Namespace);

        await client.DeleteWidgetAsync("owner");

        Assert.Null(_server.Get("jobs", Widgets.Namespace, "owned"));
        Assert.NotNull(_server.Get("jobs", Widgets.Namespace, "unowned"));
    }

    [Fact]
    public async Task Create_DependentOfMissingOwner_IsCollected()
    {
        using var client = _server.CreateClient();
        var ghost = Widgets.New("ghost");
        ghost["metadata"]!["uid"] = "00000000-0000-0000-0000-000000000000";

        await client.BatchV1.CreateNamespacedJobAsync(Job("orphan", ghost), Widgets.Namespace);

        Assert.Null(_server.Get("jobs", Widgets.Namespace, "orphan"));
    }

    [Fact]
    public async Task SetJobSucceeded_CreatedJob_HasCompleteConditionLikeJobController()
    {
        using var client = _server.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("j", owner: null), Widgets.Namespace);

        _server.SetJobSucceeded(Widgets.Namespace, "j");
        var job = await client.BatchV1.ReadNamespacedJobAsync("j", Widgets.Namespace);

        Assert.Equal(["SuccessCriteriaMet", "Complete"], job.Status.Conditions.Select(c => c.Type));
        Assert.All(job.Status.Conditions, c => Assert.Equal("True", c.Status));
        Assert.Equal(1, job.Status.Succeeded);
        Assert.NotNull(job.Status.CompletionTime);
    }

    [Fact]
    public async Task SetJobFailed_CreatedJob_HasFailedConditionWithReason()
    {
        using var client = _server.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("j", owner: null), Widgets.Namespace);

        _server.SetJobFailed(Widgets.Namespace, "j", "DeadlineExceeded", "Job was active longer than specified deadline");
        var job = await client.BatchV1.ReadNamespacedJobAsync("j", Widgets.Namespace);

        var failed = Assert.Single(job.Status.Conditions, c => c.Type == "Failed");
        Assert.Equal("DeadlineExceeded", failed.Reason);
        Assert.Contains(job.Status.Conditions, c => c.Type == "FailureTarget");
    }

    [Fact]
    public async Task Patch_MergePatch_ChangesOnlyNamedFields()
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a", size: 2, new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "1" }));
        var patch = new V1Patch("""{"metadata":{"labels":{"drop":null}},"spec":{"size":4}}""", V1Patch.PatchType.MergePatch);

        var patched = await client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(patch, Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, "a");

        Assert.Equal(4, patched["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("""{"keep":"1"}""", patched["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal(2, Widgets.Generation(patched));
    }

    [Fact]
    public async Task Patch_JsonPatchOnStatus_ChangesOnlyStatus()
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a", size: 2));
        var patch = new V1Patch("""[{"op":"add","path":"/status","value":{"phase":"Ready"}},{"op":"replace","path":"/spec/size","value":7}]""", V1Patch.PatchType.JsonPatch);

        var patched = await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<JsonObject>(patch, Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, "a");

        Assert.Equal("Ready", patched["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(2, patched["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_StaleResourceVersionInPatch_Returns409()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        await client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(
            new V1Patch("""{"spec":{"size":2}}""", V1Patch.PatchType.MergePatch), Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, "a");
        var stale = new V1Patch($$$"""{"metadata":{"resourceVersion":"{{{Widgets.ResourceVersion(created)}}}"},"spec":{"size":3}}""", V1Patch.PatchType.MergePatch);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(stale, Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, "a"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
    }

    [Theory]
    [InlineData("app=x", "a,b")]
    [InlineData("app==x,tier!=db", "a")]
    [InlineData("tier in (db,cache)", "b,c")]
    [InlineData("tier notin (db)", "a,c")]
    [InlineData("tier", "b,c")]
    [InlineData("!tier", "a")]
    public async Task List_LabelSelector_ReturnsMatchingObjects(string selector, string expected)
    {
        using var client = _server.CreateClient();
        await client.CreateAsync(Widgets.New("a", labels: new Dictionary<string, string> { ["app"] = "x" }));
        await client.CreateAsync(Widgets.New("b", labels: new Dictionary<string, string> { ["app"] = "x", ["tier"] = "db" }));
        await client.CreateAsync(Widgets.New("c", labels: new Dictionary<string, string> { ["app"] = "y", ["tier"] = "cache" }));

        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(
            Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, labelSelector: selector);

        Assert.Equal(expected, string.Join(",", list["items"]!.AsArray().Select(i => Widgets.Name(i!))));
    }

    [Fact]
    public async Task List_WithLimit_PagesWithContinueToken()
    {
        using var client = _server.CreateClient();
        foreach (var name in new[] { "a", "b", "c" })
            await client.CreateAsync(Widgets.New(name));

        var first = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, limit: 2);
        var token = first["metadata"]!["continue"]!.GetValue<string>();
        var second = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(Widgets.Group, Widgets.Version, Widgets.Namespace, Widgets.Plural, limit: 2, continueParameter: token);

        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Equal("c", Widgets.Name(Assert.Single(second["items"]!.AsArray())!));
        Assert.Null(second["metadata"]!["continue"]);
    }

    [Fact]
    public async Task FailNext_MatchingStatusWrite_FailsOnceWithStatus()
    {
        using var client = _server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("a"));
        created["status"] = new JsonObject { ["phase"] = "Ready" };
        _server.FailNext(call => call is { Verb: "update", Subresource: "status" }, 409);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.ReplaceStatusAsync(created));
        var retried = await client.ReplaceStatusAsync(created);

        Assert.Equal("Conflict", JsonNode.Parse(error.Response.Content)!["reason"]!.GetValue<string>());
        Assert.Equal("Ready", retried["status"]!["phase"]!.GetValue<string>());
        Assert.Equal([409, 200], _server.Requests.Where(r => r.Subresource == "status").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Lease_CreateAndUpdate_WorksThroughCoordinationApi()
    {
        using var client = _server.CreateClient();
        var lease = new V1Lease { Metadata = new V1ObjectMeta { Name = "leader", NamespaceProperty = Widgets.Namespace }, Spec = new V1LeaseSpec { HolderIdentity = "one" } };

        var created = await client.CoordinationV1.CreateNamespacedLeaseAsync(lease, Widgets.Namespace);
        created.Spec.HolderIdentity = "two";
        var updated = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(created, "leader", Widgets.Namespace);

        Assert.Equal("two", updated.Spec.HolderIdentity);
        Assert.NotEqual(created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
    }

    private static V1Job Job(string name, JsonObject? owner) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Widgets.Namespace,
            OwnerReferences = owner is null ? null :
            [
                new V1OwnerReference
                {
                    ApiVersion = owner["apiVersion"]!.GetValue<string>(),
                    Kind = "Widget",
                    Name = Widgets.Name(owner),
                    Uid = owner["metadata"]!["uid"]!.GetValue<string>(),
                    Controller = true,
                    BlockOwnerDeletion = true,
                },
            ],
        },
        Spec = new V1JobSpec
        {
            Template = new V1PodTemplateSpec
            {
                Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "main", Image = "busybox" }] },
            },
        },
    };
}
