using System.Net;
using System.Text;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Detector.Operator.Tests.ApiServer;

/// <summary>Server-side behaviour of the built-in kinds the operator writes: Job defaults and immutability, Secrets.</summary>
public sealed class FakeApiServerBuiltInTests : IAsyncLifetime
{
    private const string Ns = "default";
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await Widgets.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateJob_WithoutSelector_GetsDefaultsAndGeneratedSelector()
    {
        using var client = _server.CreateClient();

        var job = await client.BatchV1.CreateNamespacedJobAsync(Widgets.Job("j"), Ns);

        Assert.Equal((1, 1, 6, "NonIndexed", false), (job.Spec.Completions, job.Spec.Parallelism, job.Spec.BackoffLimit, job.Spec.CompletionMode, job.Spec.Suspend));
        Assert.Equal(job.Metadata.Uid, job.Spec.Selector.MatchLabels["batch.kubernetes.io/controller-uid"]);
        Assert.Equal("j", job.Spec.Template.Metadata.Labels["batch.kubernetes.io/job-name"]);
    }

    [Fact]
    public async Task ReplaceJob_ChangedTemplate_Returns422Immutable()
    {
        using var client = _server.CreateClient();
        var job = await client.BatchV1.CreateNamespacedJobAsync(Widgets.Job("j"), Ns);
        job.Spec.Template.Spec.Containers[0].Image = "other";

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.BatchV1.ReplaceNamespacedJobAsync(job, "j", Ns));

        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Contains("spec.template", error.Response.Content);
    }

    [Fact]
    public async Task SetJobSucceeded_IndexedJob_ReportsEveryCompletedIndex()
    {
        using var client = _server.CreateClient();
        var indexed = Widgets.Job("j");
        indexed.Spec.CompletionMode = "Indexed";
        indexed.Spec.Completions = 3;
        indexed.Spec.Parallelism = 3;
        await client.BatchV1.CreateNamespacedJobAsync(indexed, Ns);

        _server.SetJobSucceeded(Ns, "j");
        var job = await client.BatchV1.ReadNamespacedJobAsync("j", Ns);

        Assert.Equal(("0-2", 3), (job.Status.CompletedIndexes, job.Status.Succeeded));
    }

    [Fact]
    public async Task CreateSecret_StringData_IsFoldedIntoData()
    {
        using var client = _server.CreateClient();
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, StringData = new Dictionary<string, string> { ["key"] = "value" } };

        var created = await client.CoreV1.CreateNamespacedSecretAsync(secret, Ns);

        Assert.Null(created.StringData);
        Assert.Equal("value", Encoding.UTF8.GetString(created.Data["key"]));
    }

    [Fact]
    public async Task DeleteJob_ThroughTypedClient_Succeeds()
    {
        using var client = _server.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Widgets.Job("j"), Ns);

        await client.BatchV1.DeleteNamespacedJobAsync("j", Ns, propagationPolicy: "Background");

        Assert.Null(_server.Get("jobs", Ns, "j"));
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)_server.Requests.Last().StatusCode);
    }
}
