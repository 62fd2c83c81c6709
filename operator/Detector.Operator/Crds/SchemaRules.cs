using System.Collections;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// The per-node schema rules of apiextensions <c>ValidateCustomResourceDefinitionOpenAPISchema</c>: OpenAPI types
/// only, no unsupported keywords (id, $ref, definitions, ...), no uniqueItems, properties and additionalProperties
/// exclusive, defaults nowhere in top-level metadata/apiVersion/kind, <c>x-kubernetes-*</c> where they apply
/// (preserve-unknown-fields true or absent, map-type on objects, list-type on arrays, list-map keys required,
/// scalar, not nullable, set items atomic, embedded-resource outside resource meta), and the
/// <c>x-kubernetes-validations</c> checks (<see cref="RuleChecks"/>). Children first, then the node's rules.
/// </summary>
public static class SchemaRules
{
    private static readonly string[] s_openApiTypes = ["array", "boolean", "integer", "number", "object", "string"];
    private static readonly HashSet<string> s_metaFields = new(["metadata", "kind", "apiVersion"], StringComparer.Ordinal);

    /// <summary>Where a node sits: what the server's <c>specStandardValidator</c> carries down the recursion.</summary>
    /// <param name="DefaultsForbiddenReason">Null when defaults are allowed; else why not ("in top-level metadata").</param>
    /// <param name="InsideResourceMeta">Below metadata/apiVersion/kind of the root or of an embedded resource.</param>
    /// <param name="UncorrelatablePath">The nearest ancestor below which old and new values cannot be paired, or null.</param>
    /// <param name="Cardinality">How often the node can occur per object (product of ancestors' maxItems/maxProperties); null when unbounded.</param>
    public sealed record Context(string? DefaultsForbiddenReason, bool InsideResourceMeta, string? UncorrelatablePath, ulong? Cardinality);

    /// <summary>Schema errors and CEL errors of a schema tree, as two lists (the server keeps them apart).</summary>
    public sealed class Errors
    {
        /// <summary>Schema errors.</summary>
        public List<FieldError> Schema { get; } = [];

        /// <summary>Errors of x-kubernetes-validations rules (compilation, cost, oldSelf placement).</summary>
        public List<FieldError> Cel { get; } = [];

        /// <summary>Schema errors, then CEL errors.</summary>
        public IEnumerable<FieldError> All => Schema.Concat(Cel);
    }

