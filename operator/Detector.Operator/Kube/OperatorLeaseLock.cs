using k8s;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;

namespace Detector.Operator.Kube;

/// <summary>KubernetesClient's <see cref="LeaseLock"/>, writing the Lease under <see cref="FieldManager.Operator"/>.</summary>
public sealed class OperatorLeaseLock(IKubernetes client, string @namespace, string name, string identity)
    : LeaseLock(client, @namespace, name, identity)
{
    /// <inheritdoc />
    protected override Task<V1Lease> CreateMetaObjectAsync(IKubernetes client, V1Lease obj, string namespaceParameter, CancellationToken cancellationToken) =>
        client.CoordinationV1.CreateNamespacedLeaseAsync(obj, namespaceParameter, fieldManager: FieldManager.Operator, cancellationToken: cancellationToken);

    /// <inheritdoc />
    protected override Task<V1Lease> ReplaceMetaObjectAsync(IKubernetes client, V1Lease obj, string name, string namespaceParameter,
        CancellationToken cancellationToken) =>
        client.CoordinationV1.ReplaceNamespacedLeaseAsync(obj, name, namespaceParameter, fieldManager: FieldManager.Operator,
            cancellationToken: cancellationToken);
}
