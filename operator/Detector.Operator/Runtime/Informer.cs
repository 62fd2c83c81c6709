using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Runtime;

/// <summary>
/// List + watch of one source into a local cache, reporting every add, update and delete to a handler. Resumes the
/// watch from the last resourceVersion seen (bookmarks included); on 410 Gone it relists and diffs the list against
/// the cache, so nothing that happened during the gap is lost (a delete becomes a Deleted event with the last copy).
/// </summary>
public sealed class Informer<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan s_minRetry = TimeSpan.FromSeconds(1), s_maxRetry = TimeSpan.FromSeconds(30);
    private readonly IWatchSource<T> _source;
    private readonly Action<InformerEvent<T>> _handler;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<ObjectKey, T> _cache = new();
    private volatile bool _synced;
    private volatile string? _resourceVersion;

    /// <summary>Creates an informer; nothing happens until <see cref="RunAsync"/>.</summary>
    public Informer(IWatchSource<T> source, Action<InformerEvent<T>> handler, TimeProvider clock, ILogger log)
    {
        _source = source;
        _handler = handler;
        _clock = clock;
        _log = log;
    }

    /// <summary>True once the first list has been delivered to the handler.</summary>
    public bool HasSynced => _synced;

    /// <summary>The last resourceVersion seen (list, event or bookmark).</summary>
    public string? ResourceVersion => _resourceVersion;

    /// <summary>The cached copies (a snapshot).</summary>
    public IReadOnlyCollection<T> Items => [.. _cache.Values];

    /// <summary>The cached copy of one object, or null.</summary>
    public T? Get(ObjectKey key) => _cache.TryGetValue(key, out var obj) ? obj : null;

    /// <summary>Lists, then watches until cancelled; relists on 410 Gone; retries failures with backoff.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var retry = s_minRetry;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var list = await _source.ListAsync(ct);
                ApplyList(list);
                _log.Listed(list.Items.Count, _source.Description, list.ResourceVersion);
                retry = s_minRetry;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _log.ListFailed(ex, _source.Description, retry);
                if (!await DelayAsync(retry, ct))
                    return;
                retry = Next(retry);
                continue;
            }
            if (!await WatchUntilGoneAsync(ct))
                return;
        }
    }

    /// <summary>Watches from the current resourceVersion; true when a relist is needed, false when cancelled.</summary>
    private async Task<bool> WatchUntilGoneAsync(CancellationToken ct)
    {
        var retry = s_minRetry;
        while (!ct.IsCancellationRequested)
        {
            var rv = _resourceVersion ?? "";
            try
            {
                await foreach (var evt in _source.WatchAsync(rv, ct))
                {
                    if (evt.Type == WatchEventType.Error)
                        throw new WatchGoneException($"Watch of {_source.Description} sent an ERROR event");
                    Apply(evt);
                    retry = s_minRetry;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return false;
            }
            catch (WatchGoneException)
            {
                _log.WatchGone(_source.Description, rv);
                return true;
            }
            catch (Exception ex)
            {
                _log.WatchFailed(ex, _source.Description, retry);
                if (!await DelayAsync(retry, ct))
                    return false;
                retry = Next(retry);
            }
            // A stream that ended normally (server timeout) resumes from the last version seen.
        }
        return false;
    }

    private void ApplyList(WatchList<T> list)
    {
        var seen = new HashSet<ObjectKey>();
        foreach (var item in list.Items)
        {
            var key = ObjectKey.Of(item);
            seen.Add(key);
            Upsert(key, item);
        }
        foreach (var (key, old) in _cache.ToArray())
        {
            if (!seen.Contains(key) && _cache.TryRemove(key, out _))
                Notify(new InformerEvent<T>(InformerEventType.Deleted, old, null));
        }
        _resourceVersion = list.ResourceVersion;
        _synced = true;
    }

    private void Apply(WatchEvent<T> evt)
    {
        var obj = evt.Object;
        if (obj.Metadata?.ResourceVersion is { Length: > 0 } rv)
            _resourceVersion = rv;
        switch (evt.Type)
        {
            case WatchEventType.Added or WatchEventType.Modified:
                Upsert(ObjectKey.Of(obj), obj);
                break;
            case WatchEventType.Deleted:
                _cache.TryRemove(ObjectKey.Of(obj), out var last);
                Notify(new InformerEvent<T>(InformerEventType.Deleted, last ?? obj, null));
                break;
        }
    }

    private void Upsert(ObjectKey key, T obj)
    {
        if (_cache.TryGetValue(key, out var old))
        {
            // A replayed event (same version) changes nothing and must not reach the handler twice.
            if (old.Metadata.ResourceVersion == obj.Metadata.ResourceVersion)
                return;
            _cache[key] = obj;
            Notify(new InformerEvent<T>(InformerEventType.Updated, old, obj));
        }
        else
        {
            _cache[key] = obj;
            Notify(new InformerEvent<T>(InformerEventType.Added, null, obj));
        }
    }

    private void Notify(InformerEvent<T> evt)
    {
        try
        {
            _handler(evt);
        }
        catch (Exception ex)
        {
            _log.HandlerFailed(ex, _source.Description);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, _clock, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static TimeSpan Next(TimeSpan delay) => delay * 2 > s_maxRetry ? s_maxRetry : delay * 2;
}
