using System.Runtime.CompilerServices;
using Detector.Operator.Runtime;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Runtime;

/// <summary>A watch source that plays back scripted lists and watch streams, then blocks until cancelled.</summary>
internal sealed class ScriptedWatchSource<T> : IWatchSource<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Queue<WatchList<T>> _lists = new();
    private readonly Queue<(IReadOnlyList<WatchEvent<T>> Events, Exception? End, bool Ends)> _watches = new();

    public string Description => "scripted";

    /// <summary>The resourceVersions each watch was opened from, in order.</summary>
    public List<string> WatchedFrom { get; } = [];

    public int Lists { get; private set; }

    public ScriptedWatchSource<T> List(string rv, params T[] items)
    {
        _lists.Enqueue(new WatchList<T>(items, rv));
        return this;
    }

    /// <summary>A watch stream that yields <paramref name="events"/>, then throws <paramref name="end"/> or ends (or blocks when <paramref name="ends"/> is false).</summary>
    public ScriptedWatchSource<T> Watch(IReadOnlyList<WatchEvent<T>> events, Exception? end = null, bool ends = false)
    {
        _watches.Enqueue((events, end, ends));
        return this;
    }

    public Task<WatchList<T>> ListAsync(CancellationToken ct)
    {
        Lists++;
        return Task.FromResult(_lists.Dequeue());
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken ct)
    {
        WatchedFrom.Add(resourceVersion);
        if (!_watches.TryDequeue(out var script))
        {
            await Task.Delay(Timeout.Infinite, ct);
            yield break;
        }
        foreach (var evt in script.Events)
        {
            await Task.Yield();
            yield return evt;
        }
        if (script.End is not null)
            throw script.End;
        if (!script.Ends)
            await Task.Delay(Timeout.Infinite, ct);
    }
}
