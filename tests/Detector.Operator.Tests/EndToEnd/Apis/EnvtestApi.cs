using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Testing;
using k8s;

namespace Detector.Operator.Tests.EndToEnd.Apis;

/// <summary>
/// <see cref="ITestApi"/> over the real kube-apiserver of <see cref="EnvtestServer"/>: reads and privileged writes go
/// straight to the server as admin; the operator and the test's clients go through an <see cref="ApiProxy"/> (request
/// log, FailNext); waits wake on a <see cref="ChangeFeed"/> of the test's namespaces and on every proxied request.
/// The test plays the Job controller by writing Job status through the status subresource, which the server validates.
/// </summary>
public sealed class EnvtestApi : ITestApi
{
    private readonly HttpClient _admin;
    private readonly ChangeFeed _feed;
    private readonly ApiProxy _proxy;

    private EnvtestApi(EnvtestServer server, HttpClient admin, ChangeFeed feed, ApiProxy proxy)
    {
        (Server, _admin, _feed, _proxy) = (server, admin, feed, proxy);
        _proxy.Logged += _feed.Signal;
    }

    /// <summary>The shared real server.</summary>
    public EnvtestServer Server { get; }

    /// <summary>The proxy's URL (what the operator's kubeconfig points at).</summary>
    public Uri ProxyUrl => _proxy.Url;

    /// <summary>Starts the proxy and a change feed over <paramref name="namespaces"/> (the test's and its lease namespace).</summary>
    public static async Task<EnvtestApi> StartAsync(EnvtestServer server, params string[] namespaces)
    {
        var admin = new HttpClient(server.CreateHttpHandler(asAdmin: true)) { BaseAddress = server.Url, Timeout = Timeout.InfiniteTimeSpan };
        var feed = new ChangeFeed(admin);
        var proxy = await ApiProxy.StartAsync(server.Url, server.CreateHttpHandler(asAdmin: true), server.CreateHttpHandler(asAdmin: false));
        await feed.StartAsync(namespaces.SelectMany(ns => RestResource.All
            .Where(r => r.Plural is not ("secrets" or "configmaps" or "serviceaccounts"))
            .Select(r => (r, ns))));
        return new EnvtestApi(server, admin, feed, proxy);
    }

    /// <inheritdoc />
    public JsonObject? Get(string plural, string? ns, string name)
    {
        var resource = RestResource.ByPlural(plural);
        var (code, body) = Send(HttpMethod.Get, resource.ObjectPath(ns!, name), null);
        return code == HttpStatusCode.NotFound ? null : WithType(Ok(code, body, $"get {plural} {ns}/{name}"), resource);
    }

    /// <inheritdoc />
    public IReadOnlyList<JsonObject> List(string plural, string ns)
    {
        var resource = RestResource.ByPlural(plural);
        var (code, body) = Send(HttpMethod.Get, resource.CollectionPath(ns), null);
        var list = Ok(code, body, $"list {plural} {ns}");
        return [.. (list["items"] as JsonArray ?? []).Select(item => WithType(item!.AsObject(), resource))];
    }

    /// <inheritdoc />
    public JsonObject Put(JsonObject obj)
    {
        var resource = RestResource.ByKind(obj["apiVersion"]!.GetValue<string>(), obj["kind"]!.GetValue<string>());
        var ns = obj["metadata"]!["namespace"]!.GetValue<string>();
        var name = obj["metadata"]!["name"]!.GetValue<string>();
        var sent = (JsonObject)obj.DeepClone();
        sent["metadata"]!.AsObject().Remove("resourceVersion");
        var (code, body) = Send(HttpMethod.Post, resource.CollectionPath(ns), sent);
        if (code == HttpStatusCode.Conflict)
        {
            var current = Get(resource.Plural, ns, name)!;
            sent["metadata"]!["resourceVersion"] = current["metadata"]!["resourceVersion"]!.DeepClone();
            (code, body) = Send(HttpMethod.Put, resource.ObjectPath(ns, name), sent);
        }
        var stored = Ok(code, body, $"put {resource.Plural} {ns}/{name}");
        if (resource.HasStatus && obj["status"] is JsonObject status)
            stored = WriteStatus(resource, stored, status.DeepClone().AsObject());
        return WithType(stored, resource);
    }

    /// <inheritdoc />
    public void Delete(string plural, string ns, string name)
    {
        var (code, body) = Send(HttpMethod.Delete, RestResource.ByPlural(plural).ObjectPath(ns, name), null);
        Ok(code, body, $"delete {plural} {ns}/{name}");
    }

