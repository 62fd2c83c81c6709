using Detector.Operator.Crds;
using k8s.Models;
using static Detector.Operator.Tests.Crds.CrdYaml;

namespace Detector.Operator.Tests.Crds;

public class CelCostTests
{
    [Theory]
    [InlineData(25_000_000UL, "estimated rule cost exceeds budget by factor of 2.5x")]
    [InlineData(12_000_000UL, "estimated rule cost exceeds budget by factor of 1.200000x")]
    [InlineData(2_000_000_000UL, "estimated rule cost exceeds budget by factor of more than 100x")]
    public void ExceedsMessage_FormatsTheFactorAsTheServerDoes(ulong cost, string expected) =>
        Assert.StartsWith(expected + " (try simplifying the rule", CelCost.ExceedsMessage("estimated rule cost", cost, CelCost.RuleLimit), StringComparison.Ordinal);

    [Fact]
    public void ChildCardinality_MultipliesBoundsAndLosesThemBelowAnUnboundedList()
    {
        var bounded = new V1JSONSchemaProps { Type = "array", MaxItems = 10 };
        var unbounded = new V1JSONSchemaProps { Type = "array" };
        var map = new V1JSONSchemaProps { Type = "object", AdditionalProperties = new V1JSONSchemaProps { Type = "string" }, MaxProperties = 4 };
        Assert.Equal(40UL, CelCost.ChildCardinality(map, CelCost.ChildCardinality(bounded, 1)));
        Assert.Null(CelCost.ChildCardinality(bounded, CelCost.ChildCardinality(unbounded, 1)));
        Assert.Equal(1UL, CelCost.ChildCardinality(new V1JSONSchemaProps { Type = "object" }, 1));
    }

    [Fact]
    public void Estimate_UnboundedString_IsChargedForAWholeRequest_ButFitsTheBudgetOnce()
    {
        var text = new V1JSONSchemaProps { Type = "string" };
        var once = CelCost.Estimate("self == oldSelf", text, 1);
        Assert.InRange(once, 300_000UL, CelCost.RuleLimit);
        Assert.True(CelCost.Estimate("self == oldSelf", text, null) > 100 * CelCost.RuleLimit);
        Assert.True(CelCost.Estimate("self == oldSelf", new V1JSONSchemaProps { Type = "string", MaxLength = 64 }, 16) < 1_000);
    }

    [Fact]
    public void Validate_ManyBoundedButLargeRules_ExceedTheCrdTotal()
    {
        // 16 × 10,000 items of a 2,048-character string: each rule is within its own budget, together they are not.
        var fields = string.Join("\n", Enumerable.Range(0, 16).Select(i =>
            $"  f{i}: {{type: array, maxItems: 10000, x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [k], items: {{type: object, required: [k], properties: {{k: {{type: string, maxLength: 2048, x-kubernetes-validations: [{{rule: self == oldSelf}}]}}}}}}}}"));
        var errors = Errors(WithSchema("type: object\nproperties:\n" + fields));
        Assert.DoesNotContain(errors, e => e.Contains("estimated rule cost exceeds", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
        Assert.Equal($"{Root}: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of 1.315200x " +
            "(try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)", errors[^1]);
        Assert.All(errors.Take(4), e => Assert.EndsWith("Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("self.size() < 3", "not a form this checker can compile")]
    [InlineData("!has(oldSelf.ghost) || (has(self.ghost) && self.ghost == oldSelf.ghost)", "undefined field 'ghost'")]
    public void Validate_RuleTheCheckerCannotCompile_IsRejected(string rule, string expected)
    {
        var error = Assert.Single(Errors(WithSchema($"type: object\nproperties:\n  x: {{type: object, properties: {{a: {{type: string, maxLength: 4}}}}, x-kubernetes-validations: [{{rule: '{rule}'}}]}}")));
        Assert.StartsWith($"{Root}.properties[x].x-kubernetes-validations[0].rule: Invalid value: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
