using System.Text.Json.Nodes;
using Detector.Operator.Validation;
using k8s;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// Checks the rules a v1 API server enforces on CRD schemas that a generator can get wrong: structural schemas
/// (every node typed, no <c>properties</c> beside <c>additionalProperties</c>, no <c>nullable</c> without a type,
/// int-or-string without a type and only with anyOf/allOf of integer and string), valid defaults, list-map keys
/// that are required, and CEL rules whose every string, list and map is bounded (the cost estimate).
/// </summary>
public static class StructuralSchema
{
    /// <summary>All problems of a root schema (<c>openAPIV3Schema</c>), each with its schema path; empty when acceptable.</summary>
    public static IReadOnlyList<string> Problems(V1JSONSchemaProps root)
    {
        var problems = new List<string>();
        if (root.Type != "object") problems.Add("openAPIV3Schema: type must be object");
        Walk(root, "openAPIV3Schema", problems);
        return problems;
    }

    /// <summary>The nodes below <paramref name="node"/> (itself included) whose size a CEL cost estimate cannot bound.</summary>
    public static IReadOnlyList<string> UnboundedNodes(V1JSONSchemaProps node, string path)
    {
        var found = new List<string>();
        CollectUnbounded(node, path, found);
        return found;
    }

    private static void Walk(V1JSONSchemaProps node, string path, List<string> problems)
    {
        var intOrString = node.XKubernetesIntOrString == true;
        if (intOrString && node.Type is { Length: > 0 }) problems.Add($"{path}: x-kubernetes-int-or-string must not have a type");
        if (!intOrString && string.IsNullOrEmpty(node.Type) && node.XKubernetesPreserveUnknownFields != true)
            problems.Add($"{path}: type is missing");
        if (node.Nullable == true && string.IsNullOrEmpty(node.Type)) problems.Add($"{path}: nullable without a type");
        var additional = SchemaNodes.AdditionalProperties(node);
        if (node.Properties is { Count: > 0 } && node.AdditionalProperties is not null)
            problems.Add($"{path}: properties and additionalProperties are mutually exclusive");
        if (node.AdditionalProperties is true) problems.Add($"{path}: additionalProperties: true is not structural; use x-kubernetes-preserve-unknown-fields");
        if (node.Type == "array" && SchemaNodes.Items(node) is null) problems.Add($"{path}: an array needs items");
        if (node.OneOf is { Count: > 0 } || node.Not is not null || node.AllOf is { Count: > 0 })
            problems.Add($"{path}: oneOf/allOf/not are not emitted by the generator and are not checked here");
        if (node.AnyOf is { Count: > 0 } anyOf && !(intOrString && anyOf.All(a => a.Type is "integer" or "string")))
            problems.Add($"{path}: anyOf is only allowed as integer|string on an int-or-string node");
        if (string.IsNullOrEmpty(node.Description) && path.Count(c => c == '.') > 0 && !path.EndsWith(".items", StringComparison.Ordinal)
            && !path.EndsWith(".additionalProperties", StringComparison.Ordinal) && !path.EndsWith("metadata", StringComparison.Ordinal))
            problems.Add($"{path}: description is missing");
        if (node.Required is { } required)
            foreach (var name in required.Where(name => node.Properties?.ContainsKey(name) != true))
                problems.Add($"{path}: required field {name} is not a property");
        if (node.DefaultProperty is { } value)
        {
            var json = JsonNode.Parse(KubernetesJson.Serialize(value));
            foreach (var error in SchemaValidator.Validate(json, node, "default"))
                problems.Add($"{path}: default does not validate: {error}");
        }
        if (node.XKubernetesListType == "map" && SchemaNodes.Items(node) is { } mapItems)
            foreach (var key in node.XKubernetesListMapKeys ?? [])
                if (mapItems.Required?.Contains(key) != true) problems.Add($"{path}: list-map key {key} must be required in the items");
        // Conservative: a rule is charged for the whole subtree it sits on, not only the fields it names.
        foreach (var rule in node.XKubernetesValidations ?? [])
            foreach (var unbounded in UnboundedNodes(node, path)) problems.Add($"{path}: rule '{rule.Rule}' touches unbounded {unbounded}");
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
            Walk(child, $"{path}.properties.{name}", problems);
        if (SchemaNodes.Items(node) is { } items) Walk(items, path + ".items", problems);
        if (additional is not null && node.AdditionalProperties is not true) Walk(additional, path + ".additionalProperties", problems);
    }

    private static void CollectUnbounded(V1JSONSchemaProps node, string path, List<string> found)
    {
        switch (node.Type)
        {
            case "string" when node.MaxLength is null && node.EnumProperty is not { Count: > 0 } && node.Format != "date-time":
                found.Add(path);
                break;
            case "array" when node.MaxItems is null:
                found.Add(path);
                break;
            case "object" when node.AdditionalProperties is not null && node.MaxProperties is null:
                found.Add(path);
                break;
        }
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
            CollectUnbounded(child, $"{path}.properties.{name}", found);
        if (SchemaNodes.Items(node) is { } items) CollectUnbounded(items, path + ".items", found);
        if (SchemaNodes.AdditionalProperties(node) is { } values && node.AdditionalProperties is not true) CollectUnbounded(values, path + ".additionalProperties", found);
    }
}
