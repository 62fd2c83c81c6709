using System.Text.Json.Nodes;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Fakes;

/// <summary>The operations of <see cref="IKubeStore{T}"/>, for failure injection and write counters.</summary>
public enum KubeOperation
{
    /// <summary>GetAsync.</summary>
    Get,

    /// <summary>ListAsync.</summary>
    List,

    /// <summary>CreateAsync.</summary>
    Create,

    /// <summary>UpdateAsync (metadata + spec).</summary>
    Update,

    /// <summary>UpdateStatusAsync (status subresource).</summary>
    UpdateStatus,

    /// <summary>DeleteAsync.</summary>
    Delete,
}

/// <summary>
/// An in-memory Kubernetes API for any number of kinds (keyed by CLR type) with the semantics the operator relies on:
/// objects are cloned through JSON on the way in and out, every write bumps a global resourceVersion, spec changes
/// bump generation, a write with a stale resourceVersion gets 409, <see cref="KubeOperation.Update"/> ignores status
/// and <see cref="KubeOperation.UpdateStatus"/> changes only status, delete with finalizers sets deletionTimestamp and
/// removing the last finalizer then deletes. <see cref="FailNext{T}"/> injects failures; <see cref="Writes{T}"/> counts
/// successful writes. It is also an <see cref="IWatchSourceFactory"/>, so a whole <see cref="Controller{T}"/> can run on it.
/// </summary>
public sealed partial class InMemoryKube : IWatchSourceFactory
{
    private readonly object _gate = new();
    private readonly Dictionary<(Type Type, ObjectKey Key), JsonObject> _objects = [];
    private readonly Dictionary<(Type Type, KubeOperation Op), Queue<Exception>> _failures = [];
    private readonly Dictionary<(Type Type, KubeOperation Op), int> _writes = [];
    private readonly TimeProvider _clock;
    private long _resourceVersion;

    /// <summary>Creates a store holding <paramref name="objects"/> as given (status included), on the system clock.</summary>
    public InMemoryKube(params IKubernetesObject<V1ObjectMeta>[] objects) : this(TimeProvider.System, objects) { }

    /// <summary>Creates a store holding <paramref name="objects"/>, taking timestamps from <paramref name="clock"/>.</summary>
    public InMemoryKube(TimeProvider clock, params IKubernetesObject<V1ObjectMeta>[] objects)
    {
        _clock = clock;
        Seed(objects);
    }

    /// <summary>The current (global) resourceVersion.</summary>
    public long ResourceVersion { get { lock (_gate) return _resourceVersion; } }

    /// <summary>The <see cref="IKubeStore{T}"/> view of the objects of type <typeparamref name="T"/>.</summary>
    public IKubeStore<T> Store<T>() where T : class, IKubernetesObject<V1ObjectMeta> => new TypedStore<T>(this);

    /// <summary>
    /// Puts objects in as given, status included (test setup; not counted as writes). Missing uid, generation,
    /// namespace and creationTimestamp are filled in; resourceVersion is always assigned.
    /// </summary>
    public void Seed(params IKubernetesObject<V1ObjectMeta>[] objects)
    {
        lock (_gate)
        {
            foreach (var obj in objects)
            {
                var node = ToNode(obj);
                var meta = Meta(node);
                meta["namespace"] ??= "default";
                meta["uid"] ??= Guid.NewGuid().ToString();
                meta["generation"] ??= 1L;
                meta["creationTimestamp"] ??= Timestamp();
                Store(obj.GetType(), node, WatchEventType.Added);
            }
        }
    }

