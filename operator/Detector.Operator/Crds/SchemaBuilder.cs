using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using Detector.Operator.Api;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// Turns an API type into a structural OpenAPI v3 schema by reflection: JSON names from [JsonPropertyName],
/// descriptions from the XML docs, constraints from the attributes in <see cref="Api"/>, defaults from the C#
/// initializers (spec only), CEL rules for immutability and exactly-one-of. Without docs (no detector.xml, e.g. a
/// trimmed image) the schema has no descriptions but the same validation; generating the checked-in CRDs requires docs.
/// </summary>
public sealed class SchemaBuilder(XmlDocs? docs)
{
    /// <summary>The documentation the descriptions come from, if any.</summary>
    public XmlDocs? Docs => docs;

    /// <summary>The schema of a record type.</summary>
    /// <param name="type">The record, e.g. <c>TrainingRunSpec</c>.</param>
    /// <param name="withDefaults">Emit <c>default</c> from C# initializers (true for spec, false for status).</param>
    /// <param name="description">Description of the field that holds it; the type's summary when null.</param>
    public V1JSONSchemaProps ForObject(Type type, bool withDefaults, string? description = null)
    {
        var instance = withDefaults ? Activator.CreateInstance(type) : null;
        var properties = new Dictionary<string, V1JSONSchemaProps>();
        var required = new List<string>();
        var rules = new List<V1ValidationRule>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no [JsonPropertyName]");
            var doc = docs is null ? null : docs.Of(property) ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no /// summary");
            var schema = ForProperty(property, doc, withDefaults);
            var isRequired = property.IsDefined(typeof(RequiredAttribute));
            if (isRequired) required.Add(name);
            else if (instance is not null && !property.IsDefined(typeof(NoDefaultAttribute)) && DefaultOf(property.GetValue(instance)) is { } value)
                schema.DefaultProperty = value;
            if (property.IsDefined(typeof(ImmutableAttribute)))
            {
                var message = $"{name} is immutable";
                if (isRequired) (schema.XKubernetesValidations ??= []).Add(new V1ValidationRule { Rule = CelRules.Rules.Immutable, Message = message });
                else rules.Add(new V1ValidationRule { Rule = CelRules.Rules.OptionalImmutable(name), Message = message });
            }
            properties.Add(name, schema);
        }
        if (type.GetCustomAttribute<ExactlyOneOfAttribute>() is { } oneOf)
        {
            foreach (var field in oneOf.Fields)
                if (!properties.ContainsKey(field)) throw new InvalidOperationException($"{type.Name}: [ExactlyOneOf] names unknown field {field}");
            rules.Add(new V1ValidationRule
            {
                Rule = CelRules.Rules.ExactlyOneOf(oneOf.Fields),
                Message = "exactly one of " + string.Join(", ", oneOf.Fields) + " must be set",
            });
        }
        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = description ?? (docs is null ? null : docs.Of(type) ?? throw new InvalidOperationException($"{type.Name} has no /// summary")),
            Properties = KnownSchemas.Sorted(properties),
            Required = required.Count > 0 ? [.. required.Order(StringComparer.Ordinal)] : null,
            XKubernetesValidations = rules.Count > 0 ? rules : null,
        };
    }

    private V1JSONSchemaProps ForProperty(PropertyInfo property, string? doc, bool withDefaults)
    {
        var type = property.PropertyType;
        if (type == typeof(IReadOnlyList<V1Condition>)) return KnownSchemas.Conditions(doc);
        if (type == typeof(V1ResourceRequirements)) return KnownSchemas.ResourceRequirements(doc);
        var schema = ForType(type, property, withDefaults, doc);
        schema.Description = doc;
        Constrain(schema, property);
        return schema;
    }

    private V1JSONSchemaProps ForType(Type type, PropertyInfo property, bool withDefaults, string? doc)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new() { Type = "string" };
        if (type == typeof(bool)) return new() { Type = "boolean" };
        if (type == typeof(int)) return new() { Type = "integer", Format = "int32" };
        if (type == typeof(long)) return new() { Type = "integer", Format = "int64" };
        if (type == typeof(double)) return new() { Type = "number", Format = "double" };
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return new() { Type = "string", Format = "date-time" };
        if (MapValueType(type) is { } valueType)
            return new() { Type = "object", AdditionalProperties = ForType(valueType, property, withDefaults, doc) };
        if (ListItemType(type) is { } itemType)
            return new() { Type = "array", Items = ForType(itemType, property, withDefaults, doc) };
        if (type.IsClass && type.Namespace?.StartsWith("Detector.Operator.Api", StringComparison.Ordinal) == true)
            return ForObject(type, withDefaults, doc);
        throw new NotSupportedException($"{property.DeclaringType?.Name}.{property.Name}: no schema mapping for {type}");
    }

    // Constraints apply to the node that holds the value: the string itself, a list's items or a map's values.
    private static void Constrain(V1JSONSchemaProps schema, PropertyInfo property)
    {
        var leaf = schema;
        while (leaf.Type is "array" or "object" && (SchemaNodes.Items(leaf) ?? SchemaNodes.AdditionalProperties(leaf)) is { } inner && inner.Type != "object")
            leaf = inner;
        foreach (var attribute in property.GetCustomAttributes())
        {
            switch (attribute)
            {
                case MinimumAttribute min: leaf.Minimum = min.Value; leaf.ExclusiveMinimum = min.Exclusive ? true : null; break;
                case MaximumAttribute max: leaf.Maximum = max.Value; leaf.ExclusiveMaximum = max.Exclusive ? true : null; break;
                case PatternAttribute pattern: leaf.Pattern = pattern.Regex; break;
                case LengthAttribute length:
                    leaf.MinLength = length.Min > 0 ? length.Min : null;
                    leaf.MaxLength = length.Max;
                    break;
                case EnumAttribute values: leaf.EnumProperty = [.. values.Values]; break;
                case ItemsAttribute items:
                    schema.MinItems = items.Min > 0 ? items.Min : null;
                    schema.MaxItems = items.Max;
                    break;
                case MaxPropertiesAttribute maxProperties: schema.MaxProperties = maxProperties.Max; break;
            }
        }
        // The CEL cost estimator bounds a string by maxLength, not by its enum: give enums an explicit bound.
        if (leaf.EnumProperty is { Count: > 0 } allowed && leaf.MaxLength is null)
            leaf.MaxLength = allowed.Max(v => v?.ToString()?.Length ?? 0);
    }

    private static object? DefaultOf(object? value) => value switch
    {
        null => null,
        string { Length: 0 } => null,
        string or bool or int or long or double => value,
        IEnumerable => null,
        _ when value.GetType().IsClass => new Dictionary<string, object>(),
        _ => null,
    };

    private static Type? MapValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>))
        && type.GetGenericArguments()[0] == typeof(string) ? type.GetGenericArguments()[1] : null;

    private static Type? ListItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyList<>) || d == typeof(IList<>) || d == typeof(List<>))
            ? type.GetGenericArguments()[0] : null;
}
