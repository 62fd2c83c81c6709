using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace Detector.Operator.Validation;

/// <summary>
/// Validates a JSON value against the structural subset of OpenAPI v3 that CRDs use, as the API server does with
/// strict field validation: type, properties, required, additionalProperties, items, enum, minimum/maximum (and
/// exclusive), minLength/maxLength, pattern, minItems/maxItems, maxProperties, format date-time,
/// x-kubernetes-int-or-string and x-kubernetes-preserve-unknown-fields. Unknown fields are errors.
/// CEL rules are evaluated separately by <see cref="CelRules"/>.
/// </summary>
public static class SchemaValidator
{
    private static readonly ConcurrentDictionary<string, Regex> s_patterns = new();

    /// <summary>
    /// Validates <paramref name="value"/> against <paramref name="schema"/>. At the root of an object schema the
    /// contents of <c>metadata</c> are left alone (the API server validates ObjectMeta itself).
    /// </summary>
    /// <param name="value">The value; null (JSON null) is an error unless the schema is nullable.</param>
    /// <param name="schema">A structural schema, e.g. a CRD version's <c>schema.openAPIV3Schema</c>.</param>
    /// <param name="path">Field path of <paramref name="value"/>; empty for an object's root.</param>
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, V1JSONSchemaProps schema, string path = "")
    {
        var errors = new List<FieldError>();
        Check(value, schema, path, errors);
        return errors;
    }

    /// <summary>
    /// What the API server checks on create (<paramref name="oldObject"/> null) or update: the schema with strict
    /// field validation, then the CEL rules (<see cref="CelRules"/>). Apply <see cref="SchemaDefaults"/> first to
    /// mirror the server's defaulting.
    /// </summary>
    /// <param name="obj">The whole object.</param>
    /// <param name="oldObject">The stored object on update; null on create.</param>
    /// <param name="root">The CRD version's <c>openAPIV3Schema</c>.</param>
    public static IReadOnlyList<FieldError> ValidateObject(JsonNode obj, JsonNode? oldObject, V1JSONSchemaProps root)
    {
        var errors = new List<FieldError>(Validate(obj, root));
        if (errors.Count == 0) errors.AddRange(CelRules.Validate(obj, oldObject, root));
        return errors;
    }

    private static void Check(JsonNode? value, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        if (value is null)
        {
            if (schema.Nullable != true) errors.Add(new(path, "Invalid value: null: must not be null"));
            return;
        }
        if (schema.XKubernetesIntOrString == true)
        {
            if (value.GetValueKind() == JsonValueKind.String) CheckString(value, schema, path, errors);
            else if (!IsInteger(value)) errors.Add(new(path, $"Invalid value: {Show(value)}: must be an integer or a string"));
            return;
        }
        switch (schema.Type)
        {
            case "object": CheckObject(value, schema, path, errors); break;
            case "array": CheckArray(value, schema, path, errors); break;
            case "string": CheckString(value, schema, path, errors); break;
            case "integer":
                if (!IsInteger(value)) errors.Add(new(path, $"Invalid value: {Show(value)}: must be an integer"));
                else CheckNumber(Number(value), schema, path, errors);
                break;
            case "number":
                if (value.GetValueKind() != JsonValueKind.Number) errors.Add(new(path, $"Invalid value: {Show(value)}: must be a number"));
                else CheckNumber(Number(value), schema, path, errors);
                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    errors.Add(new(path, $"Invalid value: {Show(value)}: must be a boolean"));
                break;
            case null or "" when schema.XKubernetesPreserveUnknownFields == true: break;
            default: throw new NotSupportedException($"{path}: schema type '{schema.Type}' is not supported by the validator");
        }
    }

    private static void CheckObject(JsonNode value, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        if (value is not JsonObject obj)
        {
            errors.Add(new(path, $"Invalid value: {Show(value)}: must be an object"));
            return;
        }
        if (path == "metadata") return;
        if (schema.MaxProperties is { } maxProperties && obj.Count > maxProperties)
            errors.Add(new(path, $"Too many: {obj.Count}: must have at most {maxProperties} items"));
        if (schema.MinProperties is { } minProperties && obj.Count < minProperties)
            errors.Add(new(path, $"Too few: {obj.Count}: must have at least {minProperties} items"));
        // An empty required string is reported as missing: typed specs serialise an unset string as "".
        var missing = (schema.Required ?? []).Where(name => obj[name] is null || IsEmptyString(obj[name]!)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in schema.Required ?? [])
            if (missing.Contains(name)) errors.Add(new(FieldPath.Child(path, name), "Required value"));

        var additional = SchemaNodes.AdditionalProperties(schema);
        foreach (var (name, child) in obj)
        {
            if (schema.Properties?.TryGetValue(name, out var propertySchema) == true)
            {
                // A JSON null is "unset": a required field was reported above, an optional one is fine.
                if (child is null || missing.Contains(name)) continue;
                Check(child, propertySchema, FieldPath.Child(path, name), errors);
            }
            else if (additional is not null) Check(child, additional, FieldPath.Key(path, name), errors);
            else if (schema.XKubernetesPreserveUnknownFields != true) errors.Add(new(FieldPath.Child(path, name), "unknown field"));
        }
    }

    private static void CheckArray(JsonNode value, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        if (value is not JsonArray array)
        {
            errors.Add(new(path, $"Invalid value: {Show(value)}: must be an array"));
            return;
        }
        if (schema.MaxItems is { } maxItems && array.Count > maxItems)
            errors.Add(new(path, $"Too many: {array.Count}: must have at most {maxItems} items"));
        if (schema.MinItems is { } minItems && array.Count < minItems)
            errors.Add(new(path, $"Too few: {array.Count}: must have at least {minItems} items"));
        var items = SchemaNodes.Items(schema);
        if (items is null) return;
        for (var i = 0; i < array.Count; i++) Check(array[i], items, FieldPath.Index(path, i), errors);
    }

    private static void CheckString(JsonNode value, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new(path, $"Invalid value: {Show(value)}: must be a string"));
            return;
        }
        var text = value.GetValue<string>();
        var length = text.EnumerateRunes().Count();
        if (schema.EnumProperty is { Count: > 0 } allowed && !allowed.Any(a => string.Equals(a?.ToString(), text, StringComparison.Ordinal)))
        {
            var list = string.Join(", ", allowed.Select(a => $"\"{a}\""));
            errors.Add(new(path, $"Unsupported value: \"{text}\": supported values: {list}"));
            return;
        }
        if (schema.MaxLength is { } maxLength && length > maxLength)
            errors.Add(new(path, $"Too long: may not be more than {maxLength} characters"));
        if (schema.MinLength is { } minLength && length < minLength)
            errors.Add(new(path, $"Invalid value: \"{text}\": must be at least {minLength} characters"));
        if (schema.Pattern is { Length: > 0 } pattern && !Pattern(pattern).IsMatch(text))
            errors.Add(new(path, $"Invalid value: \"{text}\": must match '{pattern}'"));
        if (schema.Format == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
            errors.Add(new(path, $"Invalid value: \"{text}\": must be an RFC 3339 date-time"));
    }

    private static void CheckNumber(double number, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        var shown = number.ToString(CultureInfo.InvariantCulture);
        if (schema.Minimum is { } min)
        {
            if (schema.ExclusiveMinimum == true && number <= min)
                errors.Add(new(path, $"Invalid value: {shown}: must be greater than {Format(min)}"));
            else if (number < min)
                errors.Add(new(path, $"Invalid value: {shown}: must be greater than or equal to {Format(min)}"));
        }
        if (schema.Maximum is { } max)
        {
            if (schema.ExclusiveMaximum == true && number >= max)
                errors.Add(new(path, $"Invalid value: {shown}: must be less than {Format(max)}"));
            else if (number > max)
                errors.Add(new(path, $"Invalid value: {shown}: must be less than or equal to {Format(max)}"));
        }
    }

    private static bool IsEmptyString(JsonNode value) => value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0;

    private static bool IsInteger(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number && Number(value) is var d && Math.Floor(d) == d && !double.IsInfinity(d);

    // JsonValue.GetValue<double> refuses a value created from a long; the JSON text is the common ground.
    private static double Number(JsonNode value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static Regex Pattern(string pattern) =>
        s_patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    private static string Format(double bound) => bound.ToString(CultureInfo.InvariantCulture);

    private static string Show(JsonNode value)
    {
        var json = value.ToJsonString();
        return json.Length <= 60 ? json : json[..57] + "...";
    }
}

/// <summary>
/// Reads the loosely typed members of <see cref="V1JSONSchemaProps"/> (<c>items</c>, <c>additionalProperties</c>),
/// which hold a schema object, a bool, or after YAML/JSON loading a dictionary or JsonElement.
/// </summary>
public static class SchemaNodes
{
    /// <summary>The item schema of an array schema, or null when it has none.</summary>
    public static V1JSONSchemaProps? Items(V1JSONSchemaProps schema) => AsSchema(schema.Items);

    /// <summary>The value schema of a map schema (<c>additionalProperties</c>), or null when it is absent or false.</summary>
    public static V1JSONSchemaProps? AdditionalProperties(V1JSONSchemaProps schema) => schema.AdditionalProperties switch
    {
        true => new V1JSONSchemaProps { XKubernetesPreserveUnknownFields = true },
        var other => AsSchema(other),
    };

    private static V1JSONSchemaProps? AsSchema(object? node) => node switch
    {
        null or bool => null,
        V1JSONSchemaProps schema => schema,
        JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } => null,
        _ => KubernetesJson.Deserialize<V1JSONSchemaProps>(KubernetesJson.Serialize(node)),
    };
}
