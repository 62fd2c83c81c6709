using System.Text.Json.Nodes;
using System.Threading.Channels;
using static Detector.Operator.Tests.Fakes.ApiServer.ObjectSemantics;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>One committed change, kept in the history for watch resumes.</summary>
/// <param name="ResourceVersion">The resourceVersion the change produced.</param>
/// <param name="Type">The resource changed.</param>
/// <param name="EventType">ADDED, MODIFIED or DELETED.</param>
/// <param name="Object">The object after the change (for DELETED: the last state with the new resourceVersion).</param>
/// <param name="Previous">The object before the change, for label-selector transitions.</param>
public sealed record StoreEvent(long ResourceVersion, ResourceType Type, string EventType, JsonObject Object, JsonObject? Previous);

public sealed partial class ObjectStore
{
    private readonly List<StoreWatch> _watches = [];

    /// <summary>
    /// Opens a watch. <paramref name="resourceVersion"/> empty or "0" starts with synthetic ADDED events for the
    /// current state; otherwise the events after it are replayed from history, or, when it is older than the kept
    /// history, the watch carries one ERROR event (410 Expired) and ends, as the real server answers.
    /// </summary>
    public StoreWatch Watch(ResourceType type, string? ns, LabelSelector labels, Func<JsonNode, bool> fields,
        string? resourceVersion, bool bookmarks, bool sendInitialEvents)
    {
        var watch = new StoreWatch(this, type, ns, labels, fields, bookmarks);
        lock (_gate)
        {
            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                foreach (var obj in Objects(type).Values.Where(o => InNamespace(o, ns) && labels.Matches(o) && fields(o)))
                    watch.Offer(Line("ADDED", Clone(obj)));
                if (sendInitialEvents && bookmarks)
                    watch.Offer(BookmarkLine(type, initialEventsEnd: true));
            }
            else
            {
                if (!long.TryParse(resourceVersion, out var from))
                    throw ApiError.BadRequest($"invalid resource version: {resourceVersion}");
                if (from < _oldestResumable)
                {
                    watch.Offer(Line("ERROR", ApiError.Expired(resourceVersion).ToStatus()));
                    watch.Complete();
                    return watch;
                }
                foreach (var change in _history.Where(e => e.ResourceVersion > from))
                    watch.Deliver(change);
            }
            _watches.Add(watch);
            Signal();
        }
        return watch;
    }

    /// <summary>Forgets the history (and moves the counter on), so any watch resuming from a known resourceVersion gets 410.</summary>
    public void ExpireHistory()
    {
        lock (_gate)
        {
            _history.Clear();
            _resourceVersion++;
            _oldestResumable = _resourceVersion;
        }
    }

    /// <summary>Ends every open watch stream, as an API server restart or a load balancer timeout does.</summary>
    public void CloseWatches()
    {
        lock (_gate)
        {
            foreach (var watch in _watches)
                watch.Complete();
            _watches.Clear();
            Signal();
        }
    }

    /// <summary>Sends a BOOKMARK with the current resourceVersion to every watch that allowed bookmarks.</summary>
    public void SendBookmarks()
    {
        lock (_gate)
            foreach (var watch in _watches.Where(w => w.Bookmarks))
                watch.Offer(BookmarkLine(watch.Type, initialEventsEnd: false));
    }

    /// <summary>Number of open watches (tests wait for a client to be watching before they write).</summary>
    public int OpenWatchCount
    {
        get { lock (_gate) return _watches.Count; }
    }

    internal void Unregister(StoreWatch watch)
    {
        lock (_gate)
            if (_watches.Remove(watch))
                Signal();
    }

    // Stores the change, records it in history, fans it out to the watches and wakes waiters. Caller holds the lock.
    private void Commit(ResourceType type, string key, JsonObject? next, string eventType, JsonObject? previous)
    {
        _resourceVersion++;
        var rv = _resourceVersion.ToString();
        JsonObject eventObject;
        if (next is null)
        {
            Objects(type).Remove(key);
            eventObject = Clone(previous!);
        }
        else
        {
            Metadata(next)["resourceVersion"] = rv;
            Objects(type)[key] = next;
            eventObject = Clone(next);
        }
        Metadata(eventObject)["resourceVersion"] = rv;
        var change = new StoreEvent(_resourceVersion, type, eventType, eventObject, previous is null ? null : Clone(previous));
        _history.AddLast(change);
        while (_history.Count > historyLimit)
        {
            _oldestResumable = _history.First!.Value.ResourceVersion;
            _history.RemoveFirst();
        }
        foreach (var watch in _watches)
            watch.Deliver(change);
        Signal();
    }

    // Wakes everything waiting for a change (WaitForAsync); watches opening and closing count as changes too.
    private void Signal()
    {
        var signal = _changed;
        _changed = NewSignal();
        signal.SetResult();
    }

    private JsonObject BookmarkLine(ResourceType type, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString() };
        if (initialEventsEnd)
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        return Line("BOOKMARK", new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = metadata });
    }

    internal static JsonObject Line(string type, JsonObject obj) => new() { ["type"] = type, ["object"] = obj };
}

/// <summary>An open watch: the filter it was opened with and the queue of lines waiting to be streamed.</summary>
public sealed class StoreWatch : IDisposable
{
    private readonly ObjectStore _store;
    private readonly string? _namespace;
    private readonly LabelSelector _labels;
    private readonly Func<JsonNode, bool> _fields;
    private readonly Channel<JsonObject> _lines = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });

    internal StoreWatch(ObjectStore store, ResourceType type, string? ns, LabelSelector labels, Func<JsonNode, bool> fields, bool bookmarks)
    {
        _store = store;
        Type = type;
        _namespace = ns;
        _labels = labels;
        _fields = fields;
        Bookmarks = bookmarks;
    }

    /// <summary>The watched resource.</summary>
    public ResourceType Type { get; }

    /// <summary>True when the client asked for bookmarks.</summary>
    public bool Bookmarks { get; }

    /// <summary>The watch event lines (<c>{"type":…,"object":…}</c>) in order; completes when the watch is closed.</summary>
    public ChannelReader<JsonObject> Lines => _lines.Reader;

    internal void Offer(JsonObject line) => _lines.Writer.TryWrite(line);

    internal void Complete() => _lines.Writer.TryComplete();

    // Label-selector watches see an object entering the selection as ADDED and leaving it as DELETED, like the real server.
    internal void Deliver(StoreEvent change)
    {
        if (change.Type != Type || !InScope(change.Object))
            return;
        var now = Matches(change.Object);
        var before = change.Previous is not null && Matches(change.Previous);
        var type = change.EventType switch
        {
            "MODIFIED" when now && before => "MODIFIED",
            "MODIFIED" when now => "ADDED",
            "MODIFIED" when before => "DELETED",
            "MODIFIED" => null,
            _ => now ? change.EventType : null,
        };
        if (type is not null)
            Offer(ObjectStore.Line(type, (JsonObject)change.Object.DeepClone()));
    }

    /// <summary>Unregisters the watch from the store.</summary>
    public void Dispose()
    {
        Complete();
        _store.Unregister(this);
    }

    private bool InScope(JsonObject obj) => _namespace is null || MetaString(obj, "namespace") == _namespace;

    private bool Matches(JsonObject obj) => _labels.Matches(obj) && _fields(obj);
}
