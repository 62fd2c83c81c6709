using System.Text.Json;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// The structural-schema invariants of apiextensions (<c>pkg/apiserver/schema/validation.go</c>,
/// <c>ValidateStructural</c>): every specified field and item is typed, arrays have items, no additionalProperties at
/// a resource root, the root is an object, <c>metadata</c> at the root may only restrict name/generateName (and
/// <c>metadata</c>/<c>apiVersion</c>/<c>kind</c> of embedded resources are typed right), embedded resources are
/// objects, int-or-string excludes preserve-unknown-fields and embedded-resource, and inside anyOf/allOf/oneOf/not
/// nothing structural (type, description, default, nullable, additionalProperties, x-kubernetes-*, metadata) appears,
/// and what the root's junctors restrict is also specified structurally (completeness).
/// Messages are sorted, as the server sorts them.
/// </summary>
public static class StructuralRules
{
    private enum Level { Root, Item, Field }

    /// <summary>Structural errors of <paramref name="root"/>, located below <paramref name="path"/> (…<c>.openAPIV3Schema</c>).</summary>
    public static IReadOnlyList<FieldError> Validate(V1JSONSchemaProps root, string path)
    {
        var errors = new List<FieldError>();
        Invariants(root, Level.Root, path, errors);
        Completeness(root, root, path, path, errors);
        return [.. errors.OrderBy(e => e.ToString(), StringComparer.Ordinal)];
    }

