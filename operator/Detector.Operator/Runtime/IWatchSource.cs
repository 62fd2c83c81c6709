using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// List + watch of one kind in one namespace (or all). Behind this port so the informer logic is tested with a
/// scripted source; <c>Kube.KubeWatchSource</c> is the KubernetesClient adapter.
/// </summary>
public interface IWatchSource<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Human-readable description for logs, e.g. <c>datasets.detector.dev/v1alpha1 in ml-team</c>.</summary>
    string Description { get; }

    /// <summary>Lists every object and the collection's resourceVersion to watch from.</summary>
    Task<WatchList<T>> ListAsync(CancellationToken ct);

    /// <summary>
    /// Streams changes after <paramref name="resourceVersion"/> (with bookmarks) until the server ends the stream.
    /// Throws <see cref="WatchGoneException"/> when that version is too old (410 Gone): the caller must relist.
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, CancellationToken ct);
}

/// <summary>A list answer: the items and the resourceVersion of the list.</summary>
public sealed record WatchList<T>(IReadOnlyList<T> Items, string ResourceVersion);

/// <summary>One watch event. For <see cref="WatchEventType.Bookmark"/> only the object's resourceVersion is meaningful.</summary>
public sealed record WatchEvent<T>(WatchEventType Type, T Object);

/// <summary>410 Gone: the requested resourceVersion is no longer in the server's history; relist.</summary>
public sealed class WatchGoneException(string message, Exception? inner = null) : Exception(message, inner);
