using System.Reflection;
using System.Text.Json.Serialization;
using Detector.Operator.Crds;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Tests.Crds;

public class SchemaMatchesTypesTests
{
    [Theory]
    [MemberData(nameof(CrdFiles.Kinds), MemberType = typeof(CrdFiles))]
    public void EverySchemaProperty_MatchesAJsonPropertyName_AndHasADescription(string kind)
    {
        var type = CrdGenerator.Kinds.Single(k => k.Name == kind);
        var root = CrdGenerator.ForKind(kind)!.Spec.Versions[0].Schema.OpenAPIV3Schema;
        var generic = type.BaseType!.GetGenericArguments();
        var problems = new List<string>();
        Compare(generic[0], root.Properties["spec"], "spec", problems);
        Compare(generic[1], root.Properties["status"], "status", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EverySchemaNode_BelowSpecAndStatus_HasADescription()
    {
        var missing = new List<string>();
        foreach (var crd in CrdGenerator.All)
            Descriptions(crd.Spec.Versions[0].Schema.OpenAPIV3Schema, crd.Spec.Names.Kind, missing);
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void CelRules_AreOnlyOnBoundedSubtrees_AndAllEvaluable()
    {
        var found = 0;
        foreach (var crd in CrdGenerator.All)
        {
            foreach (var (path, node) in Nodes(crd.Spec.Versions[0].Schema.OpenAPIV3Schema, crd.Spec.Names.Kind))
            {
                foreach (var rule in node.XKubernetesValidations ?? [])
                {
                    found++;
                    Assert.Empty(StructuralSchema.UnboundedNodes(node, path));
                    // Throws for a rule form the fake API server could not enforce.
                    CelRules.Evaluate(rule.Rule, new System.Text.Json.Nodes.JsonObject(), new System.Text.Json.Nodes.JsonObject());
                }
            }
        }
        Assert.True(found >= 3, "expected the immutability and exactly-one-of rules");
    }

    private static void Compare(Type type, V1JSONSchemaProps schema, string path, List<string> problems)
    {
        var byName = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? $"<{p.Name} has no [JsonPropertyName]>");
        foreach (var name in byName.Keys.Where(n => n.StartsWith('<'))) problems.Add($"{path}: {name}");
        foreach (var (name, child) in schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            if (!byName.TryGetValue(name, out var property)) { problems.Add($"{path}.{name}: no C# property"); continue; }
            if (string.IsNullOrWhiteSpace(child.Description)) problems.Add($"{path}.{name}: no description");
            var inner = Unwrap(property.PropertyType);
            var childSchema = child.Type == "array" ? SchemaNodes.Items(child) : child.Type == "object" && child.AdditionalProperties is not null ? SchemaNodes.AdditionalProperties(child) : child;
            if (inner.Namespace?.StartsWith("Detector.Operator.Api", StringComparison.Ordinal) == true && inner.IsClass && childSchema is not null)
                Compare(inner, childSchema, $"{path}.{name}", problems);
        }
        foreach (var name in byName.Keys.Where(n => schema.Properties?.ContainsKey(n) != true)) problems.Add($"{path}.{name}: not in the schema");
    }

    private static Type Unwrap(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!type.IsGenericType) return type;
        var args = type.GetGenericArguments();
        return args[^1];
    }

    private static void Descriptions(V1JSONSchemaProps root, string kind, List<string> missing)
    {
        foreach (var (path, node) in Nodes(root, kind))
            // The root metadata may carry nothing but its type: a real API server rejects even a description there.
            if (string.IsNullOrWhiteSpace(node.Description) && !path.EndsWith("[]", StringComparison.Ordinal) && !path.EndsWith("{}", StringComparison.Ordinal)
                && path != kind + ".metadata")
                missing.Add(path);
    }

    private static IEnumerable<(string Path, V1JSONSchemaProps Node)> Nodes(V1JSONSchemaProps node, string path)
    {
        yield return (path, node);
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
            foreach (var n in Nodes(child, path + "." + name)) yield return n;
        if (SchemaNodes.Items(node) is { } items)
            foreach (var n in Nodes(items, path + "[]")) yield return n;
        if (node.AdditionalProperties is not null && SchemaNodes.AdditionalProperties(node) is { } values)
            foreach (var n in Nodes(values, path + "{}")) yield return n;
    }
}
