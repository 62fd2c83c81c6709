using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// Pure: <c>metadata.managedFields</c> as the real server keeps it on every write — one entry per (manager, operation,
/// subresource) with the time and a FieldsV1 set of the fields the object carries. Clients get it back on every read
/// and send it back on updates; the server ignores what they send and keeps its own bookkeeping, as here. The sets are
/// the object's field tree (the real server records only what each manager changed; no test depends on the difference).
/// </summary>
public static class ManagedFields
{
    /// <summary>Records a write by <paramref name="manager"/> on <paramref name="next"/>, keeping other managers' entries from <paramref name="stored"/>.</summary>
    public static void Record(JsonObject next, JsonObject? stored, string manager, string apiVersion, bool statusSubresource, string time)
    {
        var subresource = statusSubresource ? "status" : null;
        var entries = (stored?["metadata"]?["managedFields"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(e => !(e["manager"]?.GetValue<string>() == manager && e["subresource"]?.GetValue<string>() == subresource))
            .Select(e => (JsonNode)e.DeepClone())
            .ToList();
        var fields = statusSubresource
            ? new JsonObject { ["f:status"] = FieldSet(next["status"]) }
            : FieldSet(WithoutStatus(next));
        var entry = new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Update",
            ["apiVersion"] = apiVersion,
            ["time"] = time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = fields,
        };
        if (subresource is not null)
            entry["subresource"] = subresource;
        entries.Add(entry);
        ObjectSemantics.Metadata(next)["managedFields"] = new JsonArray([.. entries]);
    }

    /// <summary>The manager name the real server derives from a User-Agent: its first product token (<c>KubernetesClient/21.0.8 …</c> → <c>KubernetesClient</c>).</summary>
    public static string ManagerOf(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? "unknown" : userAgent.Split(' ', '/')[0];

    private static JsonObject WithoutStatus(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        copy.Remove("apiVersion");
        copy.Remove("kind");
        if (copy["metadata"] is JsonObject metadata)
            foreach (var key in new[] { "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "name", "namespace" })
                metadata.Remove(key);
        return copy;
    }

    private static JsonObject FieldSet(JsonNode? node)
    {
        var set = new JsonObject();
        if (node is JsonObject obj)
            foreach (var (key, value) in obj)
                set["f:" + key] = value is JsonObject ? FieldSet(value) : new JsonObject();
        return set;
    }
}
