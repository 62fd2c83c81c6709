using System.Text.Json.Nodes;
using Detector.Operator.Validation;
using k8s;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// The API server's rules for <c>default</c> values (apiextensions <c>defaulting.ValidateDefaults</c>): a default
/// must survive pruning unchanged (<c>must not have unknown fields</c>), then validate against its own node's schema
/// and CEL rules. Defaults below additionalProperties are never visited (the server forbids them elsewhere), nor are
/// those inside an embedded resource's metadata (the server checks them as ObjectMeta; not reproduced here).
/// </summary>
public static class DefaultRules
{
    /// <summary>Default errors of the tree at <paramref name="root"/> (the resource root), located below <paramref name="path"/>.</summary>
    public static IReadOnlyList<FieldError> Validate(V1JSONSchemaProps root, string path)
    {
        var errors = new List<FieldError>();
        Walk(root, path, insideMeta: false, isResourceRoot: true, errors);
        return errors;
    }

    /// <summary>
    /// Drops what the server's pruning drops from <paramref name="value"/>: fields a schema does not specify, unless it
    /// preserves unknown fields; apiVersion, kind and metadata of a resource root (or embedded resource) stay.
    /// </summary>
    public static JsonNode? Prune(JsonNode? value, V1JSONSchemaProps schema, bool isResourceRoot)
    {
        switch (value)
        {
            case JsonObject obj:
                var values = SchemaNodes.AdditionalProperties(schema);
                var embedded = isResourceRoot || schema.XKubernetesEmbeddedResource == true;
                foreach (var (name, child) in obj.ToList())
                {
                    if (schema.Properties?.TryGetValue(name, out var property) == true) Prune(child, property, false);
                    else if (embedded && name is "apiVersion" or "kind" or "metadata") continue;
                    else if (values is not null) Prune(child, values, false);
                    else if (schema.XKubernetesPreserveUnknownFields != true) obj.Remove(name);
                }
                break;
            case JsonArray array when SchemaNodes.Items(schema) is { } items:
                foreach (var item in array) Prune(item, items, false);
                break;
        }
        return value;
    }

    private static void Walk(V1JSONSchemaProps s, string path, bool insideMeta, bool isResourceRoot, List<FieldError> errors)
    {
        if (s.XKubernetesEmbeddedResource == true) (insideMeta, isResourceRoot) = (false, true);
        if (s.DefaultProperty is { } value && !insideMeta)
        {
            var original = JsonNode.Parse(KubernetesJson.Serialize(value));
            var pruned = Prune(original?.DeepClone(), s, isResourceRoot && s.XKubernetesEmbeddedResource == true);
            var at = path + ".default";
            if (!JsonNode.DeepEquals(original, pruned)) errors.Add(ApiErrors.Invalid(at, original, "must not have unknown fields"));
            var invalid = ValueErrors(pruned, s, at);
            errors.AddRange(invalid);
            if (invalid.Count == 0) errors.AddRange(DefaultCelErrors(pruned, s, at));
        }
        if (SchemaNodes.Items(s) is { } items) Walk(items, path + ".items", insideMeta, false, errors);
        foreach (var (name, child) in s.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            var childInsideMeta = insideMeta || (isResourceRoot && name is "metadata" or "apiVersion" or "kind");
            Walk(child, $"{path}.properties[{name}]", childInsideMeta, false, errors);
        }
    }

    private static IReadOnlyList<FieldError> ValueErrors(JsonNode? value, V1JSONSchemaProps schema, string path)
    {
        try
        {
            return SchemaValidator.Validate(value, schema, path);
        }
        catch (NotSupportedException)
        {
            return []; // a type that is not an OpenAPI type, reported by SchemaRules
        }
    }

    private static IReadOnlyList<FieldError> DefaultCelErrors(JsonNode? value, V1JSONSchemaProps schema, string path)
    {
        try
        {
            // The server evaluates a default's rules with the default as both old and new value.
            return CelRules.Validate(value, value, schema, path);
        }
        catch (NotSupportedException)
        {
            return []; // reported by RuleChecks as a rule this checker cannot compile
        }
    }
}
