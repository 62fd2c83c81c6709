using System.Text.Json.Nodes;
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
    public static Task<T> UpdateStatusIfChangedAsync<T, TStatus>(this IKubeStore<T> store, T obj, TStatus newStatus,
        CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>, IStatus<TStatus?>
        where TStatus : class =>
        WriteAsync(store, obj, current =>
        {
            if (!HasChanged(current.Status, newStatus))
                return null;
            current.Status = newStatus;
            return current;
        }, ct);

    /// <summary>
    /// The kind-agnostic form, for the runtime: <paramref name="next"/> maps the current status JSON (null when there is
    /// none) to the wanted one, re-applied to the fresh object after a 409. Written only when it changes the status.
    /// </summary>
    public static Task<T> UpdateStatusJsonIfChangedAsync<T>(this IKubeStore<T> store, T obj, Func<JsonObject?, JsonObject> next,
        CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        WriteAsync(store, obj, current =>
        {
            var json = JsonNode.Parse(KubernetesJson.Serialize(current))!.AsObject();
            var status = json["status"] as JsonObject;
            var wanted = next(status);
            if (status is not null && JsonNode.DeepEquals(status, wanted))
                return null;
            json["status"] = wanted;
            return KubernetesJson.Deserialize<T>(json.ToJsonString());
        }, ct);

    // The shared loop: compute the object to write from the latest copy (null: nothing to write), write, retry on 409.
    private static async Task<T> WriteAsync<T>(IKubeStore<T> store, T obj, Func<T, T?> withNewStatus, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var current = obj;
        for (var attempt = 1; ; attempt++)
        {
            if (withNewStatus(current) is not { } changed)
                return current;
            try
            {
                return await store.UpdateStatusAsync(changed, ct);
            }
            catch (KubeNotFoundException)
            {
                // Deleted while we reconciled: there is no status left to write, and the delete event requeues the key.
                return changed;
            }
            catch (KubeConflictException) when (attempt < MaxAttempts)
            {
                // Somebody else (the user editing spec, or GC) moved resourceVersion; our status is still what we want.
                var fresh = await store.GetAsync(ObjectKey.Of(obj), ct);
                if (fresh is null)
                    return changed;
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
