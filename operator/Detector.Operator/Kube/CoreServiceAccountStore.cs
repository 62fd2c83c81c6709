using Detector.Operator.Runtime;
using k8s;
using k8s.Models;

namespace Detector.Operator.Kube;

/// <summary>
/// Read-only <see cref="IKubeStore{T}"/> of core/v1 ServiceAccounts, for one question: does the account a Job will run
/// as exist? (The chart grants <c>get</c> only.)
/// </summary>
public sealed class CoreServiceAccountStore(IKubernetes client) : IKubeStore<V1ServiceAccount>
{
    /// <inheritdoc />
    public async Task<V1ServiceAccount?> GetAsync(ObjectKey key, CancellationToken ct)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedServiceAccountAsync(key.Name, key.Namespace, cancellationToken: ct);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<V1ServiceAccount>> ListAsync(string? ns, string? labelSelector, CancellationToken ct) => throw ReadOnly();

    /// <inheritdoc />
    public Task<V1ServiceAccount> CreateAsync(V1ServiceAccount obj, CancellationToken ct) => throw ReadOnly();

    /// <inheritdoc />
    public Task<V1ServiceAccount> UpdateAsync(V1ServiceAccount obj, CancellationToken ct) => throw ReadOnly();

    /// <inheritdoc />
    public Task<V1ServiceAccount> UpdateStatusAsync(V1ServiceAccount obj, CancellationToken ct) => throw ReadOnly();

    /// <inheritdoc />
    public Task DeleteAsync(ObjectKey key, CancellationToken ct) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The operator only reads service accounts by name (RBAC grants get)");
}
