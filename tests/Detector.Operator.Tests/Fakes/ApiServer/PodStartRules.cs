using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// Pure: why a Job's pods could never run although the API server accepted the Job — what the Job controller and the
/// kubelet find out later. A missing ServiceAccount stops pod creation (the Job controller's FailedCreate Event on the
/// Job, no pod at all); a missing Secret or ConfigMap, or runAsNonRoot with uid 0, leaves the pod Pending with its
/// container waiting in CreateContainerConfigError. The ServiceAccount <c>default</c> exists in every namespace (the
/// controller-manager creates it) unless the fake is told otherwise.
/// </summary>
public static class PodStartRules
{
    /// <summary>What stops the pods: the stage it happens at and the message the cluster shows.</summary>
    /// <param name="PodCreationFails">True: no pod is created (FailedCreate on the Job); false: the pod exists but its container cannot start.</param>
    /// <param name="Reason">FailedCreate, or the container's waiting reason (CreateContainerConfigError).</param>
    /// <param name="Message">The message as the real cluster words it.</param>
    public sealed record Problem(bool PodCreationFails, string Reason, string Message);

    /// <summary>The first problem of the Job's pod template, or null when its pods can run.</summary>
    public static Problem? Check(JsonObject job, Func<string, string, bool> exists, bool defaultServiceAccountExists)
    {
        var ns = ObjectSemantics.MetaString(job, "namespace") ?? "default";
        var name = ObjectSemantics.MetaString(job, "name") ?? "";
        var spec = job["spec"]?["template"]?["spec"] as JsonObject ?? new JsonObject();
        var account = Str(spec["serviceAccountName"]) is { Length: > 0 } a ? a : "default";
        if (!(account == "default" && defaultServiceAccountExists) && !exists("serviceaccounts", account))
            return new(true, "FailedCreate",
                $"Error creating: pods \"{name}-\" is forbidden: error looking up service account {ns}/{account}: serviceaccount \"{account}\" not found");
        foreach (var volume in spec["volumes"] as JsonArray ?? [])
        {
            if (Reference(volume?["secret"], "secretName") is { } secret && !exists("secrets", secret))
                return ConfigError($"secret \"{secret}\" not found");
            if (Reference(volume?["configMap"], "name") is { } map && !exists("configmaps", map))
                return ConfigError($"configmap \"{map}\" not found");
        }
        var podNonRoot = Bool(spec["securityContext"]?["runAsNonRoot"]);
        var podUser = Long(spec["securityContext"]?["runAsUser"]);
        foreach (var container in spec["containers"] as JsonArray ?? [])
        {
            foreach (var env in container?["env"] as JsonArray ?? [])
            {
                if (Reference(env?["valueFrom"]?["secretKeyRef"], "name") is { } secret && !exists("secrets", secret))
                    return ConfigError($"secret \"{secret}\" not found");
                if (Reference(env?["valueFrom"]?["configMapKeyRef"], "name") is { } map && !exists("configmaps", map))
                    return ConfigError($"configmap \"{map}\" not found");
            }
            var nonRoot = Bool(container?["securityContext"]?["runAsNonRoot"]) ?? podNonRoot;
            var user = Long(container?["securityContext"]?["runAsUser"]) ?? podUser;
            if (nonRoot == true && user == 0)
                return ConfigError($"container's runAsUser breaks non-root policy (pod: \"{name}-xxxxx_{ns}\", container: {Str(container?["name"])})");
        }
        return null;
    }

    private static Problem ConfigError(string message) => new(false, "CreateContainerConfigError", message);

    // A reference marked optional never blocks the pod.
    private static string? Reference(JsonNode? source, string nameField) =>
        source is JsonObject obj && Bool(obj["optional"]) != true && Str(obj[nameField]) is { Length: > 0 } name ? name : null;

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;
}
