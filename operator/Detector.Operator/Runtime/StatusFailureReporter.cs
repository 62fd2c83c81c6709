using Detector.Operator.Kube;
using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// Writes a failure through the status subresource (via <see cref="StatusWriter"/>, so only when it changes the status)
/// and records a Warning Event with the failure's reason. The controller calls it once per distinct failure.
/// </summary>
public sealed class StatusFailureReporter<T>(IKubeStore<T> store, IEventRecorder events, TimeProvider clock) : IFailureReporter<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc />
    public async Task ReportAsync(ObjectKey key, ReconcileFailure failure, CancellationToken ct)
    {
        if (await store.GetAsync(key, ct) is not { } obj || Annotations.IsPaused(obj))
            return;                                  // Gone, or paused: paused means no writes at all.
        var generation = obj.Metadata.Generation;
        var now = clock.GetUtcNow();
        await store.UpdateStatusJsonIfChangedAsync(obj, status => FailureStatus.Apply(status, failure, generation, now), ct);
        events.Warning(obj, failure.Reason, failure.Message);
    }
}

/// <summary>Creates <see cref="StatusFailureReporter{T}"/>s over one client, with one event recorder.</summary>
public sealed class KubeFailureReporterFactory(IKubernetes client, IEventRecorder events, TimeProvider clock) : IFailureReporterFactory
{
    /// <inheritdoc />
    public IFailureReporter<T> Create<T>(KubeResource resource) where T : class, IKubernetesObject<V1ObjectMeta> =>
        new StatusFailureReporter<T>(new KubeStore<T>(client, resource), events, clock);
}
