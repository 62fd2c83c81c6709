using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Detector.Operator.Validation;

/// <summary>
/// Applies the schema's <c>default</c>s to an object the way the API server does before validation: a missing
/// property with a default gets a copy of it, then defaulting continues inside (so <c>default: {}</c> on an object
/// fills in its own defaulted fields). Lists' items and maps' values are defaulted too. Mutates the node in place.
/// </summary>
public static class SchemaDefaults
{
    /// <summary>Fills in defaults below <paramref name="node"/>; returns it for chaining.</summary>
    public static JsonNode? Apply(JsonNode? node, V1JSONSchemaProps schema)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
                {
                    if (obj[name] is null && child.DefaultProperty is { } value) obj[name] = JsonNode.Parse(KubernetesJson.Serialize(value));
                    if (obj[name] is { } present) Apply(present, child);
                }
                if (schema.Properties is not { Count: > 0 } && SchemaNodes.AdditionalProperties(schema) is { } values)
                    foreach (var (_, child) in obj.ToList()) Apply(child, values);
                break;
            case JsonArray array when SchemaNodes.Items(schema) is { } items:
                foreach (var item in array) Apply(item, items);
                break;
        }
        return node;
    }
}
