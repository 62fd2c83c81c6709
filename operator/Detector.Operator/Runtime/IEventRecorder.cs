using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// Records Kubernetes Events about an object (<c>kubectl describe</c> shows them). Best effort: never throws, so an
/// event can never fail a reconcile. Messages must not carry secrets.
/// </summary>
public interface IEventRecorder
{
    /// <summary>Records a Normal event (a transition the user may want to see).</summary>
    void Normal(IKubernetesObject<V1ObjectMeta> obj, string reason, string message);

    /// <summary>Records a Warning event (an error the user must act on).</summary>
    void Warning(IKubernetesObject<V1ObjectMeta> obj, string reason, string message);
}

/// <summary>Event types of core/v1 Events.</summary>
public static class EventTypes
{
    /// <summary>A normal event.</summary>
    public const string Normal = "Normal";

    /// <summary>A warning event.</summary>
    public const string Warning = "Warning";
}

/// <summary>Discards events (local runs without a cluster, tests that do not look at events).</summary>
public sealed class NullEventRecorder : IEventRecorder
{
    /// <summary>The shared instance.</summary>
    public static readonly NullEventRecorder Instance = new();

    /// <inheritdoc />
    public void Normal(IKubernetesObject<V1ObjectMeta> obj, string reason, string message) { }

    /// <inheritdoc />
    public void Warning(IKubernetesObject<V1ObjectMeta> obj, string reason, string message) { }
}
