using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s;

namespace Detector.Operator.Tests.EndToEnd.Apis;

/// <summary>
/// <see cref="ITestApi"/> over our fake API server, for the few tests that need what a bare kube-apiserver cannot show
/// (whether a Job's pods could start: missing ServiceAccount, Secret, runAsNonRoot; see Fakes/ApiServer/README.md).
/// </summary>
public sealed class FakeApi(FakeApiServer server) : ITestApi
{
    /// <summary>The fake itself, for its extra hooks (<see cref="FakeApiServer.JobPodProblem"/>, <see cref="FakeApiServer.StartJobPods"/>).</summary>
    public FakeApiServer Server { get; } = server;

    /// <inheritdoc />
    public JsonObject? Get(string plural, string? ns, string name) => Server.Get(plural, ns, name);

    /// <inheritdoc />
    public IReadOnlyList<JsonObject> List(string plural, string ns) => Server.List(plural, ns);

    /// <inheritdoc />
    public JsonObject Put(JsonObject obj) => Server.Put(obj);

    /// <inheritdoc />
    public void Delete(string plural, string ns, string name) => Server.Delete(plural, ns, name);

    /// <inheritdoc />
    public JsonObject SetJobSucceeded(string ns, string name) => Server.SetJobSucceeded(ns, name);

    /// <inheritdoc />
    public JsonObject SetJobFailed(string ns, string name, string reason = "BackoffLimitExceeded", string message = "Job has reached the specified backoff limit") =>
        Server.SetJobFailed(ns, name, reason, message);

    /// <inheritdoc />
    public IReadOnlyList<ApiCall> Requests => Server.Requests;

    /// <inheritdoc />
    public void ClearRequests() => Server.ClearRequests();

    /// <inheritdoc />
    public void FailNext(Func<ApiCall, bool> match, int statusCode, string? reason = null, string? message = null) =>
        Server.FailNext(match, statusCode, reason, message);

    /// <inheritdoc />
    public Task WaitForAsync(Func<ITestApi, bool> predicate, TimeSpan timeout) => Server.WaitForAsync(_ => predicate(this), timeout);

    /// <inheritdoc />
    public IKubernetes CreateClient() => Server.CreateClient();

    /// <inheritdoc />
    public string WriteKubeconfig(string path, string defaultNamespace) => Server.WriteKubeconfig(path, defaultNamespace);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
