using System.Text;
using System.Text.Json.Nodes;
using static Detector.Operator.Tests.Fakes.ApiServer.ObjectSemantics;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// The fake API server's state: every object of every resource, one global resourceVersion counter, a bounded
/// history of changes for watch resumes, and the open watches. Every mutation runs under one lock, so events reach
/// each watch in resourceVersion order. Objects handed out are copies.
/// </summary>
public sealed partial class ObjectStore(
    TimeProvider time,
    Func<ResourceType, JsonObject, JsonObject?, JsonObject> admit,
    int historyLimit)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceType, SortedDictionary<string, JsonObject>> _objects = [];
    private readonly LinkedList<StoreEvent> _history = new();
    private readonly Random _random = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _resourceVersion;
    // A watch may resume from resourceVersion X only when X >= this (older events are gone).
    private long _oldestResumable;

    /// <summary>How the body of a write is taken.</summary>
    private enum WriteMode
    {
        /// <summary>Main resource: status is ignored when it is a subresource; admission runs.</summary>
        Main,
        /// <summary>The /status subresource: only status is taken.</summary>
        Status,
        /// <summary>Test hook: the whole object is taken, no admission (acts like a privileged client).</summary>
        Raw,
    }

    /// <summary>The current value of the global resourceVersion counter.</summary>
    public long ResourceVersion
    {
        get { lock (_gate) return _resourceVersion; }
    }

    /// <summary>Completes at the next change: a committed write, or a watch opening or closing (a skipped no-op write is no change).</summary>
    public Task NextChange
    {
        get { lock (_gate) return _changed.Task; }
    }

    /// <summary>Reads one object.</summary>
    public JsonObject Get(ResourceType type, string? ns, string name)
    {
        lock (_gate)
            return Clone(Find(type, ns, name) ?? throw ApiError.NotFound(type.QualifiedName, name));
    }

    /// <summary>Reads one object, or null.</summary>
    public JsonObject? TryGet(ResourceType type, string? ns, string name)
    {
        lock (_gate)
            return Find(type, ns, name) is { } found ? Clone(found) : null;
    }

    /// <summary>
    /// Lists objects of a resource in a namespace (all when null) in namespace/name order, with optional paging:
    /// the continue token names the last key returned.
    /// </summary>
    public (IReadOnlyList<JsonObject> Items, string ResourceVersion, string? Continue) List(
        ResourceType type, string? ns, LabelSelector labels, Func<JsonNode, bool> fields, int? limit = null, string? continueToken = null)
    {
        lock (_gate)
        {
            var after = continueToken is null ? null : DecodeContinue(continueToken);
            var matching = Objects(type)
                .Where(p => after is null || string.CompareOrdinal(p.Key, after) > 0)
                .Where(p => InNamespace(p.Value, ns) && labels.Matches(p.Value) && fields(p.Value))
                .ToList();
            var page = limit is > 0 ? matching.Take(limit.Value).ToList() : matching;
            var next = page.Count < matching.Count ? EncodeContinue(page[^1].Key) : null;
            return (page.Select(p => Clone(p.Value)).ToList(), _resourceVersion.ToString(), next);
        }
    }

    /// <summary>Every object of a resource (test access).</summary>
    public IReadOnlyList<JsonObject> All(ResourceType type)
    {
        lock (_gate)
            return Objects(type).Values.Select(Clone).ToList();
    }

    /// <summary>POST: creates an object with uid, creationTimestamp, resourceVersion and generation 1.</summary>
    public JsonObject Create(ResourceType type, string? ns, JsonObject body, string manager = "unknown")
    {
        lock (_gate)
            return Clone(CreateLocked(type, ns, body, WriteMode.Main, manager));
    }

    /// <summary>PUT of the main resource or of /status.</summary>
    public JsonObject Update(ResourceType type, string? ns, string name, JsonObject body, bool status, string manager = "unknown")
    {
        lock (_gate)
        {
            CheckName(body, name);
            return Clone(UpdateLocked(type, ns, name, body, status ? WriteMode.Status : WriteMode.Main, requireResourceVersion: true, manager));
        }
    }

    /// <summary>PATCH of the main resource or of /status; a resourceVersion in the patch is a precondition.</summary>
    public JsonObject Patch(ResourceType type, string? ns, string name, string contentType, JsonNode? patch, bool status, string manager = "unknown")
    {
        lock (_gate)
        {
            var stored = Find(type, ns, name) ?? throw ApiError.NotFound(type.QualifiedName, name);
            var patched = JsonPatches.Apply(Clone(stored), contentType, patch);
            CheckName(patched, name);
            return Clone(UpdateLocked(type, ns, name, patched, status ? WriteMode.Status : WriteMode.Main, requireResourceVersion: false, manager));
        }
    }

    /// <summary>
    /// DELETE: with finalizers the object gets deletionTimestamp and stays; without, it is removed and its dependents
    /// are garbage-collected (background propagation; Foreground is treated the same, Orphan strips their ownerReferences).
    /// </summary>
    public JsonObject Delete(ResourceType type, string? ns, string name, JsonObject? options)
    {
        lock (_gate)
        {
            var stored = Find(type, ns, name) ?? throw ApiError.NotFound(type.QualifiedName, name);
            CheckPreconditions(type, stored, options?["preconditions"]);
            var orphan = options?["propagationPolicy"]?.GetValue<string>() == "Orphan" || options?["orphanDependents"]?.GetValue<bool>() == true;
            if (orphan)
                OrphanDependents(MetaString(stored, "uid"));
            var result = DeleteLocked(type, stored);
            CollectGarbage();
            return Clone(result);
        }
    }

    /// <summary>
    /// Test hook acting as a privileged client: creates or replaces the whole object (status included) without
    /// admission. A resourceVersion in the object is checked; absent, the write is unconditional.
    /// </summary>
    public JsonObject Put(ResourceType type, JsonObject obj)
    {
        lock (_gate)
        {
            var ns = type.Namespaced ? MetaString(obj, "namespace") ?? "default" : null;
            var name = MetaString(obj, "name") ?? throw ApiError.BadRequest("Put needs metadata.name");
            return Clone(Find(type, ns, name) is null
                ? CreateLocked(type, ns, obj, WriteMode.Raw)
                : UpdateLocked(type, ns, name, obj, WriteMode.Raw, requireResourceVersion: false));
        }
    }

    private JsonObject CreateLocked(ResourceType type, string? ns, JsonObject body, WriteMode mode, string? manager = null)
    {
        ns = type.Namespaced ? ns : null;
        var obj = Clone(body);
        CheckTypeMeta(type, obj);
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        var metadata = Metadata(obj);
        if (type.Namespaced)
        {
            var bodyNamespace = MetaString(obj, "namespace");
            if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
                throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            metadata["namespace"] = ns;
        }
        else
            metadata.Remove("namespace");

        var name = MetaString(obj, "name");
        if (string.IsNullOrEmpty(name))
        {
            var prefix = MetaString(obj, "generateName");
            if (string.IsNullOrEmpty(prefix))
                throw ApiError.Invalid(type, "", [new FieldCause("metadata.name", "Required value: name or generateName is required", "FieldValueRequired")]);
            do name = GenerateName(prefix, _random);
            while (Find(type, ns, name) is not null);
            metadata["name"] = name;
        }
        if (Find(type, ns, name) is not null)
            throw ApiError.AlreadyExists(type.QualifiedName, name);

        if (mode != WriteMode.Raw)
        {
            if (!string.IsNullOrEmpty(MetaString(obj, "resourceVersion")))
                throw ApiError.BadRequest("resourceVersion should not be set on objects to be created");
            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Timestamp(time.GetUtcNow());
            if (type.HasStatusSubresource)
                obj.Remove("status");
            obj = admit(type, obj, null);
        }
        else
        {
            metadata["uid"] ??= Guid.NewGuid().ToString();
            metadata["creationTimestamp"] ??= Timestamp(time.GetUtcNow());
        }
        if (type.TracksGeneration)
            Metadata(obj)["generation"] = 1L;
        else
            Metadata(obj).Remove("generation");
        if (manager is not null)
            ManagedFields.Record(obj, null, manager, type.ApiVersion, statusSubresource: false, Timestamp(time.GetUtcNow()));

        Commit(type, Key(ns, name), obj, "ADDED", previous: null);
        CollectGarbage();
        return obj;
    }

    private JsonObject UpdateLocked(ResourceType type, string? ns, string name, JsonObject body, WriteMode mode, bool requireResourceVersion,
        string? manager = null)
    {
        ns = type.Namespaced ? ns : null;
        var stored = Find(type, ns, name) ?? throw ApiError.NotFound(type.QualifiedName, name);
        CheckTypeMeta(type, body);
        var resourceVersion = MetaString(body, "resourceVersion");
        if (string.IsNullOrEmpty(resourceVersion))
        {
            if (requireResourceVersion && !type.AllowUnconditionalUpdate)
                throw ApiError.Invalid(type, name, [new FieldCause("metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update")]);
        }
        else if (resourceVersion != MetaString(stored, "resourceVersion"))
            throw ApiError.Conflict(type.QualifiedName, name);

        var next = mode switch
        {
            WriteMode.Status => MergeStatusUpdate(stored, body),
            WriteMode.Main => MergeMainUpdate(stored, body, type.HasStatusSubresource),
            _ => MergeMainUpdate(stored, body, hasStatusSubresource: false),
        };
        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        Metadata(next)["resourceVersion"] = MetaString(stored, "resourceVersion");

        if (MetaString(stored, "deletionTimestamp") is not null && AddedFinalizers(stored, next) is { Count: > 0 } added)
            throw ApiError.Invalid(type, name, [new FieldCause("metadata.finalizers",
                $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{\"{string.Join("\", \"", added)}\"}}", "FieldValueForbidden")]);
        if (mode != WriteMode.Raw)
            next = admit(type, next, stored);
        if (type.TracksGeneration && mode != WriteMode.Status && SpecChanged(stored, next, type.HasStatusSubresource))
            Metadata(next)["generation"] = Generation(stored) + 1;

        if (SameContent(stored, next))
            return stored;
        // The server's own bookkeeping, whatever managedFields the client sent back.
        if (stored["metadata"]?["managedFields"] is { } kept)
            Metadata(next)["managedFields"] = kept.DeepClone();
        else
            Metadata(next).Remove("managedFields");
        if (manager is not null && mode != WriteMode.Raw)
            ManagedFields.Record(next, stored, manager, type.ApiVersion, mode == WriteMode.Status, Timestamp(time.GetUtcNow()));
        if (MetaString(next, "deletionTimestamp") is not null && Finalizers(next).Count == 0)
        {
            Commit(type, Key(ns, name), null, "DELETED", previous: next);
            CollectGarbage();
            return next;
        }
        Commit(type, Key(ns, name), next, "MODIFIED", previous: stored);
        return next;
    }

    private static void CheckName(JsonObject body, string name)
    {
        var bodyName = MetaString(body, "name");
        if (!string.IsNullOrEmpty(bodyName) && bodyName != name)
            throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
    }

    private static void CheckTypeMeta(ResourceType type, JsonObject body)
    {
        if (body["apiVersion"]?.GetValue<string>() is { Length: > 0 } apiVersion && apiVersion != type.ApiVersion)
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        if (body["kind"]?.GetValue<string>() is { Length: > 0 } kind && kind != type.Kind)
            throw ApiError.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
    }

    private SortedDictionary<string, JsonObject> Objects(ResourceType type)
    {
        if (!_objects.TryGetValue(type, out var objects))
            _objects[type] = objects = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        return objects;
    }

    private JsonObject? Find(ResourceType type, string? ns, string name) =>
        Objects(type).TryGetValue(Key(type.Namespaced ? ns : null, name), out var found) ? found : null;

    private static string Key(string? ns, string name) => $"{ns}/{name}";

    private static bool InNamespace(JsonObject obj, string? ns) => ns is null || MetaString(obj, "namespace") == ns;

    private static JsonObject Clone(JsonObject obj) => (JsonObject)obj.DeepClone();

    private static string EncodeContinue(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    private static string DecodeContinue(string token)
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(token)); }
        catch (FormatException) { throw ApiError.BadRequest($"invalid continue token: {token}"); }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
