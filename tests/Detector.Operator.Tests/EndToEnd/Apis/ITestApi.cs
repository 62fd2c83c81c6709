using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s;

namespace Detector.Operator.Tests.EndToEnd.Apis;

/// <summary>
/// The API server an end-to-end test runs against, as the test sees it: reads straight from the server, writes as a
/// privileged client, the Job controller's part, the request log of the operator's client, fault injection and a wait
/// that wakes on changes. Implemented over the real kube-apiserver (<see cref="EnvtestApi"/>) and over our fake
/// (<see cref="FakeApi"/>, only for what a bare server cannot show).
/// </summary>
public interface ITestApi : IAsyncDisposable
{
    /// <summary>Reads an object by plural (<c>jobs</c>, <c>datasets</c>, …); null when absent.</summary>
    JsonObject? Get(string plural, string? ns, string name);

    /// <summary><see cref="Get(string, string?, string)"/> as a typed model (KubernetesClient's JSON rules).</summary>
    T? Get<T>(string plural, string? ns, string name) where T : class =>
        Get(plural, ns, name) is { } obj ? KubernetesJson.Deserialize<T>(obj.ToJsonString()) : null;

    /// <summary>Lists the objects of a resource in a namespace.</summary>
    IReadOnlyList<JsonObject> List(string plural, string ns);

    /// <summary>
    /// Acts as another, privileged client: creates or replaces the whole object, status included (the resource comes
    /// from apiVersion and kind). Returns the stored object.
    /// </summary>
    JsonObject Put(JsonObject obj);

    /// <summary><see cref="Put(JsonObject)"/> for a typed model.</summary>
    JsonObject Put<T>(T obj) => Put(JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject());

    /// <summary>Deletes an object as another client would.</summary>
    void Delete(string plural, string ns, string name);

    /// <summary>Marks a Job succeeded as the 1.33 Job controller does (SuccessCriteriaMet, then Complete).</summary>
    JsonObject SetJobSucceeded(string ns, string name);

    /// <summary>Marks a Job failed as the 1.33 Job controller does (FailureTarget, then Failed).</summary>
    JsonObject SetJobFailed(string ns, string name, string reason = "BackoffLimitExceeded", string message = "Job has reached the specified backoff limit");

    /// <summary>Every request of the clients made by <see cref="CreateClient"/> / <see cref="WriteKubeconfig"/>, in order.</summary>
    IReadOnlyList<ApiCall> Requests { get; }

    /// <summary>Empties the request log.</summary>
    void ClearRequests();

    /// <summary>Makes the next request matching <paramref name="match"/> fail with <paramref name="statusCode"/> and a Status.</summary>
    void FailNext(Func<ApiCall, bool> match, int statusCode, string? reason = null, string? message = null);

    /// <summary>Waits until the predicate holds, re-checked on every change (watch event or request); no polling.</summary>
    Task WaitForAsync(Func<ITestApi, bool> predicate, TimeSpan timeout);

    /// <summary>A client whose requests are logged (and can be failed).</summary>
    IKubernetes CreateClient();

    /// <summary>Writes a kubeconfig for the operator (its requests logged) and returns its path.</summary>
    string WriteKubeconfig(string path, string defaultNamespace);
}
