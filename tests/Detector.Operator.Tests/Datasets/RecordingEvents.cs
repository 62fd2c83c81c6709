using System.Collections.Concurrent;
using Detector.Operator.Runtime;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Datasets;

/// <summary>An <see cref="IEventRecorder"/> that keeps what it was told.</summary>
public sealed class RecordingEvents : IEventRecorder
{
    private readonly ConcurrentQueue<(string Type, string Object, string Reason, string Message)> _events = new();

    /// <summary>Events so far, oldest first.</summary>
    public IReadOnlyList<(string Type, string Object, string Reason, string Message)> All => [.. _events];

    /// <inheritdoc />
    public void Normal(IKubernetesObject<V1ObjectMeta> obj, string reason, string message) =>
        _events.Enqueue((EventTypes.Normal, obj.Metadata.Name, reason, message));

    /// <inheritdoc />
    public void Warning(IKubernetesObject<V1ObjectMeta> obj, string reason, string message) =>
        _events.Enqueue((EventTypes.Warning, obj.Metadata.Name, reason, message));
}
