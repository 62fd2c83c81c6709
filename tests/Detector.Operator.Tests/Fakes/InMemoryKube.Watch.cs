using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Fakes;

/// <summary>The watch side of <see cref="InMemoryKube"/>: a change history per write, watch streams and 410 Gone.</summary>
public sealed partial class InMemoryKube
{
    private readonly List<(Type Type, long Rv, WatchEventType Change, string Json, string Namespace)> _history = [];
    private long _historyStart;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _endWatches = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public IWatchSource<T> Create<T>(KubeResource resource, string? ns) where T : class, IKubernetesObject<V1ObjectMeta> =>
        new WatchSource<T>(this, resource, ns);

    /// <summary>Forgets the change history: a watch from any earlier resourceVersion now gets 410 Gone.</summary>
    public void ExpireHistory()
    {
        lock (_gate)
        {
            _history.Clear();
            _historyStart = _resourceVersion;
        }
    }

    /// <summary>Ends every open watch stream normally (as a server-side watch timeout does).</summary>
    public void EndWatches()
    {
        TaskCompletionSource ended;
        lock (_gate)
        {
            ended = _endWatches;
            _endWatches = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        ended.TrySetResult();
    }

    private void Record(Type type, WatchEventType change, JsonObject node)
    {
        _history.Add((type, _resourceVersion, change, node.ToJsonString(), (string?)Meta(node)["namespace"] ?? ""));
        var changed = _changed;
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private sealed class WatchSource<T>(InMemoryKube kube, KubeResource resource, string? ns) : IWatchSource<T>
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        public string Description => $"{resource} in {ns ?? "all namespaces"} (in memory)";

        public Task<WatchList<T>> ListAsync(CancellationToken ct)
        {
            lock (kube._gate)
            {
                var items = kube.All<T>().Where(o => ns is null || o.Metadata.NamespaceProperty == ns).ToList();
                return Task.FromResult(new WatchList<T>(items, kube._resourceVersion.ToString(CultureInfo.InvariantCulture)));
            }
        }

        public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken ct)
        {
            var from = long.Parse(resourceVersion, CultureInfo.InvariantCulture);
            Task ended;
            lock (kube._gate)
                ended = kube._endWatches.Task;
            while (true)
            {
                List<(long Rv, WatchEventType Change, string Json)> batch;
                Task changed;
                lock (kube._gate)
                {
                    if (from < kube._historyStart)
                        throw new WatchGoneException($"resourceVersion {from} is older than the history ({kube._historyStart})");
                    batch = [.. kube._history.Where(h => h.Type == typeof(T) && h.Rv > from && (ns is null || h.Namespace == ns))
                        .Select(h => (h.Rv, h.Change, h.Json))];
                    changed = kube._changed.Task;
                }
                foreach (var (rv, change, json) in batch)
                {
                    from = rv;
                    yield return new WatchEvent<T>(change, KubernetesJson.Deserialize<T>(json));
                }
                if (batch.Count > 0)
                    continue;
                if (await Task.WhenAny(changed, ended).WaitAsync(ct) == ended)
                    yield break;
            }
        }
    }
}
