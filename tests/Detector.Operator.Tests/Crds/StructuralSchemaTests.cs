using Detector.Operator.Crds;
using k8s.Models;

namespace Detector.Operator.Tests.Crds;

public class StructuralSchemaTests
{
    private static V1JSONSchemaProps Root(string name, V1JSONSchemaProps child) => new()
    {
        Type = "object",
        Properties = new Dictionary<string, V1JSONSchemaProps> { [name] = child },
    };

    public static TheoryData<string, V1JSONSchemaProps, string> Broken => new()
    {
        { "untyped", Root("x", new() { Description = "d" }), "type is missing" },
        { "nullable untyped", Root("x", new() { Description = "d", Nullable = true, XKubernetesPreserveUnknownFields = true }), "nullable without a type" },
        { "properties and additionalProperties", Root("x", new()
            {
                Type = "object", Description = "d",
                Properties = new Dictionary<string, V1JSONSchemaProps> { ["a"] = new() { Type = "string", Description = "d" } },
                AdditionalProperties = new V1JSONSchemaProps { Type = "string" },
            }), "mutually exclusive" },
        { "typed int-or-string", Root("x", new() { Description = "d", Type = "string", XKubernetesIntOrString = true }), "must not have a type" },
        { "array without items", Root("x", new() { Type = "array", Description = "d" }), "needs items" },
        { "no description", Root("x", new() { Type = "string" }), "description is missing" },
        { "invalid default", Root("x", new() { Type = "integer", Description = "d", Maximum = 3, DefaultProperty = 5 }), "default does not validate" },
        { "rule over unbounded string", Root("x", new()
            {
                Type = "string", Description = "d",
                XKubernetesValidations = [new V1ValidationRule { Rule = "self == oldSelf" }],
            }), "unbounded" },
        { "rule over unbounded list", Root("x", new()
            {
                Type = "array", Description = "d", Items = new V1JSONSchemaProps { Type = "integer" },
                XKubernetesValidations = [new V1ValidationRule { Rule = "self == oldSelf" }],
            }), "unbounded" },
        { "list-map key not required", Root("x", new()
            {
                Type = "array", Description = "d", XKubernetesListType = "map", XKubernetesListMapKeys = ["name"], MaxItems = 3,
                Items = new V1JSONSchemaProps { Type = "object", Properties = new Dictionary<string, V1JSONSchemaProps> { ["name"] = new() { Type = "string", Description = "d" } } },
            }), "must be required" },
        { "required but not a property", new V1JSONSchemaProps { Type = "object", Required = ["ghost"] }, "not a property" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Problems_ReportsEachViolation(string name, V1JSONSchemaProps schema, string expected)
    {
        var problems = StructuralSchema.Problems(schema);
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{name}: expected '{expected}' in [{string.Join("; ", problems)}]");
    }

    [Fact]
    public void Problems_AcceptsBoundedRuleAndIntOrString()
    {
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Properties = new Dictionary<string, V1JSONSchemaProps>
            {
                ["x"] = new() { Type = "string", Description = "d", MaxLength = 8, XKubernetesValidations = [new V1ValidationRule { Rule = "self == oldSelf" }] },
                ["q"] = new() { Description = "d", XKubernetesIntOrString = true, AnyOf = [new() { Type = "integer" }, new() { Type = "string" }] },
            },
        };
        Assert.Empty(StructuralSchema.Problems(schema));
    }
}
