using static Detector.Operator.Tests.Crds.CrdYaml;

namespace Detector.Operator.Tests.Crds;

/// <summary>
/// Each row: a schema a real kube-apiserver rejects, and the errors it answers (in its order). The messages follow
/// apiextensions' validation.go, schema/validation.go and defaulting/validation.go (see docs/crds.md).
/// </summary>
public class SchemaRuleTests
{
    public static TheoryData<string, string, string[]> Rejected => new()
    {
        { "root metadata with a description (the generator's old output)", """
            type: object
            properties:
              metadata: {type: object, description: Standard object metadata.}
            """, [$"{Root}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"] },
        { "root metadata restricting labels", """
            type: object
            properties:
              metadata:
                type: object
                properties:
                  labels: {type: object, additionalProperties: {type: string}}
            """, [$"{Root}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"] },
        { "root metadata not an object", """
            type: object
            properties:
              metadata: {type: string}
            """, [$"{Root}.properties[metadata].type: Invalid value: \"string\": must be object"] },
        { "default in top-level metadata", """
            type: object
            properties:
              metadata: {type: object, default: {}}
            """, [$"{Root}.properties[metadata].default: Forbidden: must not be set in top-level metadata"] },
        { "embedded resource whose metadata is not an object", """
            type: object
            properties:
              template:
                type: object
                x-kubernetes-embedded-resource: true
                properties:
                  metadata: {type: string}
            """, [$"{Root}.properties[template].properties[metadata].type: Invalid value: \"string\": must be object"] },
        { "embedded resource without properties", """
            type: object
            properties:
              template: {type: object, x-kubernetes-embedded-resource: true}
            """, [$"{Root}.properties[template].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"] },
        { "embedded resource that is a string", """
            type: object
            properties:
              template: {type: string, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
            """, [$"{Root}.properties[template].type: Invalid value: \"string\": must be object if x-kubernetes-embedded-resource is true"] },
        { "nullable inside anyOf", """
            type: object
            properties:
              x:
                x-kubernetes-int-or-string: true
                anyOf: [{type: integer}, {type: string, nullable: true}]
            """, [
                $"{Root}.properties[x].anyOf[0].type: Forbidden: must be empty to be structural",
                $"{Root}.properties[x].anyOf[1].nullable: Forbidden: must be false to be structural",
                $"{Root}.properties[x].anyOf[1].type: Forbidden: must be empty to be structural"] },
        { "metadata in a nested context", """
            type: object
            properties:
              x:
                type: object
                properties: {metadata: {type: object}}
                anyOf: [{properties: {metadata: {}}}]
            """, [$"{Root}.properties[x].anyOf[0].properties[metadata]: Forbidden: must not be specified in a nested context"] },
        { "root anyOf naming a field the schema does not specify", """
            type: object
            properties:
              spec: {type: object}
            anyOf: [{required: [spec]}, {properties: {legacy: {}}}]
            """, [$"{Root}: Invalid value: {{...}}: only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled",
                $"{Root}.properties[legacy]: Required value: because it is defined in {Root}.anyOf[1].properties[legacy]"] },
        { "properties beside an additionalProperties schema", """
            type: object
            properties:
              x: {type: object, properties: {a: {type: string}}, additionalProperties: {type: string}}
            """, [$"{Root}.properties[x].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive"] },
        { "properties beside additionalProperties false", """
            type: object
            properties:
              x: {type: object, properties: {a: {type: string}}, additionalProperties: false}
            """, [$"{Root}.properties[x].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive"] },
        { "untyped field", """
            type: object
            properties:
              x: {description: anything}
            """, [$"{Root}.properties[x].type: Required value: must not be empty for specified object fields"] },
        { "untyped array items", """
            type: object
            properties:
              x: {type: array, items: {description: anything}}
            """, [$"{Root}.properties[x].items.type: Required value: must not be empty for specified array items"] },
        { "array without items", """
            type: object
            properties:
              x: {type: array}
            """, [$"{Root}.properties[x].items: Required value: must be specified"] },
        { "type that is not an OpenAPI type", """
            type: object
            properties:
              x: {type: int}
            """, [$"{Root}.properties[x].type: Unsupported value: \"int\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\""] },
        { "uniqueItems", """
            type: object
            properties:
              x: {type: array, items: {type: string}, uniqueItems: true}
            """, [$"{Root}.properties[x].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic"] },
        { "pattern Go cannot compile", """
            type: object
            properties:
              x: {type: string, pattern: '^(?!tmp-).*$'}
            """, [$"{Root}.properties[x].pattern: Invalid value: \"^(?!tmp-).*$\": must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: `(?!`"] },
        { "default with an unknown field", """
            type: object
            properties:
              x: {type: object, properties: {a: {type: string}}, default: {a: one, b: two}}
            """, [$"{Root}.properties[x].default: Invalid value: map[string]interface {{}}{{\"a\":\"one\", \"b\":\"two\"}}: must not have unknown fields"] },
    };

