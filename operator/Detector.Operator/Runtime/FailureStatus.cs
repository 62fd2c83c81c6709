using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// Pure: a reconcile failure written into any kind's status. Every Detector kind has <c>status.phase</c>,
/// <c>status.conditions</c> (metav1.Condition) and <c>status.observedGeneration</c>, so the runtime edits those three
/// in the status JSON and leaves every kind-specific field as it was.
/// </summary>
public static class FailureStatus
{
    /// <summary>The phase every kind starts in.</summary>
    public const string PendingPhase = "Pending";

    /// <summary>The phase every kind ends in when it cannot go on.</summary>
    public const string FailedPhase = "Failed";

    /// <summary>
    /// The state a failure puts any kind in: a transient error is work still in flight (<c>Reconciling=True</c>, reason
    /// <c>Retrying</c>: kstatus InProgress); a misconfiguration or a refused spec needs a person (<c>Stalled=True</c>:
    /// kstatus Failed).
    /// </summary>
    public static ReconcileState StateOf(FailureKind kind) =>
        kind == FailureKind.Transient ? ReconcileState.Reconciling : ReconcileState.Stalled;

    /// <summary>
    /// <paramref name="status"/> (null: none yet) with the conditions of <see cref="StateOf"/> carrying the failure's
    /// reason and message, the generation observed, and the phase <c>Failed</c> for terminal failures (else kept,
    /// <c>Pending</c> when there was none).
    /// </summary>
    public static JsonObject Apply(JsonObject? status, ReconcileFailure failure, long? generation, DateTimeOffset now)
    {
        var next = status is null ? new JsonObject() : (JsonObject)status.DeepClone();
        var conditions = next["conditions"] is JsonArray array
            ? KubernetesJson.Deserialize<List<V1Condition>>(array.ToJsonString())
            : [];
        var updated = Conditions.SetSummary(conditions, StateOf(failure.Kind), failure.Reason, failure.Message, generation, now);
        next["conditions"] = JsonNode.Parse(KubernetesJson.Serialize(updated));
        next["observedGeneration"] = generation;
        var phase = next["phase"] is JsonValue value && value.TryGetValue<string>(out var p) && p.Length > 0 ? p : null;
        next["phase"] = failure.Kind == FailureKind.Terminal ? FailedPhase : phase ?? PendingPhase;
        return next;
    }

    /// <summary>The <c>Ready</c> condition's reason in a status JSON, or null.</summary>
    public static string? ReadyReason(JsonObject? status) =>
        status?["conditions"] is JsonArray conditions
            ? conditions.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == Conditions.Ready)?["reason"]?.GetValue<string>()
            : null;
}
