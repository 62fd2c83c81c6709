using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Tests.EndToEnd.Apis;
using Detector.Preprocessing.Outputs;
using Detector.Preprocessing.Storage;

namespace Detector.RuntimeBench;

/// <summary>
/// Plays the Job controller and the prepare Jobs (a bare API server has neither), as the end-to-end tests do: for a
/// Dataset that is Prepared in the scenario, it writes manifest.json into the Dataset's output prefix on s3rver (what
/// <c>detector prepare</c> does last) and then the status the 1.33 Job controller writes for a succeeded Job
/// (<see cref="JobControllerStatus"/>); for a Dataset that stays Preparing, it writes the status of a Job with one
/// running pod. Each Job is handled once, as soon as its Dataset names it.
/// </summary>
public sealed class JobControllerPlayer : IDisposable
{
    private static readonly TimeSpan s_listInterval = TimeSpan.FromMilliseconds(500);

    private readonly BenchWorld _world;
    private readonly int _objects;
    private readonly HttpClient _http;
    private readonly IKubeStore<Dataset> _datasets;
    private readonly ConcurrentDictionary<string, bool> _handled = new(StringComparer.Ordinal);

    /// <summary>Plays for the <paramref name="objects"/> Datasets of the scenario in <paramref name="world"/>.</summary>
    public JobControllerPlayer(BenchWorld world, int objects)
    {
        (_world, _objects) = (world, objects);
        _http = new HttpClient(world.Server.CreateHttpHandler(asAdmin: true)) { BaseAddress = world.Server.Url };
        _datasets = new KubeStore<Dataset>(world.Admin, KubeResources.Dataset);
    }

    /// <summary>When the last Dataset named its Job (every prepare Job created), or null before.</summary>
    public DateTimeOffset? AllJobsCreatedAt { get; private set; }

    /// <summary>Runs until every Dataset's Job is handled; an error (e.g. the server refused a status) ends it.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var store = new S3ObjectStore(_world.S3.CreateClient(), _world.S3.Settings);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(Scenario.Manifest(DateTimeOffset.UtcNow), DatasetManifest.JsonOptions);
        while (_handled.Count < _objects)
        {
            var datasets = await _datasets.ListAsync(_world.Namespace, null, ct);
            var named = datasets.Where(d => d.Status?.JobName is not null && d.Status.Outputs?.Prefix is not null).ToList();
            if (AllJobsCreatedAt is null && named.Count >= _objects)
                AllJobsCreatedAt = DateTimeOffset.UtcNow;
            var todo = named.Where(d => !_handled.ContainsKey(d.Metadata.Name)).ToList();
            await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (dataset, token) =>
            {
                if (Scenario.DatasetIndex(dataset.Metadata.Name) is not { } index)
                    return;
                if (!Scenario.Waits(index))
                {
                    var uri = StorageUri.Parse(dataset.Status!.Outputs!.Prefix!).Join("manifest.json");
                    await store.PutAsync(uri, manifest, "application/json", token);
                }
                await WriteJobStatusAsync(dataset.Status!.JobName!, Scenario.Waits(index), token);
                _handled[dataset.Metadata.Name] = true;
            });
            if (_handled.Count < _objects)
                await Task.Delay(s_listInterval, ct);   // A poll, as a controller without a watch would: this is the bench, not a test.
        }
    }

    private async Task WriteJobStatusAsync(string jobName, bool running, CancellationToken ct)
    {
        var path = $"/apis/batch/v1/namespaces/{_world.Namespace}/jobs/{jobName}";
        var job = JsonNode.Parse(await _http.GetStringAsync(path, ct))!.AsObject();
        var now = JobControllerStatus.Timestamp(DateTimeOffset.UtcNow);
        job["status"] = running ? Running(now) : JobControllerStatus.Succeeded(job, now);
        using var content = new StringContent(job.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await _http.PutAsync(path + "/status", content, ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new BenchException($"the API server refused the status of Job {jobName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    // What the Job controller writes while the Job's one pod runs.
    private static JsonObject Running(string now) => new()
    {
        ["startTime"] = now,
        ["active"] = 1,
        ["ready"] = 1,
        ["terminating"] = 0,
        ["uncountedTerminatedPods"] = new JsonObject(),
    };

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