    public static TheoryData<string, string, string[]> RejectedWithoutStatus => new()
    {
        { "nullable root", """
            type: object
            nullable: true
            """, [$"{Root}.nullable: Forbidden: nullable cannot be true at the root"] },
        { "additionalProperties at the root", """
            type: object
            additionalProperties: {type: string}
            """, [$"{Root}.additionalProperties: Forbidden: must not be used at the root"] },
        { "root that is not an object", """
            type: array
            items: {type: string}
            """, [$"{Root}.type: Invalid value: \"array\": must be object at the root"] },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Validate_SchemaTheServerRejects_ReportsTheServersErrors(string name, string schema, string[] expected) =>
        Assert.True(expected.SequenceEqual(Errors(WithSchema(schema))), $"{name}:\n{string.Join("\n", Errors(WithSchema(schema)))}");

    [Theory]
    [MemberData(nameof(RejectedWithoutStatus))]
    public void Validate_RootTheServerRejects_ReportsTheServersErrors(string name, string schema, string[] expected) =>
        Assert.True(expected.SequenceEqual(Errors(WithSchema(schema, statusSubresource: false))), $"{name}:\n{string.Join("\n", Errors(WithSchema(schema, statusSubresource: false)))}");

    [Theory]
    [InlineData("""
        type: object
        properties:
          metadata:
            type: object
            properties:
              name: {type: string, maxLength: 63}
        """)]
    [InlineData("""
        type: object
        properties:
          x:
            type: array
            maxItems: 16
            x-kubernetes-list-type: map
            x-kubernetes-list-map-keys: [name]
            items:
              type: object
              required: [name]
              properties:
                name: {type: string, maxLength: 64}
                value: {type: string, maxLength: 64, x-kubernetes-validations: [{rule: self == oldSelf}]}
        """)]
    [InlineData("""
        type: object
        properties:
          q:
            x-kubernetes-int-or-string: true
            anyOf: [{type: integer}, {type: string}]
          labels: {type: object, additionalProperties: {type: string}, maxProperties: 8}
          open: {type: object, x-kubernetes-preserve-unknown-fields: true}
          withDefault: {type: object, properties: {a: {type: string, default: x}}, default: {}}
        """)]
    public void Validate_SchemaTheServerAccepts_ReportsNothing(string schema) => Assert.Empty(Errors(WithSchema(schema)));

    [Fact]
    public void Validate_StatusSubresource_AllowsOnlyCertainRootFields()
    {
        var error = Assert.Single(Errors(WithSchema("type: object\nmaxProperties: 5")));
        Assert.StartsWith($"{Root}: Invalid value: ", error, StringComparison.Ordinal);
        Assert.EndsWith("fields are allowed at the root of the schema if the status subresource is enabled", error, StringComparison.Ordinal);
    }
}
