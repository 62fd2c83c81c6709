using System.Text.Json.Nodes;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// What the real server does to a custom resource on create and update, in its order: prune fields the schema does
/// not declare (silently: KubernetesClient sends no fieldValidation, and the server's default for it is to drop them
/// with a warning header), apply schema defaults, then validate against the schema and its
/// <c>x-kubernetes-validations</c> rules (422 Invalid naming each field).
/// </summary>
public static class CustomResourceAdmission
{
    /// <summary>The admitted object (a pruned, defaulted copy); throws <see cref="ApiError"/> 422 when invalid.</summary>
    public static JsonObject Admit(ResourceType type, JsonObject obj, JsonObject? old)
    {
        var schema = type.Schema ?? throw new InvalidOperationException($"{type.QualifiedName} has no schema");
        var admitted = (JsonObject)obj.DeepClone();
        foreach (var (key, value) in admitted.ToList())
        {
            // apiVersion, kind and metadata are the server's own; the schema governs everything else.
            if (key is "apiVersion" or "kind" or "metadata")
                continue;
            if (Property(schema, key) is { } propertySchema)
                admitted[key] = Default(Prune(value, propertySchema), propertySchema);
            else if (schema.XKubernetesPreserveUnknownFields != true)
                admitted.Remove(key);
        }
        ApplyDefaults(admitted, schema);
        var causes = SchemaValidation.Validate(schema, admitted, old);
        if (causes.Count > 0)
            throw ApiError.Invalid(type, ObjectSemantics.MetaString(admitted, "name") ?? "", causes);
        return admitted;
    }

    /// <summary>Removes object fields the schema does not declare, recursively.</summary>
    public static JsonNode? Prune(JsonNode? node, V1JSONSchemaProps schema)
    {
        if (schema.XKubernetesPreserveUnknownFields == true)
            return node;
        switch (node)
        {
            case JsonObject obj when schema.Properties is { Count: > 0 }:
                foreach (var (key, value) in obj.ToList())
                {
                    if (schema.Properties.TryGetValue(key, out var child))
                        obj[key] = Prune(value?.DeepClone(), child);
                    else
                        obj.Remove(key);
                }
                return obj;
            case JsonObject obj when SchemaNodes.AdditionalProperties(schema) is { } valueSchema:
                foreach (var (key, value) in obj.ToList())
                    obj[key] = Prune(value?.DeepClone(), valueSchema);
                return obj;
            case JsonObject obj when schema.Type == "object":
                // An object schema with neither properties nor additionalProperties keeps nothing.
                foreach (var key in obj.Select(p => p.Key).ToList())
                    obj.Remove(key);
                return obj;
            case JsonArray array when SchemaNodes.Items(schema) is { } itemSchema:
                for (var i = 0; i < array.Count; i++)
                    array[i] = Prune(array[i]?.DeepClone(), itemSchema);
                return array;
            default:
                return node;
        }
    }

    /// <summary>Fills absent properties that have a schema default, recursively (objects present in the data only).</summary>
    public static JsonNode? Default(JsonNode? node, V1JSONSchemaProps schema)
    {
        if (node is JsonObject obj)
            ApplyDefaults(obj, schema);
        else if (node is JsonArray array && SchemaNodes.Items(schema) is { } itemSchema)
            foreach (var item in array)
                Default(item, itemSchema);
        return node;
    }

    private static void ApplyDefaults(JsonObject obj, V1JSONSchemaProps schema)
    {
        if (schema.Properties is null)
            return;
        foreach (var (key, child) in schema.Properties)
        {
            if (!obj.ContainsKey(key) && child.DefaultProperty is { } defaultValue)
                obj[key] = JsonNode.Parse(k8s.KubernetesJson.Serialize(defaultValue));
            if (obj[key] is { } value)
                Default(value, child);
        }
    }

    private static V1JSONSchemaProps? Property(V1JSONSchemaProps schema, string key) =>
        schema.Properties is not null && schema.Properties.TryGetValue(key, out var child) ? child : null;
}
