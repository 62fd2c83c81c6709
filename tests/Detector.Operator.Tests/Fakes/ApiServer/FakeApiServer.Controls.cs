using System.Text.Json.Nodes;
using Detector.Operator.Tests.EndToEnd.Apis;
using k8s;

namespace Detector.Operator.Tests.Fakes.ApiServer;

public sealed partial class FakeApiServer
{
    /// <summary>Every request served so far, in order.</summary>
    public IReadOnlyList<ApiCall> Requests => _handler.Log;

    /// <summary>
    /// The distinct RBAC permissions the requests so far used, as (apiGroup, resource[/subresource], verb), sorted:
    /// what a ClusterRole must grant for the same run to succeed on a real cluster.
    /// </summary>
    public IReadOnlyList<(string Group, string Resource, string Verb)> UsedPermissions() =>
        Requests.Where(r => r.Resource is not null && r.Verb is not null)
            .Select(r => (r.Group!, r.Subresource is null ? r.Resource! : $"{r.Resource}/{r.Subresource}", r.Verb!))
            .Distinct()
            .OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal).ThenBy(p => p.Item3, StringComparer.Ordinal)
            .ToList();

    /// <summary>Empties the request log (e.g. before the phase a test asserts on).</summary>
    public void ClearRequests() => _handler.ClearLog();

    /// <summary>
    /// Makes the next request matching <paramref name="match"/> fail with <paramref name="statusCode"/> and a proper
    /// Status (reason derived from the code unless given); later matching requests are served normally.
    /// </summary>
    public void FailNext(Func<ApiCall, bool> match, int statusCode, string? reason = null, string? message = null) =>
        _handler.Arm(new ArmedFault(match, statusCode, reason ?? DefaultReason(statusCode), message ?? $"injected fault ({statusCode})"));

    /// <summary>Forgets the watch history: the next watch resuming from a resourceVersion already seen gets 410 Expired.</summary>
    public void ExpireHistory() => Store.ExpireHistory();

    /// <summary>Ends every open watch stream.</summary>
    public void CloseWatches() => Store.CloseWatches();

    /// <summary>Sends a BOOKMARK to every watch that allowed bookmarks.</summary>
    public void SendBookmarks() => Store.SendBookmarks();

    /// <summary>
    /// The served resource named by a kind (<c>Job</c>), a plural (<c>jobs</c>) or <c>plural.group</c>
    /// (<c>events.events.k8s.io</c>), case-insensitively; the core group wins a tie.
    /// </summary>
    public ResourceType Resource(string kindOrPlural) =>
        Resources.FirstOrDefault(r =>
            string.Equals(r.Kind, kindOrPlural, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(r.Plural, kindOrPlural, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(r.QualifiedName, kindOrPlural, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"the fake API server does not serve \"{kindOrPlural}\"; it serves {string.Join(", ", Resources.Select(r => r.QualifiedName))}");

    /// <summary>Reads an object straight from the store; null when absent.</summary>
    public JsonObject? Get(string kindOrPlural, string? ns, string name) => Store.TryGet(Resource(kindOrPlural), ns, name);

    /// <summary>Reads an object straight from the store as a typed model (KubernetesClient's JSON rules); null when absent.</summary>
    public T? Get<T>(string kindOrPlural, string? ns, string name) where T : class =>
        Get(kindOrPlural, ns, name) is { } obj ? KubernetesJson.Deserialize<T>(obj.ToJsonString()) : null;

    /// <summary>Lists objects of a resource straight from the store (all namespaces when null).</summary>
    public IReadOnlyList<JsonObject> List(string kindOrPlural, string? ns = null) =>
        Store.All(Resource(kindOrPlural)).Where(o => ns is null || ObjectSemantics.MetaString(o, "namespace") == ns).ToList();

    /// <summary>
    /// Acts as another, privileged client: creates or replaces the whole object (status included, no admission),
    /// producing a new resourceVersion and watch events. The resource comes from apiVersion and kind.
    /// </summary>
    public JsonObject Put(JsonObject obj)
    {
        var apiVersion = obj["apiVersion"]?.GetValue<string>() ?? throw new ArgumentException("Put needs apiVersion");
        var kind = obj["kind"]?.GetValue<string>() ?? throw new ArgumentException("Put needs kind");
        var type = Resources.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind)
            ?? throw new ArgumentException($"the fake API server does not serve {apiVersion} {kind}");
        return Store.Put(type, obj);
    }

    /// <summary><see cref="Put(JsonObject)"/> for a typed model.</summary>
    public JsonObject Put<T>(T obj) => Put(JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject());

    /// <summary>Deletes an object as another client would (finalizers and garbage collection apply).</summary>
    public JsonObject Delete(string kindOrPlural, string? ns, string name) => Store.Delete(Resource(kindOrPlural), ns, name, null);

    /// <summary>
    /// Marks a Job succeeded the way the Job controller does (1.31+): SuccessCriteriaMet then Complete conditions,
    /// succeeded = completions, completionTime set, and for Indexed Jobs completedIndexes covering every index.
    /// </summary>
    public JsonObject SetJobSucceeded(string ns, string name)
    {
        var job = Get("jobs", ns, name) ?? throw new ArgumentException($"no Job {ns}/{name}");
        if (JobPodProblem(ns, name) is { } problem)
            throw new InvalidOperationException($"Job {ns}/{name} cannot succeed on a real cluster, its pods never run: {problem.Reason}: {problem.Message}");
        job["status"] = JobControllerStatus.Succeeded(job, ObjectSemantics.Timestamp(_time.GetUtcNow()));
        return Store.Put(Resource("jobs"), job);
    }

    /// <summary>
    /// Marks a Job failed the way the Job controller does (1.31+): FailureTarget then Failed conditions with the
    /// given reason (e.g. BackoffLimitExceeded) and message.
    /// </summary>
    public JsonObject SetJobFailed(string ns, string name, string reason = "BackoffLimitExceeded", string message = "Job has reached the specified backoff limit")
    {
        var job = Get("jobs", ns, name) ?? throw new ArgumentException($"no Job {ns}/{name}");
        job["status"] = JobControllerStatus.Failed(job, ObjectSemantics.Timestamp(_time.GetUtcNow()), reason, message);
        return Store.Put(Resource("jobs"), job);
    }

    /// <summary>What would stop the Job's pods on a real cluster (missing ServiceAccount, Secret or ConfigMap, runAsNonRoot as uid 0), or null.</summary>
    public PodStartRules.Problem? JobPodProblem(string ns, string name)
    {
        var job = Get("jobs", ns, name) ?? throw new ArgumentException($"no Job {ns}/{name}");
        return PodStartRules.Check(job, (resource, objectName) => Get(resource, ns, objectName) is not null, _options.DefaultServiceAccounts);
    }

    /// <summary>
    /// Acts as the Job controller and the kubelet for one pod of the Job: with a missing ServiceAccount no pod is created
    /// and a Warning FailedCreate Event lands on the Job; otherwise a pod <c>{job}-{suffix}</c> with the job-name labels is
    /// created, Running, or Pending with its container waiting (CreateContainerConfigError and the kubelet's message)
    /// when a Secret or ConfigMap is missing or runAsNonRoot meets uid 0. Returns the pod, or null when none was created.
    /// </summary>
    public JsonObject? StartJobPods(string ns, string name)
    {
        var job = Get("jobs", ns, name) ?? throw new ArgumentException($"no Job {ns}/{name}");
        var now = ObjectSemantics.Timestamp(_time.GetUtcNow());
        var problem = JobPodProblem(ns, name);
        if (problem is { PodCreationFails: true })
        {
            Put(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = $"{name}.{Guid.NewGuid():N}"[..Math.Min(name.Length + 17, 253)], ["namespace"] = ns },
                ["involvedObject"] = new JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "Job", ["name"] = name, ["namespace"] = ns, ["uid"] = ObjectSemantics.MetaString(job, "uid") },
                ["type"] = "Warning",
                ["reason"] = problem.Reason,
                ["message"] = problem.Message,
                ["source"] = new JsonObject { ["component"] = "job-controller" },
                ["firstTimestamp"] = now,
                ["lastTimestamp"] = now,
                ["count"] = 1,
            });
            return null;
        }
        var template = job["spec"]?["template"] as JsonObject ?? new JsonObject();
        var container = template["spec"]?["containers"]?[0]?["name"]?.GetValue<string>() ?? "main";
        var state = problem is null
            ? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } }
            : new JsonObject { ["waiting"] = new JsonObject { ["reason"] = problem.Reason, ["message"] = problem.Message } };
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = ObjectSemantics.GenerateName(name + "-", new Random()),
                ["namespace"] = ns,
                ["labels"] = template["metadata"]?["labels"]?.DeepClone() ?? new JsonObject(),
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "batch/v1", ["kind"] = "Job", ["name"] = name, ["uid"] = ObjectSemantics.MetaString(job, "uid"),
                    ["controller"] = true, ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
            ["status"] = new JsonObject
            {
                ["phase"] = problem is null ? "Running" : "Pending",
                ["containerStatuses"] = new JsonArray(new JsonObject
                {
                    ["name"] = container, ["image"] = template["spec"]?["containers"]?[0]?["image"]?.DeepClone(), ["imageID"] = "",
                    ["ready"] = problem is null, ["restartCount"] = 0, ["started"] = problem is null, ["state"] = state,
                }),
            },
        };
        var created = Put(pod);
        var status = JobControllerStatus.Cleared(job, now);
        status["active"] = 1;
        status["ready"] = problem is null ? 1 : 0;
        job["status"] = status;
        Store.Put(Resource("jobs"), job);
        return created;
    }

    /// <summary>
    /// Waits until <paramref name="predicate"/> holds, re-evaluating it after every store change (no polling);
    /// throws <see cref="TimeoutException"/> naming the last requests when it does not hold in time.
    /// </summary>
    public Task WaitForAsync(Func<FakeApiServer, bool> predicate, TimeSpan timeout) =>
        ChangeWait.UntilAsync(() => Store.NextChange, () => predicate(this), timeout, () => Requests);

    private static string DefaultReason(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        410 => "Expired",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };
}
