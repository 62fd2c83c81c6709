using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// The schema checker of our tests and generator: every rule a real API server applies to a CRD schema
/// (<see cref="CrdValidation.Schema"/>, in the server's words), plus the conventions this project adds (each node
/// documented, <c>required</c> names real properties, junctors only as int-or-string, and conservatively, no CEL rule
/// above a string, list or map without a bound, whatever the real cost estimate says).
/// </summary>
public static class StructuralSchema
{
    /// <summary>
    /// All problems of a root schema (<c>openAPIV3Schema</c>), each with its path: the server's errors as a
    /// single-version CRD with a status subresource would get them (<c>spec.validation.openAPIV3Schema…</c>), then
    /// the project's conventions. Empty when acceptable.
    /// </summary>
    public static IReadOnlyList<string> Problems(V1JSONSchemaProps root) =>
        [.. CrdValidation.Schema(root, statusEnabled: true, "spec.validation").Select(e => e.ToString()), .. Conventions(root)];

    /// <summary>The project's conventions only (not server rules), each prefixed with <c>convention:</c>.</summary>
    public static IReadOnlyList<string> Conventions(V1JSONSchemaProps root)
    {
        var problems = new List<string>();
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
        if (intOrString && node.Type is { Length: > 0 }) problems.Add($"convention: {path}: x-kubernetes-int-or-string must not have a type");
        if (node.OneOf is { Count: > 0 } || node.Not is not null || node.AllOf is { Count: > 0 })
            problems.Add($"convention: {path}: oneOf/allOf/not are not emitted by the generator");
        if (node.AnyOf is { Count: > 0 } anyOf && !(intOrString && anyOf.All(a => a.Type is "integer" or "string")))
            problems.Add($"convention: {path}: anyOf is only used as integer|string on an int-or-string node");
        if (string.IsNullOrEmpty(node.Description) && path.Contains('.', StringComparison.Ordinal) && !path.EndsWith(".items", StringComparison.Ordinal)
            && !path.EndsWith(".additionalProperties", StringComparison.Ordinal) && path != "openAPIV3Schema.properties.metadata")
            problems.Add($"convention: {path}: description is missing");
        if (node.Required is { } required)
            foreach (var name in required.Where(name => node.Properties?.ContainsKey(name) != true))
                problems.Add($"convention: {path}: required field {name} is not a property");
        // Conservative: a rule is charged for the whole subtree it sits on, not only the fields it names.
        foreach (var rule in node.XKubernetesValidations ?? [])
            foreach (var unbounded in UnboundedNodes(node, path)) problems.Add($"convention: {path}: rule '{rule.Rule}' touches unbounded {unbounded}");
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
            Walk(child, $"{path}.properties.{name}", problems);
        if (SchemaNodes.Items(node) is { } items) Walk(items, path + ".items", problems);
        if (SchemaNodes.AdditionalProperties(node) is { } additional && node.AdditionalProperties is not true) Walk(additional, path + ".additionalProperties", problems);
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