    /// <summary>Validates the tree at <paramref name="node"/>; <paramref name="cel"/> is null when CEL rules are not compiled (structural errors).</summary>
    public static void Validate(V1JSONSchemaProps node, string path, Context context, bool isRoot, CelCost.Total? cel, Errors errors)
    {
        var own = new Errors();
        Keywords(node, path, context, own.Schema);
        if (node.UniqueItems == true) own.Schema.Add(ApiErrors.Forbidden(path + ".uniqueItems", "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        if (node.AdditionalProperties is { } additional)
        {
            var values = StructuralRules.SchemaObject(additional);
            var allows = additional is not (false or System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.False });
            if (node.Properties is { Count: > 0 } && (!allows || values is not null))
                own.Schema.Add(ApiErrors.Forbidden(path + ".additionalProperties", "additionalProperties and properties are mutual exclusive"));
            if (values is not null)
            {
                var child = context.InsideResourceMeta ? context with { DefaultsForbiddenReason = "inside additionalProperties applying to object metadata" } : context;
                Validate(values, path + ".additionalProperties", child with { Cardinality = CelCost.ChildCardinality(node, context.Cardinality) }, false, cel, own);
            }
        }
        foreach (var (name, property) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            var child = context with { Cardinality = CelCost.ChildCardinality(node, context.Cardinality) };
            if (node.XKubernetesMapType == "atomic") child = child with { UncorrelatablePath = child.UncorrelatablePath ?? path };
            if ((isRoot || node.XKubernetesEmbeddedResource == true) && s_metaFields.Contains(name))
            {
                child = child with { InsideResourceMeta = true };
                if (isRoot) child = child with { DefaultsForbiddenReason = $"in top-level {name}" };
            }
            Validate(property, $"{path}.properties[{name}]", child, false, cel, own);
        }
        if (node.Not is not null) Validate(node.Not, path + ".not", context, false, null, own);
        Junctor(node.AllOf, path + ".allOf", context, own);
        Junctor(node.OneOf, path + ".oneOf", context, own);
        Junctor(node.AnyOf, path + ".anyOf", context, own);
        if (node.Items is IList list and not IDictionary)
            own.Schema.Add(ApiErrors.Forbidden(path + ".items", "items must be a schema object and not an array"));
        else if (SchemaNodes.Items(node) is { } items)
        {
            var child = context with { Cardinality = CelCost.ChildCardinality(node, context.Cardinality) };
            if (node.XKubernetesListType != "map") child = child with { UncorrelatablePath = child.UncorrelatablePath ?? path };
            Validate(items, path + ".items", child, false, cel, own);
        }
        Extensions(node, path, own.Schema);
        ListMapRules.Validate(node, path, own.Schema);
        RuleChecks.Validate(node, path, context, cel, own);
        errors.Schema.AddRange(own.Schema);
        errors.Cel.AddRange(own.Cel);
    }

    private static void Junctor(IList<V1JSONSchemaProps>? schemas, string path, Context context, Errors errors)
    {
        for (var i = 0; i < (schemas?.Count ?? 0); i++) Validate(schemas![i], $"{path}[{i}]", context, false, null, errors);
    }

    // specStandardValidatorV3.validate: keywords a CRD schema may not use at all.
    private static void Keywords(V1JSONSchemaProps s, string path, Context context, List<FieldError> errors)
    {
        if (!string.IsNullOrEmpty(s.Type) && !s_openApiTypes.Contains(s.Type, StringComparer.Ordinal))
            errors.Add(ApiErrors.NotSupported(path + ".type", s.Type, s_openApiTypes));
        if (s.DefaultProperty is not null && context.DefaultsForbiddenReason is { } reason)
            errors.Add(ApiErrors.Forbidden(path + ".default", "must not be set " + reason));
        if (!string.IsNullOrEmpty(s.Id)) errors.Add(ApiErrors.Forbidden(path + ".id", "id is not supported"));
        if (s.AdditionalItems is not null) errors.Add(ApiErrors.Forbidden(path + ".additionalItems", "additionalItems is not supported"));
        if (s.PatternProperties is { Count: > 0 }) errors.Add(ApiErrors.Forbidden(path + ".patternProperties", "patternProperties is not supported"));
        if (s.Definitions is { Count: > 0 }) errors.Add(ApiErrors.Forbidden(path + ".definitions", "definitions is not supported"));
        if (s.Dependencies is not null) errors.Add(ApiErrors.Forbidden(path + ".dependencies", "dependencies is not supported"));
        if (!string.IsNullOrEmpty(s.RefProperty)) errors.Add(ApiErrors.Forbidden(path + ".$ref", "$ref is not supported"));
        if (s.Type == "null") errors.Add(ApiErrors.Forbidden(path + ".type", "type cannot be set to null, use nullable as an alternative"));
        if (context.InsideResourceMeta && s.XKubernetesEmbeddedResource == true)
            errors.Add(ApiErrors.Forbidden(path + ".x-kubernetes-embedded-resource", "must not be used inside of resource meta"));
    }

    private static void Extensions(V1JSONSchemaProps s, string path, List<FieldError> errors)
    {
        if (s.XKubernetesPreserveUnknownFields == false)
            errors.Add(ApiErrors.Invalid(path + ".x-kubernetes-preserve-unknown-fields", false, "must be true or undefined"));
        if (s.XKubernetesMapType is { } mapType)
        {
            if (s.Type != "object")
                errors.Add(string.IsNullOrEmpty(s.Type)
                    ? ApiErrors.Required(path + ".type", "must be object if x-kubernetes-map-type is specified")
                    : ApiErrors.Invalid(path + ".type", s.Type, "must be object if x-kubernetes-map-type is specified"));
            if (mapType is not ("atomic" or "granular"))
                errors.Add(ApiErrors.NotSupported(path + ".x-kubernetes-map-type", mapType, ["atomic", "granular"]));
        }
    }
}
