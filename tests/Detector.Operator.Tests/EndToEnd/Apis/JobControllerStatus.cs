using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.EndToEnd.Apis;

/// <summary>
/// The Job status the Kubernetes 1.33 Job controller writes when a Job finishes (pkg/controller/job): the interim
/// condition first (SuccessCriteriaMet / FailureTarget), then the terminal one (Complete / Failed); startTime kept,
/// no pods active, ready, terminating or uncounted; completionTime only on success; completedIndexes for Indexed Jobs.
/// Pure, so a bare API server (which validates Job status) is fed exactly what the controller would send; the fake API
/// server writes the same.
/// </summary>
public static class JobControllerStatus
{
    /// <summary>The status of a Job whose pods all succeeded.</summary>
    public static JsonObject Succeeded(JsonObject job, string now)
    {
        var status = Cleared(job, now);
        var completions = job["spec"]?["completions"]?.GetValue<int>() ?? 1;
        status["succeeded"] = completions;
        status["completionTime"] = now;
        if (job["spec"]?["completionMode"]?.GetValue<string>() == "Indexed")
            status["completedIndexes"] = completions == 1 ? "0" : $"0-{completions - 1}";
        status["conditions"] = Conditions(status,
            Condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now),
            Condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", now));
        return status;
    }

    /// <summary>The status of a Job that failed for <paramref name="reason"/> (e.g. BackoffLimitExceeded: backoffLimit + 1 failed pods).</summary>
    public static JsonObject Failed(JsonObject job, string now, string reason, string message)
    {
        var status = Cleared(job, now);
        status["failed"] = (job["spec"]?["backoffLimit"]?.GetValue<int>() ?? 6) + 1;
        status.Remove("completionTime");
        status["conditions"] = Conditions(status,
            Condition("FailureTarget", reason, message, now),
            Condition("Failed", reason, message, now));
        return status;
    }

    /// <summary>The timestamp format of the API (RFC 3339, seconds, UTC).</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The Job's status with startTime kept (or set) and no pods active, ready, terminating or uncounted: where a
    /// finished Job ends, and the base the fake API server adds its running pods to.
    /// </summary>
    public static JsonObject Cleared(JsonObject job, string now)
    {
        var status = job["status"] is JsonObject existing ? (JsonObject)existing.DeepClone() : new JsonObject();
        status["startTime"] ??= now;
        status["active"] = 0;
        status["ready"] = 0;
        status["terminating"] = 0;
        status["uncountedTerminatedPods"] = new JsonObject();
        return status;
    }

    // Conditions the Job already had (e.g. Suspended) stay, as the controller appends.
    private static JsonArray Conditions(JsonObject status, params JsonObject[] added)
    {
        var kept = (status["conditions"] as JsonArray ?? [])
            .Where(c => c?["type"]?.GetValue<string>() is { } type && added.All(a => a["type"]!.GetValue<string>() != type))
            .Select(c => c!.DeepClone());
        return [.. kept, .. added];
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastProbeTime"] = now,
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };
}
