using System.Text.Json.Nodes;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Tests.Validation;

public class CelRulesTests
{
    private const string OneOf = "[has(self.s3), has(self.http), has(self.kaggle)].exists_one(x, x)";

    [Theory]
    [InlineData("self == oldSelf", """{"a":1}""", """{"a":1}""", true)]
    [InlineData("self == oldSelf", """{"a":1}""", """{"a":2}""", false)]
    [InlineData("self == oldSelf", "\"x\"", "\"x\"", true)]
    [InlineData(OneOf, """{"s3":{}}""", "null", true)]
    [InlineData(OneOf, """{"s3":{},"http":{}}""", "null", false)]
    [InlineData(OneOf, """{}""", "null", false)]
    [InlineData(OneOf, """{"kaggle":{},"s3":null}""", "null", true)]
    [InlineData("!has(oldSelf.mode) || (has(self.mode) && self.mode == oldSelf.mode)", """{"mode":"A"}""", """{"mode":"A"}""", true)]
    [InlineData("!has(oldSelf.mode) || (has(self.mode) && self.mode == oldSelf.mode)", """{"mode":"B"}""", """{"mode":"A"}""", false)]
    [InlineData("!has(oldSelf.mode) || (has(self.mode) && self.mode == oldSelf.mode)", """{}""", """{"mode":"A"}""", false)]
    [InlineData("!has(oldSelf.mode) || (has(self.mode) && self.mode == oldSelf.mode)", """{"mode":"B"}""", """{}""", true)]
    public void Evaluate_Table(string rule, string self, string oldSelf, bool expected) =>
        Assert.Equal(expected, CelRules.Evaluate(rule, JsonNode.Parse(self), JsonNode.Parse(oldSelf)));

    [Theory]
    [InlineData("self.size() > 0")]
    [InlineData("!has(oldSelf.a) || (has(self.b) && self.a == oldSelf.a)")]
    [InlineData("[has(self.a), self.b].exists_one(x, x)")]
    public void Evaluate_UnknownForm_Throws(string rule) =>
        Assert.Throws<NotSupportedException>(() => CelRules.Evaluate(rule, new JsonObject(), new JsonObject()));

    [Fact]
    public void Validate_TransitionRule_SkippedOnCreate_EnforcedOnUpdate()
    {
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Properties = new Dictionary<string, V1JSONSchemaProps>
            {
                ["source"] = new()
                {
                    Type = "object",
                    XKubernetesValidations = [new V1ValidationRule { Rule = "self == oldSelf", Message = "source is immutable" }],
                },
            },
        };
        var next = JsonNode.Parse("""{"source":{"a":"y"}}""");
        Assert.Empty(CelRules.Validate(next, null, schema));
        var error = Assert.Single(CelRules.Validate(next, JsonNode.Parse("""{"source":{"a":"x"}}"""), schema, "spec"));
        Assert.Equal(new FieldError("spec.source", "source is immutable"), error);
    }

    [Fact]
    public void Rules_BuildTheFormsTheEvaluatorReads()
    {
        Assert.True(CelRules.Evaluate(CelRules.Rules.ExactlyOneOf(["a", "b"]), JsonNode.Parse("""{"b":1}"""), null));
        Assert.False(CelRules.Evaluate(CelRules.Rules.OptionalImmutable("m"), JsonNode.Parse("""{"m":1}"""), JsonNode.Parse("""{"m":2}""")));
    }
}
