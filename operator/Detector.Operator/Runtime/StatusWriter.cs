using System.Text.Json;
using Detector.Operator.Kube;
using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// Writes status through the status subresource only when it changed, so GitOps tools see no churn. "Changed" compares
/// serialized JSON because record equality compares lists by reference.
/// </summary>
public static class StatusWriter
{
    /// <summary>How many times a status write is attempted when it keeps meeting 409 Conflict.</summary>
    public const int MaxAttempts = 4;

    /// <summary>
    /// Sets <paramref name="newStatus"/> on <paramref name="obj"/> and writes it when it differs from the current status.
    /// On 409 the object is re-read and the write retried (status is ours alone, so the latest copy is safe to
    /// overwrite). An object deleted meanwhile is not an error. Returns the object as last seen: the server's answer, or
    /// <paramref name="obj"/> when nothing was written.
    /// </summary>
    public static async Task<T> UpdateStatusIfChangedAsync<T, TStatus>(this IKubeStore<T> store, T obj, TStatus newStatus,
        CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>, IStatus<TStatus?>
        where TStatus : class
    {
        var current = obj;
        for (var attempt = 1; ; attempt++)
        {
            if (!HasChanged(current.Status, newStatus))
                return current;
            current.Status = newStatus;
            try
            {
                return await store.UpdateStatusAsync(current, ct);
            }
            catch (KubeNotFoundException)
            {
                // Deleted while we reconciled: there is no status left to write, and the delete event requeues the key.
                return current;
            }
            catch (KubeConflictException) when (attempt < MaxAttempts)
            {
                // Somebody else (the user editing spec, or GC) moved resourceVersion; our status is still what we want.
                var fresh = await store.GetAsync(ObjectKey.Of(obj), ct);
                if (fresh is null)
                    return current;
                current = fresh;
            }
        }
    }

    /// <summary>Whether two statuses serialize differently.</summary>
    public static bool HasChanged<TStatus>(TStatus? oldStatus, TStatus? newStatus) =>
        Serialize(oldStatus) != Serialize(newStatus);

    private static string Serialize<TStatus>(TStatus? status) =>
        status is null ? "null" : KubernetesJson.Serialize(status);
}
