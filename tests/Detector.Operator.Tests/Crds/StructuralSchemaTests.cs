using Detector.Operator.Crds;
using k8s.Models;

namespace Detector.Operator.Tests.Crds;

/// <summary>
/// <see cref="StructuralSchema.Problems"/> = the server's rules (tested row by row in <see cref="SchemaRuleTests"/>)
/// plus the project's conventions, tested here.
/// </summary>
public class StructuralSchemaTests
{
    private static V1JSONSchemaProps Root(string name, V1JSONSchemaProps child) => new()
    {
        Type = "object",
        Properties = new Dictionary<string, V1JSONSchemaProps> { [name] = child },
    };

    public static TheoryData<string, V1JSONSchemaProps, string> Broken => new()
    {
        { "server rule: untyped", Root("x", new() { Description = "d" }),
            "spec.validation.openAPIV3Schema.properties[x].type: Required value: must not be empty for specified object fields" },
        { "server rule: invalid default", Root("x", new() { Type = "integer", Description = "d", Maximum = 3, DefaultProperty = 5L }),
            "spec.validation.openAPIV3Schema.properties[x].default: Invalid value: 5: must be less than or equal to 3" },
        { "convention: typed int-or-string", Root("x", new() { Description = "d", Type = "string", XKubernetesIntOrString = true }),
            "convention: openAPIV3Schema.properties.x: x-kubernetes-int-or-string must not have a type" },
        { "convention: no description", Root("x", new() { Type = "string" }), "convention: openAPIV3Schema.properties.x: description is missing" },
        { "convention: rule over unbounded string", Root("x", new()
            {
                Type = "string", Description = "d",
                XKubernetesValidations = [new V1ValidationRule { Rule = "self == oldSelf" }],
            }), "convention: openAPIV3Schema.properties.x: rule 'self == oldSelf' touches unbounded openAPIV3Schema.properties.x" },
        { "convention: rule over unbounded list", Root("x", new()
            {
                Type = "array", Description = "d", Items = new V1JSONSchemaProps { Type = "integer" },
                XKubernetesValidations = [new V1ValidationRule { Rule = "self == oldSelf" }],
            }), "convention: openAPIV3Schema.properties.x: rule 'self == oldSelf' touches unbounded openAPIV3Schema.properties.x" },
        { "convention: required but not a property", new V1JSONSchemaProps { Type = "object", Required = ["ghost"] },
            "convention: openAPIV3Schema: required field ghost is not a property" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Problems_ReportsEachViolation(string name, V1JSONSchemaProps schema, string expected)
    {
        var problems = StructuralSchema.Problems(schema);
        Assert.True(problems.Contains(expected), $"{name}: expected '{expected}' in [{string.Join("; ", problems)}]");
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

    [Fact]
    public void Problems_UnboundedRuleTheServerAccepts_IsOnlyAConvention()
    {
        var schema = Root("x", new() { Type = "string", Description = "d", XKubernetesValidations = [new V1ValidationRule { Rule = "self == oldSelf" }] });
        Assert.Empty(CrdValidation.Schema(schema, statusEnabled: true, "spec.validation"));
        Assert.All(StructuralSchema.Problems(schema), p => Assert.StartsWith("convention: ", p, StringComparison.Ordinal));
    }
}
