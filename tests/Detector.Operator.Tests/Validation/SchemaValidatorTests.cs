using System.Text.Json.Nodes;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Tests.Validation;

public class SchemaValidatorTests
{
    private static readonly V1JSONSchemaProps s_schema = new()
    {
        Type = "object",
        Required = ["name"],
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["name"] = new() { Type = "string", MinLength = 2, MaxLength = 5, Pattern = "^[a-z]+$" },
            ["mode"] = new() { Type = "string", EnumProperty = ["A", "B"] },
            ["count"] = new() { Type = "integer", Minimum = 1, Maximum = 10 },
            ["rate"] = new() { Type = "number", Minimum = 0, ExclusiveMinimum = true, Maximum = 1, ExclusiveMaximum = true },
            ["flag"] = new() { Type = "boolean" },
            ["when"] = new() { Type = "string", Format = "date-time" },
            ["list"] = new() { Type = "array", MinItems = 1, MaxItems = 2, Items = new V1JSONSchemaProps { Type = "string", MaxLength = 3 } },
            ["tags"] = new() { Type = "object", MaxProperties = 2, AdditionalProperties = new V1JSONSchemaProps { Type = "string", MaxLength = 3 } },
            ["qty"] = new() { XKubernetesIntOrString = true, Pattern = "^[0-9]+(Mi|Gi)?$" },
            ["free"] = new() { Type = "object", XKubernetesPreserveUnknownFields = true },
            ["inner"] = new()
            {
                Type = "object",
                Properties = new Dictionary<string, V1JSONSchemaProps> { ["x"] = new() { Type = "integer" } },
            },
        },
    };

    [Theory]
    [InlineData("""{"name":"ab"}""")]
    [InlineData("""{"name":"abcde","mode":"B","count":10,"rate":0.5,"flag":false,"when":"2026-01-02T03:04:05Z"}""")]
    [InlineData("""{"name":"ab","list":["a","bcd"],"tags":{"k":"v"},"qty":5}""")]
    [InlineData("""{"name":"ab","qty":"512Mi","free":{"anything":{"goes":[1]}},"inner":{"x":3}}""")]
    [InlineData("""{"name":"ab","count":null,"count2":null}""", "count2")]
    [InlineData("""{"name":"ab","count":3.0}""")]
    public void Validate_Table(string json, string? expectedField = null)
    {
        var errors = SchemaValidator.Validate(JsonNode.Parse(json), s_schema);
        if (expectedField is null) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Field == expectedField);
    }

    [Theory]
    [InlineData("""{}""", "name", "Required value")]
    [InlineData("""{"name":"a"}""", "name", "at least 2")]
    [InlineData("""{"name":"abcdef"}""", "name", "Too long")]
    [InlineData("""{"name":"AB"}""", "name", "must match")]
    [InlineData("""{"name":"ab","mode":"C"}""", "mode", "Unsupported value: \"C\"")]
    [InlineData("""{"name":"ab","count":0}""", "count", "greater than or equal to 1")]
    [InlineData("""{"name":"ab","count":11}""", "count", "less than or equal to 10")]
    [InlineData("""{"name":"ab","count":1.5}""", "count", "must be an integer")]
    [InlineData("""{"name":"ab","count":"3"}""", "count", "must be an integer")]
    [InlineData("""{"name":"ab","rate":0}""", "rate", "must be greater than 0")]
    [InlineData("""{"name":"ab","rate":1}""", "rate", "must be less than 1")]
    [InlineData("""{"name":"ab","flag":"true"}""", "flag", "must be a boolean")]
    [InlineData("""{"name":"ab","when":"yesterday"}""", "when", "date-time")]
    [InlineData("""{"name":"ab","list":[]}""", "list", "Too few")]
    [InlineData("""{"name":"ab","list":["a","b","c"]}""", "list", "Too many")]
    [InlineData("""{"name":"ab","list":["abcd"]}""", "list[0]", "Too long")]
    [InlineData("""{"name":"ab","list":"a"}""", "list", "must be an array")]
    [InlineData("""{"name":"ab","tags":{"a":"1","b":"2","c":"3"}}""", "tags", "Too many")]
    [InlineData("""{"name":"ab","tags":{"a":"1234"}}""", "tags[a]", "Too long")]
    [InlineData("""{"name":"ab","qty":true}""", "qty", "integer or a string")]
    [InlineData("""{"name":"ab","qty":"5Xi"}""", "qty", "must match")]
    [InlineData("""{"name":"ab","bogus":1}""", "bogus", "unknown field")]
    [InlineData("""{"name":"ab","inner":{"y":1}}""", "inner.y", "unknown field")]
    [InlineData("""{"name":"ab","inner":[]}""", "inner", "must be an object")]
    [InlineData("""{"name":null}""", "name", "Required value")]
    public void Validate_BrokenValue_NamesTheField(string json, string field, string message)
    {
        var errors = SchemaValidator.Validate(JsonNode.Parse(json), s_schema);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithPath_PrefixesFields()
    {
        var errors = SchemaValidator.Validate(JsonNode.Parse("""{"name":"ab","inner":{"x":"no"}}"""), s_schema, "spec");
        Assert.Equal("spec.inner.x", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_RootMetadata_IsLeftToTheApiServer()
    {
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Properties = new Dictionary<string, V1JSONSchemaProps> { ["metadata"] = new() { Type = "object" } },
        };
        Assert.Empty(SchemaValidator.Validate(JsonNode.Parse("""{"metadata":{"name":"x","labels":{"a":"b"}}}"""), schema));
    }
}
