using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// The real server applies a CRD's schema defaults when it reads an object from etcd, not only when it writes one: an
/// object stored before a default existed (here: put by <see cref="FakeApiServer.Put(JsonObject)"/>, which skips admission)
/// still reaches every client — get, list, watch, write responses — defaulted. Pure; built-in kinds pass unchanged.
/// </summary>
public static class ReadDefaults
{
    /// <summary>A response body with defaults applied to the custom resource (or to each item of a list) it carries.</summary>
    public static JsonNode Apply(ResourceType type, JsonNode body)
    {
        if (type.Schema is null || body is not JsonObject obj)
            return body;
        if (obj["items"] is JsonArray items && obj["kind"]?.GetValue<string>() == type.Kind + "List")
        {
            foreach (var item in items)
                if (item is JsonObject one)
                    CustomResourceAdmission.Default(one, type.Schema);
            return obj;
        }
        return obj["kind"]?.GetValue<string>() == type.Kind ? CustomResourceAdmission.Default(obj, type.Schema)! : obj;
    }

    /// <summary>A watch line (<c>{"type","object"}</c>) with its object defaulted; BOOKMARK and ERROR lines pass unchanged.</summary>
    public static JsonObject ApplyToWatchLine(ResourceType type, JsonObject line)
    {
        if (line["type"]?.GetValue<string>() is "ADDED" or "MODIFIED" or "DELETED" && line["object"] is JsonObject obj)
        {
            var copy = (JsonObject)line.DeepClone();
            copy["object"] = Apply(type, (JsonObject)obj.DeepClone());
            return copy;
        }
        return line;
    }
}
