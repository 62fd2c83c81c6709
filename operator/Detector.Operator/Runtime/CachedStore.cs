using System.Collections.Concurrent;
using Detector.Operator.Kube;
using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// An <see cref="IKubeStore{T}"/> that reads from the process's <see cref="SharedInformer{T}"/> and writes to the API
/// server (controller-runtime's default client). Reads are deep copies, so a reconciler may change what it read. Until
/// the informer has synced, for a namespace outside the watched ones, and for a label selector it cannot evaluate, it
/// reads from the server.
/// <para>
/// Read-your-writes: what a write returns is kept until the watch delivers that version or a newer one (client-go's
/// MutationCache), so the reconcile that follows its own write does not act on the copy before it (and redo a step or
/// meet a 409). After a 409 the next read of that object goes to the server, because the cache may be what was stale.
/// </para>
/// </summary>
public sealed class CachedStore<T> : IKubeStore<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>How long a written copy the watch has not confirmed may stand in for a missing cached object.</summary>
    public static readonly TimeSpan WrittenTtl = TimeSpan.FromMinutes(1);

    private readonly IKubeStore<T> _live;
    private readonly SharedInformer<T> _informer;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<ObjectKey, Written> _written = new();
    private readonly ConcurrentDictionary<ObjectKey, byte> _readLive = new();

    /// <summary>A store reading <paramref name="informer"/>'s copies and writing through <paramref name="live"/>.</summary>
    public CachedStore(IKubeStore<T> live, SharedInformer<T> informer, TimeProvider clock)
    {
        _live = live;
        _informer = informer;
        _clock = clock;
        informer.AddHandler(OnEvent);
    }

    /// <inheritdoc />
    public async Task<T?> GetAsync(ObjectKey key, CancellationToken ct)
    {
        if (_informer.HasSynced && _informer.Covers(key.Namespace) && !_readLive.ContainsKey(key))
            return Copy(Newest(key, _informer.Get(key)));
        var live = await _live.GetAsync(key, ct);
        _readLive.TryRemove(key, out _);
        if (live is not null)
            Remember(live);
        return live;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<T>> ListAsync(string? ns, string? labelSelector, CancellationToken ct)
    {
        if (!_informer.HasSynced || !_informer.Covers(ns) || !LabelSelectorMatch.TryParse(labelSelector, out var matches))
            return _live.ListAsync(ns, labelSelector, ct);
        var byKey = _informer.Items.ToDictionary(ObjectKey.Of);
        foreach (var key in _written.Keys)
            byKey.TryAdd(key, null!);
        IReadOnlyList<T> items = [.. byKey
            .Select(pair => Newest(pair.Key, pair.Value))
            .OfType<T>()
            .Where(o => (ns is null || o.Metadata.NamespaceProperty == ns) && matches(o.Metadata.Labels))
            .Select(o => Copy(o)!)];
        return Task.FromResult(items);
    }

    /// <inheritdoc />
    public Task<T> CreateAsync(T obj, CancellationToken ct) => WriteAsync(obj, () => _live.CreateAsync(obj, ct));

    /// <inheritdoc />
    public Task<T> UpdateAsync(T obj, CancellationToken ct) => WriteAsync(obj, () => _live.UpdateAsync(obj, ct));

    /// <inheritdoc />
    public Task<T> UpdateFinalizersAsync(T obj, CancellationToken ct) => WriteAsync(obj, () => _live.UpdateFinalizersAsync(obj, ct));

    /// <inheritdoc />
    public Task<T> UpdateStatusAsync(T obj, CancellationToken ct) => WriteAsync(obj, () => _live.UpdateStatusAsync(obj, ct));

    /// <inheritdoc />
    public Task DeleteAsync(ObjectKey key, CancellationToken ct) => _live.DeleteAsync(key, ct);

    private async Task<T> WriteAsync(T obj, Func<Task<T>> write)
    {
        try
        {
            var written = await write();
            Remember(written);
            return written;
        }
        catch (KubeConflictException)
        {
            _readLive[ObjectKey.Of(obj)] = 0;
            throw;
        }
    }

    private void Remember(T obj)
    {
        // A write that leaves a deleted object without finalizers is its end: the server removes it. Until the watch
        // says so, the cache still holds the copy with our finalizer (a reconcile woken by a dependent's delete would
        // finalize again), so the entry is a tombstone: the object is gone. The watch's delete may also have overtaken
        // this answer; a tombstone cannot raise a ghost.
        var ended = obj.Metadata.DeletionTimestamp is not null && obj.Metadata.Finalizers is null or { Count: 0 };
        if (!Version.TryParse(obj.Metadata.ResourceVersion, out var version))
        {
            _written.TryRemove(ObjectKey.Of(obj), out _);
            return;
        }
        var entry = new Written(ended ? null : Copy(obj)!, version, _clock.GetUtcNow());
        _written.AddOrUpdate(ObjectKey.Of(obj), entry, (_, old) => old.Version > version ? old : entry);
    }

    /// <summary>The cached copy, unless a write of ours returned a newer version the watch has not delivered yet.</summary>
    private T? Newest(ObjectKey key, T? cached)
    {
        if (!_written.TryGetValue(key, out var written))
            return cached;
        if (cached is not null)
        {
            // A tombstone also outranks the copy of its own version: that is the copy our write ended.
            if (Version.TryParse(cached.Metadata.ResourceVersion, out var seen)
                && (seen < written.Version || (written.Object is null && seen == written.Version)))
                return written.Object;
            _written.TryRemove(new(key, written));
            return cached;
        }
        // Not in the cache: created by us and not yet watched, or deleted since (the watch's delete cleared the entry,
        // unless it overtook our write's answer: the time limit ends that ghost). A tombstone has done its work.
        if (written.Object is not null && _clock.GetUtcNow() - written.At < WrittenTtl)
            return written.Object;
        _written.TryRemove(new(key, written));
        return null;
    }

    private void OnEvent(InformerEvent<T> evt)
    {
        var key = ObjectKey.Of(evt.Object);
        if (!_written.TryGetValue(key, out var written))
            return;
        // A tombstone waits for the delete (or a newer object of the name); a copy, for its version or a newer one.
        var confirmed = evt.Type == InformerEventType.Deleted
            || !Version.TryParse(evt.New?.Metadata.ResourceVersion, out var seen)
            || (written.Object is null ? seen > written.Version : seen >= written.Version);
        if (confirmed)
            _written.TryRemove(new(key, written));
    }

    private static T? Copy(T? obj) => obj is null ? null : KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));

    /// <summary>What a write returned (null: a tombstone, the write ended the object), its version and when.</summary>
    private sealed record Written(T? Object, ulong Version, DateTimeOffset At);

    /// <summary>
    /// resourceVersions are opaque to clients, but every API server in use orders them as integers (etcd revisions);
    /// client-go's MutationCache compares them the same way. A version that is not an integer is never preferred.
    /// </summary>
    private static class Version
    {
        public static bool TryParse(string? value, out ulong version) => ulong.TryParse(value, out version);
    }
}
