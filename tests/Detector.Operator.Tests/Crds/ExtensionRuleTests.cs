using static Detector.Operator.Tests.Crds.CrdYaml;

namespace Detector.Operator.Tests.Crds;

/// <summary>
/// Each row: a schema whose <c>x-kubernetes-*</c> extensions or CEL rules a real kube-apiserver rejects, and the
/// errors it answers (in its order), from apiextensions' validation.go and schema/validation.go (see docs/crds.md).
/// </summary>
public class ExtensionRuleTests
{
    private const string Cost = "exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";

    public static TheoryData<string, string, string[]> Rejected => new()
    {
        { "preserve-unknown-fields false", """
            type: object
            properties:
              x: {type: object, x-kubernetes-preserve-unknown-fields: false}
            """, [$"{Root}.properties[x].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined"] },
        { "int-or-string that preserves unknown fields", """
            type: object
            properties:
              x: {x-kubernetes-int-or-string: true, x-kubernetes-preserve-unknown-fields: true}
            """, [$"{Root}.properties[x].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true"] },
        { "map-type on an array", """
            type: object
            properties:
              x: {type: array, items: {type: string}, x-kubernetes-map-type: atomic}
            """, [$"{Root}.properties[x].type: Invalid value: \"array\": must be object if x-kubernetes-map-type is specified"] },
        { "unknown map-type", """
            type: object
            properties:
              x: {type: object, x-kubernetes-map-type: merge}
            """, [$"{Root}.properties[x].x-kubernetes-map-type: Unsupported value: \"merge\": supported values: \"atomic\", \"granular\""] },
        { "list-type on an object", """
            type: object
            properties:
              x: {type: object, x-kubernetes-list-type: atomic}
            """, [$"{Root}.properties[x].type: Invalid value: \"object\": must be array if x-kubernetes-list-type is specified"] },
        { "unknown list-type", """
            type: object
            properties:
              x: {type: array, items: {type: string}, x-kubernetes-list-type: bag}
            """, [$"{Root}.properties[x].x-kubernetes-list-type: Unsupported value: \"bag\": supported values: \"atomic\", \"set\", \"map\""] },
        { "list-map keys without list-type map", """
            type: object
            properties:
              x:
                type: array
                x-kubernetes-list-map-keys: [name]
                items: {type: object, required: [name], properties: {name: {type: string}}}
            """, [$"{Root}.properties[x].x-kubernetes-list-type: Required value: must be map if x-kubernetes-list-map-keys is non-empty"] },
        { "list-map key neither required nor defaulted", """
            type: object
            properties:
              x:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items: {type: object, properties: {name: {type: string}}}
            """, [$"{Root}.properties[x].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"] },
        { "list-map key that is not a property", """
            type: object
            properties:
              x:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [id]
                items: {type: object, properties: {name: {type: string}}}
            """, [$"{Root}.properties[x].x-kubernetes-list-map-keys: Invalid value: []string{{\"id\"}}: entries must all be names of item properties"] },
        { "set of granular objects", """
            type: object
            properties:
              x:
                type: array
                x-kubernetes-list-type: set
                items: {type: object, properties: {a: {type: string}}}
            """, [$"{Root}.properties[x].items.x-kubernetes-map-type: Invalid value: null: must be atomic as item of a list with x-kubernetes-list-type=set"] },
        { "nullable items of a map list", """
            type: object
            properties:
              x:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items: {type: object, nullable: true, required: [name], properties: {name: {type: string}}}
            """, [$"{Root}.properties[x].items.nullable: Forbidden: cannot be nullable when x-kubernetes-list-type is map"] },
        { "rule without text", """
            type: object
            properties:
              x: {type: string, maxLength: 5, x-kubernetes-validations: [{rule: ' '}]}
            """, [$"{Root}.properties[x].x-kubernetes-validations[0].rule: Required value: rule is not specified"] },
        { "rule message on two lines", """
            type: object
            properties:
              x: {type: string, maxLength: 5, x-kubernetes-validations: [{rule: self == oldSelf, message: "is\nimmutable"}]}
            """, [$"{Root}.properties[x].x-kubernetes-validations[0].message: Invalid value: \"is\\nimmutable\": message must not contain line breaks"] },
        { "rule reason that is not a field error type", """
            type: object
            properties:
              x: {type: string, maxLength: 5, x-kubernetes-validations: [{rule: self == oldSelf, reason: Immutable}]}
            """, [$"{Root}.properties[x].x-kubernetes-validations[0].reason: Unsupported value: \"Immutable\": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\""] },
        { "oldSelf on the items of an atomic list", """
            type: object
            properties:
              x:
                type: array
                maxItems: 4
                items: {type: string, maxLength: 8, x-kubernetes-validations: [{rule: self == oldSelf}]}
            """, [$"{Root}.properties[x].items.x-kubernetes-validations[0].rule: Invalid value: \"self == oldSelf\": oldSelf cannot be used on the uncorrelatable portion of the schema within {Root}.properties[x]"] },
        { "CEL rule on an unbounded string in an unbounded list", """
            type: object
            properties:
              x:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    value: {type: string, x-kubernetes-validations: [{rule: self == oldSelf}]}
            """, [
                $"{Root}.properties[x].items.properties[value].x-kubernetes-validations[0].rule: Forbidden: estimated rule cost {Cost}",
                $"{Root}.properties[x].items.properties[value].x-kubernetes-validations[0].rule: Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema",
                $"{Root}: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema {Cost}"] },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Validate_ExtensionTheServerRejects_ReportsTheServersErrors(string name, string schema, string[] expected) =>
        Assert.True(expected.SequenceEqual(Errors(WithSchema(schema))), $"{name}:\n{string.Join("\n", Errors(WithSchema(schema)))}");
}
