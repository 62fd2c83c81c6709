using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.GitOps;

/// <summary>The statuses kstatus (sigs.k8s.io/cli-utils pkg/kstatus/status) computes.</summary>
public enum KstatusStatus
{
    /// <summary>Work is in flight: Flux keeps waiting.</summary>
    InProgress,

    /// <summary>Stalled: Flux reports the health check failed.</summary>
    Failed,

    /// <summary>Reconciled: Flux's wait succeeds.</summary>
    Current,

    /// <summary>metadata.deletionTimestamp is set.</summary>
    Terminating,
}

/// <summary>
/// A C# port of kstatus's generic rules for a custom resource (status.go Compute → generic.go checkGenericProperties,
/// checkGeneration), which Flux, kpt and Config Sync apply to kinds they have no special rules for, in kstatus's order:
/// deletionTimestamp → Terminating; metadata.generation ≠ status.observedGeneration (when both exist) → InProgress;
/// then the conditions in list order, the first <c>Reconciling=True</c> → InProgress or <c>Stalled=True</c> → Failed;
/// otherwise Current — also with <c>Ready=False</c> and no status at all, which is why Ready alone says nothing to it.
/// </summary>
public static class Kstatus
{
    /// <summary>The status kstatus computes for an object (as the API server returns it) and its message.</summary>
    public static (KstatusStatus Status, string Message) Compute(JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject;
        if (metadata?["deletionTimestamp"] is JsonValue deletion && deletion.GetValue<string>().Length > 0)
            return (KstatusStatus.Terminating, "Resource scheduled for deletion");
        var status = obj["status"] as JsonObject;
        if (metadata?["generation"] is JsonValue generationValue && status?["observedGeneration"] is JsonValue observedValue)
        {
            // unstructured.NestedInt64: both are JSON integers.
            var generation = long.Parse(generationValue.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            var observed = long.Parse(observedValue.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            if (generation != observed)
                return (KstatusStatus.InProgress,
                    $"{obj["kind"]} generation is {generation}, but latest observed generation is {observed}");
        }
        foreach (var condition in (status?["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var type = condition["type"]?.GetValue<string>();
            var isTrue = condition["status"]?.GetValue<string>() == "True";
            var message = condition["message"]?.GetValue<string>() ?? "";
            if (type == "Reconciling" && isTrue)
                return (KstatusStatus.InProgress, message);
            if (type == "Stalled" && isTrue)
                return (KstatusStatus.Failed, message);
        }
        return (KstatusStatus.Current, "Resource is current");
    }
}