    /// <summary>A copy of the stored object, or null.</summary>
    public T? Get<T>(ObjectKey key) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
            return _objects.TryGetValue((typeof(T), key), out var node) ? FromNode<T>(node) : null;
    }

    /// <summary>Copies of every stored object of type <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> All<T>() where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
            return [.. _objects.Where(e => e.Key.Type == typeof(T)).OrderBy(e => e.Key.Key.ToString()).Select(e => FromNode<T>(e.Value))];
    }

    /// <summary>
    /// Makes the next <paramref name="op"/> on <typeparamref name="T"/> throw <paramref name="error"/>
    /// (default: <see cref="HttpRequestException"/>, a transient failure). Calls queue up.
    /// </summary>
    public void FailNext<T>(KubeOperation op, Exception? error = null)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue((typeof(T), op), out var queue))
                _failures[(typeof(T), op)] = queue = new Queue<Exception>();
            queue.Enqueue(error ?? new HttpRequestException($"Injected failure of {op} on {typeof(T).Name}"));
        }
    }

    /// <summary>Successful <paramref name="op"/> calls on <typeparamref name="T"/> so far (reads count too).</summary>
    public int Writes<T>(KubeOperation op) { lock (_gate) return _writes.GetValueOrDefault((typeof(T), op)); }

    private void Count(Type type, KubeOperation op) => _writes[(type, op)] = _writes.GetValueOrDefault((type, op)) + 1;

    private void ThrowIfInjected(Type type, KubeOperation op)
    {
        if (_failures.TryGetValue((type, op), out var queue) && queue.TryDequeue(out var error))
            throw error;
    }

    private T? GetCore<T>(ObjectKey key) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            ThrowIfInjected(typeof(T), KubeOperation.Get);
            Count(typeof(T), KubeOperation.Get);
            return _objects.TryGetValue((typeof(T), key), out var node) ? FromNode<T>(node) : null;
        }
    }

    private IReadOnlyList<T> ListCore<T>(string? ns, string? labelSelector) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            ThrowIfInjected(typeof(T), KubeOperation.List);
            Count(typeof(T), KubeOperation.List);
            return [.. All<T>().Where(o => (ns is null || o.Metadata.NamespaceProperty == ns) && MatchesSelector(labelSelector, o.Metadata.Labels))];
        }
    }

    private T CreateCore<T>(T obj) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            ThrowIfInjected(typeof(T), KubeOperation.Create);
            var node = ToNode(obj);
            var meta = Meta(node);
            meta["namespace"] ??= "default";
            var key = KeyOf(node);
            if (string.IsNullOrEmpty(key.Name))
                throw new ArgumentException($"{typeof(T).Name} has no metadata.name");
            if (_objects.ContainsKey((typeof(T), key)))
                throw new KubeConflictException($"{typeof(T).Name} {key} already exists");
            // Status is a subresource: a create never sets it.
            node.Remove("status");
            meta.Remove("deletionTimestamp");
            meta["uid"] = Guid.NewGuid().ToString();
            meta["generation"] = 1L;
            meta["creationTimestamp"] = Timestamp();
            Store(typeof(T), node, WatchEventType.Added);
            Count(typeof(T), KubeOperation.Create);
            return FromNode<T>(node);
        }
    }

    private T UpdateCore<T>(T obj, bool status) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            var op = status ? KubeOperation.UpdateStatus : KubeOperation.Update;
            ThrowIfInjected(typeof(T), op);
            var incoming = ToNode(obj);
            var key = KeyOf(incoming);
            if (!_objects.TryGetValue((typeof(T), key), out var stored))
                throw new KubeNotFoundException($"{typeof(T).Name} {key} not found");
            var incomingRv = (string?)Meta(incoming)["resourceVersion"];
            if (!string.IsNullOrEmpty(incomingRv) && incomingRv != (string?)Meta(stored)["resourceVersion"])
                throw new KubeConflictException($"{typeof(T).Name} {key}: resourceVersion {incomingRv} is stale");

            var next = (JsonObject)stored.DeepClone();
            if (status)
                next["status"] = incoming["status"]?.DeepClone();
            else
                ApplyMetadataAndSpec(next, incoming);
            Count(typeof(T), op);
            if (JsonNode.DeepEquals(next, stored))
                return FromNode<T>(stored);   // A no-op write does not move resourceVersion, as on a real server.
            var nextMeta = Meta(next);
            if (nextMeta["deletionTimestamp"] is not null && nextMeta["finalizers"] is not JsonArray { Count: > 0 })
            {
                Remove(typeof(T), key);
                return FromNode<T>(next);
            }
            Store(typeof(T), next, WatchEventType.Modified);
            return FromNode<T>(next);
        }
    }

    private void DeleteCore<T>(ObjectKey key) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            ThrowIfInjected(typeof(T), KubeOperation.Delete);
            if (!_objects.TryGetValue((typeof(T), key), out var stored))
                return;
            Count(typeof(T), KubeOperation.Delete);
            var meta = Meta(stored);
            if (meta["finalizers"] is JsonArray { Count: > 0 })
            {
                if (meta["deletionTimestamp"] is not null)
                    return;
                var next = (JsonObject)stored.DeepClone();
                Meta(next)["deletionTimestamp"] = Timestamp();
                Meta(next)["generation"] = ReadLong(Meta(next)["generation"]) + 1;
                Store(typeof(T), next, WatchEventType.Modified);
                return;
            }
            Remove(typeof(T), key);
        }
    }

    private static void ApplyMetadataAndSpec(JsonObject next, JsonObject incoming)
    {
        var meta = Meta(next);
        var inMeta = Meta(incoming);
        foreach (var field in new[] { "labels", "annotations", "finalizers", "ownerReferences" })
            meta[field] = inMeta[field]?.DeepClone();
        // Everything but metadata and status is "spec" for change detection (Jobs and Events have no spec property).
        var specChanged = false;
        foreach (var (name, value) in incoming.ToArray())
        {
            if (name is "metadata" or "status" or "apiVersion" or "kind")
                continue;
            specChanged |= !JsonNode.DeepEquals(next[name], value);
            next[name] = value?.DeepClone();
        }
        foreach (var name in next.Select(p => p.Key).ToArray())
        {
            if (name is not ("metadata" or "status" or "apiVersion" or "kind") && !incoming.ContainsKey(name))
            {
                next.Remove(name);
                specChanged = true;
            }
        }
        if (specChanged)
            meta["generation"] = ReadLong(meta["generation"]) + 1;
    }

    private void Store(Type type, JsonObject node, WatchEventType change)
    {
        Meta(node)["resourceVersion"] = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _objects[(type, KeyOf(node))] = node;
        Record(type, change, node);
    }

    private void Remove(Type type, ObjectKey key)
    {
        if (!_objects.Remove((type, key), out var node))
            return;
        var gone = (JsonObject)node.DeepClone();
        Meta(gone)["resourceVersion"] = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Record(type, WatchEventType.Deleted, gone);
    }

    private string Timestamp() => _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject ToNode(object obj) => JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject();

    private static T FromNode<T>(JsonObject node) => KubernetesJson.Deserialize<T>(node.ToJsonString());

    private static long ReadLong(JsonNode? node) => node is null ? 0 : long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Meta(JsonObject node) => node["metadata"] as JsonObject ?? (JsonObject)(node["metadata"] = new JsonObject());

    private static ObjectKey KeyOf(JsonObject node) => new((string?)Meta(node)["namespace"] ?? "", (string?)Meta(node)["name"] ?? "");
}
