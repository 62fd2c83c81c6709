using System.Text.Json.Nodes;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// Validates a custom resource against its CRD schema with the operator's own validators (the structural
/// <see cref="SchemaValidator"/> and the <see cref="CelRules"/> evaluator), so the fake and <c>detector validate</c>
/// cannot disagree. Causes get the reason the real server would give them.
/// </summary>
public static class SchemaValidation
{
    /// <summary>Field errors of <paramref name="obj"/>; <paramref name="old"/> is the stored object for transition rules.</summary>
    public static IReadOnlyList<FieldCause> Validate(V1JSONSchemaProps schema, JsonObject obj, JsonObject? old) =>
        SchemaValidator.Validate(WithoutUndeclaredTypeMeta(obj, schema), schema)
            .Concat(CelRules.Validate(obj, old, schema))
            .Select(e => new FieldCause(e.Field, e.Message, Reason(e.Message)))
            .ToList();

    // apiVersion, kind and metadata are always allowed at the root, whether or not the schema declares them.
    private static JsonObject WithoutUndeclaredTypeMeta(JsonObject obj, V1JSONSchemaProps schema)
    {
        var copy = (JsonObject)obj.DeepClone();
        foreach (var key in new[] { "apiVersion", "kind", "metadata" })
            if (schema.Properties?.ContainsKey(key) != true)
                copy.Remove(key);
        return copy;
    }

    /// <summary>The cause type the real server reports for a message (FieldValueRequired, FieldValueNotSupported, …).</summary>
    public static string Reason(string message) => message switch
    {
        _ when message.StartsWith("Required value", StringComparison.Ordinal) => "FieldValueRequired",
        _ when message.StartsWith("Unsupported value", StringComparison.Ordinal) => "FieldValueNotSupported",
        _ when message.StartsWith("Too many", StringComparison.Ordinal) => "FieldValueTooMany",
        _ when message.StartsWith("Too long", StringComparison.Ordinal) => "FieldValueTooLong",
        _ when message.StartsWith("Forbidden", StringComparison.Ordinal) => "FieldValueForbidden",
        _ when message.StartsWith("unknown field", StringComparison.Ordinal) => "FieldValueInvalid",
        _ => "FieldValueInvalid",
    };
}