    private static void Invariants(V1JSONSchemaProps s, Level level, string path, List<FieldError> errors)
    {
        var items = SchemaNodes.Items(s);
        if (s.Type == "array" && items is null) errors.Add(ApiErrors.Required(path + ".items", "must be specified"));
        if (items is not null) Invariants(items, Level.Item, path + ".items", errors);
        foreach (var (name, child) in s.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
            Invariants(child, Level.Field, $"{path}.properties[{name}]", errors);
        if (s.AdditionalProperties is not null)
        {
            if (level == Level.Root) errors.Add(ApiErrors.Forbidden(path + ".additionalProperties", "must not be used at the root"));
            if (SchemaObject(s.AdditionalProperties) is { } values) Invariants(values, Level.Field, path + ".additionalProperties", errors);
        }
        var intOrString = s.XKubernetesIntOrString == true;
        var embedded = s.XKubernetesEmbeddedResource == true;
        var preserve = s.XKubernetesPreserveUnknownFields == true;
        if (intOrString && preserve)
            errors.Add(ApiErrors.Invalid(path + ".x-kubernetes-preserve-unknown-fields", true, "must be false if x-kubernetes-int-or-string is true"));
        if (intOrString && embedded)
            errors.Add(ApiErrors.Invalid(path + ".x-kubernetes-embedded-resource", true, "must be false if x-kubernetes-int-or-string is true"));

        ValueValidation(s, IsIntOrStringAnyOf(s), IsIntOrStringAllOf(s), path, errors);

        if (embedded && s.Type != "object")
        {
            errors.Add(string.IsNullOrEmpty(s.Type)
                ? ApiErrors.Required(path + ".type", "must be object if x-kubernetes-embedded-resource is true")
                : ApiErrors.Invalid(path + ".type", s.Type, "must be object if x-kubernetes-embedded-resource is true"));
        }
        else if (string.IsNullOrEmpty(s.Type) && !intOrString && !preserve)
        {
            errors.Add(ApiErrors.Required(path + ".type", level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            }));
        }
        if (embedded && s.AdditionalProperties is not null)
            errors.Add(ApiErrors.Forbidden(path + ".additionalProperties", "must not be used if x-kubernetes-embedded-resource is set"));
        if (level == Level.Root && !string.IsNullOrEmpty(s.Type) && s.Type != "object")
            errors.Add(ApiErrors.Invalid(path + ".type", s.Type, "must be object at the root"));

        var checkMetadata = level == Level.Root || embedded;
        foreach (var typeMeta in new[] { "kind", "apiVersion" })
            if (checkMetadata && s.Properties?.TryGetValue(typeMeta, out var field) == true && field.Type != "string")
                errors.Add(ApiErrors.Invalid($"{path}.properties[{typeMeta}].type", field.Type ?? "", "must be string"));
        if (s.Properties?.TryGetValue("metadata", out var metadata) == true)
            MetadataInvariants(metadata, checkMetadata, level, $"{path}.properties[metadata]", errors);
        if (embedded && !preserve && s.Properties is not { Count: > 0 })
            errors.Add(ApiErrors.Required(path + ".properties", "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
    }

    private static void MetadataInvariants(V1JSONSchemaProps s, bool checkMetadata, Level level, string path, List<FieldError> errors)
    {
        if (checkMetadata && s.Type != "object") errors.Add(ApiErrors.Invalid(path + ".type", s.Type ?? "", "must be object"));
        if (level == Level.Root && SpecifiesMoreThanNames(s))
            errors.Add(ApiErrors.Forbidden(path, "must not specify anything other than name and generateName, but metadata is implicitly specified"));
    }

    // The server clears type and default, drops properties that are exactly name and/or generateName, and then
    // requires nothing else to be left (description and title included).
    private static bool SpecifiesMoreThanNames(V1JSONSchemaProps s)
    {
        var properties = s.Properties?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var onlyNames = properties.Count > 0 && properties.IsSubsetOf(["name", "generateName"]);
        return (properties.Count > 0 && !onlyNames)
            || !string.IsNullOrEmpty(s.Description) || !string.IsNullOrEmpty(s.Title) || s.Nullable == true
            || s.Items is not null || s.AdditionalProperties is not null
            || s.XKubernetesPreserveUnknownFields == true || s.XKubernetesEmbeddedResource == true || s.XKubernetesIntOrString == true
            || s.XKubernetesListMapKeys is { Count: > 0 } || s.XKubernetesListType is not null || s.XKubernetesMapType is not null
            || s.XKubernetesValidations is { Count: > 0 } || HasValueValidation(s);
    }

    /// <summary>True when the node carries any value validation (format, bounds, pattern, enum, required, junctors).</summary>
    public static bool HasValueValidation(V1JSONSchemaProps s) =>
        !string.IsNullOrEmpty(s.Format) || s.Maximum is not null || s.ExclusiveMaximum == true || s.Minimum is not null || s.ExclusiveMinimum == true
        || s.MaxLength is not null || s.MinLength is not null || !string.IsNullOrEmpty(s.Pattern) || s.MaxItems is not null || s.MinItems is not null
        || s.UniqueItems == true || s.MultipleOf is not null || s.EnumProperty is { Count: > 0 } || s.MaxProperties is not null
        || s.MinProperties is not null || s.Required is { Count: > 0 } || s.AllOf is { Count: > 0 } || s.AnyOf is { Count: > 0 }
        || s.OneOf is { Count: > 0 } || s.Not is not null;

    private static void ValueValidation(V1JSONSchemaProps v, bool skipAnyOf, bool skipFirstAllOfAnyOf, string path, List<FieldError> errors)
    {
        if (!skipAnyOf)
            for (var i = 0; i < (v.AnyOf?.Count ?? 0); i++) Nested(v.AnyOf![i], false, $"{path}.anyOf[{i}]", errors);
        for (var i = 0; i < (v.AllOf?.Count ?? 0); i++) Nested(v.AllOf![i], skipFirstAllOfAnyOf && i == 0, $"{path}.allOf[{i}]", errors);
        for (var i = 0; i < (v.OneOf?.Count ?? 0); i++) Nested(v.OneOf![i], false, $"{path}.oneOf[{i}]", errors);
        if (v.Not is not null) Nested(v.Not, false, path + ".not", errors);
        if (v.Pattern is { Length: > 0 } pattern && Patterns.CompileError(pattern) is { } error)
            errors.Add(ApiErrors.Invalid(path + ".pattern", pattern, $"must be a valid regular expression, but isn't: {error}"));
    }

    private static void Nested(V1JSONSchemaProps v, bool skipAnyOf, string path, List<FieldError> errors)
    {
        ValueValidation(v, skipAnyOf, false, path, errors);
        if (SchemaNodes.Items(v) is { } items) Nested(items, false, path + ".items", errors);
        foreach (var (name, child) in v.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
            Nested(child, false, $"{path}.properties[{name}]", errors);
        if (!string.IsNullOrEmpty(v.Type)) errors.Add(ApiErrors.Forbidden(path + ".type", "must be empty to be structural"));
        if (v.AdditionalProperties is not null) errors.Add(ApiErrors.Forbidden(path + ".additionalProperties", "must be undefined to be structural"));
        if (v.DefaultProperty is not null) errors.Add(ApiErrors.Forbidden(path + ".default", "must be undefined to be structural"));
        if (!string.IsNullOrEmpty(v.Title)) errors.Add(ApiErrors.Forbidden(path + ".title", "must be empty to be structural"));
        if (!string.IsNullOrEmpty(v.Description)) errors.Add(ApiErrors.Forbidden(path + ".description", "must be empty to be structural"));
        if (v.Nullable == true) errors.Add(ApiErrors.Forbidden(path + ".nullable", "must be false to be structural"));
        if (v.ExternalDocs is not null) errors.Add(ApiErrors.Forbidden(path + ".externalDocs", "must be undefined to be structural"));
        if (v.XKubernetesPreserveUnknownFields == true) errors.Add(ApiErrors.Forbidden(path + ".x-kubernetes-preserve-unknown-fields", "must be false to be structural"));
        if (v.XKubernetesEmbeddedResource == true) errors.Add(ApiErrors.Forbidden(path + ".x-kubernetes-embedded-resource", "must be false to be structural"));
        if (v.XKubernetesIntOrString == true) errors.Add(ApiErrors.Forbidden(path + ".x-kubernetes-int-or-string", "must be false to be structural"));
        if (v.XKubernetesListMapKeys is { Count: > 0 }) errors.Add(ApiErrors.Forbidden(path + ".x-kubernetes-list-map-keys", "must be empty to be structural"));
        if (v.XKubernetesListType is not null) errors.Add(ApiErrors.Forbidden(path + ".x-kubernetes-list-type", "must be undefined to be structural"));
        if (v.XKubernetesMapType is not null) errors.Add(ApiErrors.Forbidden(path + ".x-kubernetes-map-type", "must be undefined to be structural"));
        if (v.XKubernetesValidations is { Count: > 0 }) errors.Add(ApiErrors.Forbidden(path + ".x-kubernetes-validations", "must be empty to be structural"));
        if (v.Properties?.ContainsKey("metadata") == true)
            errors.Add(ApiErrors.Forbidden($"{path}.properties[metadata]", "must not be specified in a nested context"));
    }

    // validateStructuralCompleteness: what the root's junctors restrict must exist in the structural part too.
    private static void Completeness(V1JSONSchemaProps v, V1JSONSchemaProps? s, string sPath, string vPath, List<FieldError> errors)
    {
        if (s is null)
        {
            errors.Add(ApiErrors.Required(sPath, $"because it is defined in {vPath}"));
            return;
        }
        if (v.Not is not null) NestedCompleteness(v.Not, s, sPath, vPath + ".not", errors);
        for (var i = 0; i < (v.AllOf?.Count ?? 0); i++) NestedCompleteness(v.AllOf![i], s, sPath, $"{vPath}.allOf[{i}]", errors);
        for (var i = 0; i < (v.AnyOf?.Count ?? 0); i++) NestedCompleteness(v.AnyOf![i], s, sPath, $"{vPath}.anyOf[{i}]", errors);
        for (var i = 0; i < (v.OneOf?.Count ?? 0); i++) NestedCompleteness(v.OneOf![i], s, sPath, $"{vPath}.oneOf[{i}]", errors);
    }

    private static void NestedCompleteness(V1JSONSchemaProps v, V1JSONSchemaProps s, string sPath, string vPath, List<FieldError> errors)
    {
        Completeness(v, s, sPath, vPath, errors);
        if (SchemaNodes.Items(v) is { } items)
        {
            if (SchemaNodes.Items(s) is { } structuralItems) NestedCompleteness(items, structuralItems, sPath + ".items", vPath + ".items", errors);
            else errors.Add(ApiErrors.Required(sPath + ".items", $"because it is defined in {vPath}.items"));
        }
        foreach (var (name, property) in v.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            if (s.Properties?.TryGetValue(name, out var structural) == true)
                NestedCompleteness(property, structural, $"{sPath}.properties[{name}]", $"{vPath}.properties[{name}]", errors);
            else errors.Add(ApiErrors.Required($"{sPath}.properties[{name}]", $"because it is defined in {vPath}.properties[{name}]"));
        }
    }

    // anyOf: [{type: integer}, {type: string}] exactly: the one shape of anyOf that may carry a type.
    private static bool IsIntOrStringAnyOf(V1JSONSchemaProps s) => s.AnyOf is { Count: 2 } anyOf && IsIntOrStringPair(anyOf);

    private static bool IsIntOrStringAllOf(V1JSONSchemaProps s) => s.AllOf is { Count: >= 1 } allOf && allOf[0].AnyOf is { Count: 2 } anyOf && IsIntOrStringPair(anyOf);

    private static bool IsIntOrStringPair(IList<V1JSONSchemaProps> anyOf) =>
        OnlyType(anyOf[0], "integer") && OnlyType(anyOf[1], "string");

    private static bool OnlyType(V1JSONSchemaProps s, string type) =>
        s.Type == type && k8s.KubernetesJson.Serialize(s) == k8s.KubernetesJson.Serialize(new V1JSONSchemaProps { Type = type });

    /// <summary>The schema behind a loosely typed <c>additionalProperties</c>/<c>items</c> (null for a bool).</summary>
    public static V1JSONSchemaProps? SchemaObject(object? node) =>
        node is bool or JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } ? null : SchemaNodes.Items(new V1JSONSchemaProps { Items = node });
}