    /// <inheritdoc />
    public JsonObject SetJobSucceeded(string ns, string name)
    {
        var job = Get("jobs", ns, name) ?? throw new ArgumentException($"no Job {ns}/{name}");
        return WriteStatus(RestResource.ByPlural("jobs"), job, JobControllerStatus.Succeeded(job, Now()));
    }

    /// <inheritdoc />
    public JsonObject SetJobFailed(string ns, string name, string reason = "BackoffLimitExceeded", string message = "Job has reached the specified backoff limit")
    {
        var job = Get("jobs", ns, name) ?? throw new ArgumentException($"no Job {ns}/{name}");
        return WriteStatus(RestResource.ByPlural("jobs"), job, JobControllerStatus.Failed(job, Now(), reason, message));
    }

    /// <inheritdoc />
    public IReadOnlyList<ApiCall> Requests => _proxy.Requests;

    /// <inheritdoc />
    public void ClearRequests() => _proxy.ClearRequests();

    /// <inheritdoc />
    public void FailNext(Func<ApiCall, bool> match, int statusCode, string? reason = null, string? message = null) =>
        _proxy.FailNext(match, statusCode, reason ?? DefaultReason(statusCode), message ?? $"injected fault ({statusCode})");

    /// <inheritdoc />
    public Task WaitForAsync(Func<ITestApi, bool> predicate, TimeSpan timeout) =>
        ChangeWait.UntilAsync(() => _feed.NextChange, () => predicate(this), timeout, () => Requests);

    /// <summary>Wakes waiters for a change the feed cannot see (e.g. the fake SageMaker's clock moved).</summary>
    public void Signal() => _feed.Signal();

    /// <inheritdoc />
    public IKubernetes CreateClient() => new Kubernetes(new KubernetesClientConfiguration { Host = _proxy.Url.ToString().TrimEnd('/') });

    /// <inheritdoc />
    public string WriteKubeconfig(string path, string defaultNamespace) => WriteProxyKubeconfig(path, defaultNamespace, token: null);

    /// <summary>
    /// A kubeconfig through the proxy that authenticates as a ServiceAccount (TokenRequest), so the client has exactly
    /// the RBAC permissions bound to it and its requests are still logged.
    /// </summary>
    public async Task<string> WriteServiceAccountKubeconfigAsync(string path, string serviceAccountNamespace, string serviceAccount, string defaultNamespace)
    {
        var direct = await Server.WriteServiceAccountKubeconfigAsync(path, serviceAccountNamespace, serviceAccount, defaultNamespace);
        var token = KubernetesClientConfiguration.BuildConfigFromConfigFile(direct).AccessToken;
        return WriteProxyKubeconfig(path, defaultNamespace, token);
    }

    private string WriteProxyKubeconfig(string path, string defaultNamespace, string? token)
    {
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: envtest-proxy
              cluster:
                server: {_proxy.Url.ToString().TrimEnd('/')}
            users:
            - name: envtest
              user:
                token: {token ?? ApiProxy.AdminToken}
            contexts:
            - name: envtest-proxy
              context:
                cluster: envtest-proxy
                user: envtest
                namespace: {defaultNamespace}
            current-context: envtest-proxy

            """);
        return path;
    }

    private JsonObject WriteStatus(RestResource resource, JsonObject current, JsonObject status)
    {
        var ns = current["metadata"]!["namespace"]!.GetValue<string>();
        var name = current["metadata"]!["name"]!.GetValue<string>();
        var updated = (JsonObject)current.DeepClone();
        updated["status"] = status;
        var (code, body) = Send(HttpMethod.Put, resource.ObjectPath(ns, name, "status"), WithType(updated, resource));
        return WithType(Ok(code, body, $"update {resource.Plural}/status {ns}/{name}"), resource);
    }

    private (HttpStatusCode Code, string Body) Send(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = _admin.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        return (response.StatusCode, reader.ReadToEnd());
    }

    private static JsonObject Ok(HttpStatusCode code, string body, string what) =>
        (int)code is >= 200 and < 300
            ? JsonNode.Parse(body)!.AsObject()
            : throw new InvalidOperationException($"{what}: the API server answered {(int)code}: {body}");

    private static JsonObject WithType(JsonObject obj, RestResource resource)
    {
        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        return obj;
    }

    private static string Now() => JobControllerStatus.Timestamp(DateTimeOffset.UtcNow);

    private static string DefaultReason(int code) => code switch
    {
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _proxy.Logged -= _feed.Signal;
        await _feed.DisposeAsync();
        await _proxy.DisposeAsync();
        _admin.Dispose();
    }
}
