using Detector.Operator.Validation;
using k8s;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// What a kube-apiserver (1.33) checks when an <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition is created
/// (apiextensions <c>ValidateCustomResourceDefinition</c>), with the server's field paths and messages. Like the
/// server, it validates the internal form: per-version schemas, subresources and printer columns that are identical
/// across versions (always so with one version) are checked at <c>spec.validation</c>, <c>spec.subresources</c> and
/// <c>spec.additionalPrinterColumns</c>, which is why a v1 CRD's schema errors read <c>spec.validation.openAPIV3Schema…</c>.
/// Not reproduced: selectableFields, webhook URL/CA details, and the parts of CEL compilation beyond the rule forms
/// of <see cref="CelRules"/> (see <see cref="RuleChecks"/>).
/// </summary>
public static class CrdValidation
{
    /// <summary>The qualified kind the server names in a 422: <c>CustomResourceDefinition.apiextensions.k8s.io</c>.</summary>
    public const string QualifiedKind = "CustomResourceDefinition.apiextensions.k8s.io";

    private static readonly (string Name, Func<V1JSONSchemaProps, bool> IsSet, bool Allowed)[] s_rootFields =
    [
        ("ID", s => !string.IsNullOrEmpty(s.Id), false), ("Schema", s => !string.IsNullOrEmpty(s.Schema), false),
        ("Ref", s => !string.IsNullOrEmpty(s.RefProperty), false), ("Description", s => !string.IsNullOrEmpty(s.Description), true),
        ("Type", s => !string.IsNullOrEmpty(s.Type), true), ("Format", s => !string.IsNullOrEmpty(s.Format), true),
        ("Title", s => !string.IsNullOrEmpty(s.Title), true), ("Default", s => s.DefaultProperty is not null, false),
        ("Maximum", s => s.Maximum is not null, true), ("ExclusiveMaximum", s => s.ExclusiveMaximum == true, true),
        ("Minimum", s => s.Minimum is not null, true), ("ExclusiveMinimum", s => s.ExclusiveMinimum == true, true),
        ("MaxLength", s => s.MaxLength is not null, true), ("MinLength", s => s.MinLength is not null, true),
        ("Pattern", s => !string.IsNullOrEmpty(s.Pattern), true), ("MaxItems", s => s.MaxItems is not null, true),
        ("MinItems", s => s.MinItems is not null, true), ("UniqueItems", s => s.UniqueItems == true, true),
        ("MultipleOf", s => s.MultipleOf is not null, true), ("Enum", s => s.EnumProperty is { Count: > 0 }, false),
        ("MaxProperties", s => s.MaxProperties is not null, false), ("MinProperties", s => s.MinProperties is not null, false),
        ("Required", s => s.Required is { Count: > 0 }, true), ("Items", s => s.Items is not null, true),
        ("AllOf", s => s.AllOf is { Count: > 0 }, false), ("OneOf", s => s.OneOf is { Count: > 0 }, false),
        ("AnyOf", s => s.AnyOf is { Count: > 0 }, false), ("Not", s => s.Not is not null, false),
        ("Properties", s => s.Properties is { Count: > 0 }, true), ("AdditionalProperties", s => s.AdditionalProperties is not null, false),
        ("PatternProperties", s => s.PatternProperties is { Count: > 0 }, false), ("Dependencies", s => s.Dependencies is { Count: > 0 }, false),
        ("AdditionalItems", s => s.AdditionalItems is not null, false), ("Definitions", s => s.Definitions is { Count: > 0 }, false),
        ("ExternalDocs", s => s.ExternalDocs is not null, true), ("Example", s => s.Example is not null, true),
        ("Nullable", s => s.Nullable == true, false), ("XPreserveUnknownFields", s => s.XKubernetesPreserveUnknownFields is not null, true),
        ("XEmbeddedResource", s => s.XKubernetesEmbeddedResource == true, false), ("XIntOrString", s => s.XKubernetesIntOrString == true, false),
        ("XListMapKeys", s => s.XKubernetesListMapKeys is { Count: > 0 }, false), ("XListType", s => s.XKubernetesListType is not null, false),
        ("XMapType", s => s.XKubernetesMapType is not null, false), ("XValidations", s => s.XKubernetesValidations is { Count: > 0 }, true),
    ];

    /// <summary>Every error the server reports for creating <paramref name="crd"/>; empty when it would be accepted.</summary>
    public static IReadOnlyList<FieldError> Validate(V1CustomResourceDefinition crd)
    {
        var spec = crd.Spec ?? new V1CustomResourceDefinitionSpec();
        var errors = new List<FieldError>();
        var names = CrdNames.Validate(crd);
        errors.AddRange(names.Where(e => e.Field.StartsWith("metadata.", StringComparison.Ordinal) || e.Field == "spec.group"));
        if (spec.Scope is not ("Cluster" or "Namespaced"))
            errors.Add(string.IsNullOrEmpty(spec.Scope) ? ApiErrors.Required("spec.scope") : ApiErrors.NotSupported("spec.scope", spec.Scope, ["Cluster", "Namespaced"]));

        var versions = spec.Versions ?? [];
        var schemaHoisted = AllSame(versions, v => v.Schema);
        var subresourcesHoisted = AllSame(versions, v => v.Subresources);
        var columnsHoisted = AllSame(versions, v => v.AdditionalPrinterColumns is { Count: > 0 } c ? c : null);
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var at = $"spec.versions[{i}]";
            if (version.Schema?.OpenAPIV3Schema is null)
                errors.Add(ApiErrors.Required(at + ".schema.openAPIV3Schema", "schemas are required"));
            if (CrdNames.Dns1035LabelErrors(version.Name ?? "") is { Count: > 0 } nameErrors)
                errors.Add(ApiErrors.Invalid(at + ".name", version.Name ?? "", string.Join(",", nameErrors)));
            errors.AddRange(VersionRules.Deprecation(version, at));
            var statusEnabled = version.Subresources?.Status is not null;
            if (!schemaHoisted) errors.AddRange(Schema(version.Schema?.OpenAPIV3Schema, statusEnabled, at + ".schema"));
            if (!subresourcesHoisted) errors.AddRange(VersionRules.Subresources(version.Subresources, at + ".subresources"));
            if (!columnsHoisted)
                for (var c = 0; c < (version.AdditionalPrinterColumns?.Count ?? 0); c++)
                    errors.AddRange(VersionRules.Column(version.AdditionalPrinterColumns![c], $"{at}.additionalPrinterColumns[{c}]"));
        }
        if (versions.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count() != versions.Count)
            errors.Add(ApiErrors.InvalidStruct("spec.versions", "must contain unique version names"));
        if (versions.Count(v => v.Storage) != 1)
            errors.Add(ApiErrors.InvalidStruct("spec.versions", "must have exactly one version marked as storage version"));
        errors.AddRange(names.Where(e => e.Field.StartsWith("spec.names", StringComparison.Ordinal)));
        if (versions.Count > 0)
        {
            var anyStatus = versions.Any(v => v.Subresources?.Status is not null);
            if (schemaHoisted) errors.AddRange(Schema(versions[0].Schema?.OpenAPIV3Schema, anyStatus, "spec.validation"));
            if (subresourcesHoisted) errors.AddRange(VersionRules.Subresources(versions[0].Subresources, "spec.subresources"));
            if (columnsHoisted)
                for (var c = 0; c < (versions[0].AdditionalPrinterColumns?.Count ?? 0); c++)
                    errors.AddRange(VersionRules.Column(versions[0].AdditionalPrinterColumns[c], $"spec.additionalPrinterColumns[{c}]"));
        }
        errors.AddRange(VersionRules.Conversion(spec.Conversion));
        if (spec.PreserveUnknownFields == true)
            errors.Add(ApiErrors.Invalid("spec.preserveUnknownFields", true, "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"));
        return errors;
    }

    /// <summary>The 422 message for <paramref name="crd"/> and its <paramref name="errors"/> (from <see cref="Validate"/>).</summary>
    public static string InvalidMessage(V1CustomResourceDefinition crd, IReadOnlyList<FieldError> errors) =>
        ApiErrors.InvalidMessage(QualifiedKind, crd.Metadata?.Name ?? "", errors);

    /// <summary>
    /// The errors of one schema at <paramref name="path"/> (<c>spec.validation</c> or <c>spec.versions[i].schema</c>):
    /// the status-subresource root rules, structural invariants, then defaults, then the per-node rules, then cost.
    /// </summary>
    public static IReadOnlyList<FieldError> Schema(V1JSONSchemaProps? root, bool statusEnabled, string path)
    {
        var errors = new List<FieldError>();
        if (root is null) return errors;
        var at = path + ".openAPIV3Schema";
        if (statusEnabled)
        {
            foreach (var (name, isSet, allowed) in s_rootFields)
            {
                if (!isSet(root)) continue;
                if (name == "Type")
                {
                    if (root.Type == "object") continue;
                    errors.Add(ApiErrors.Invalid(at + ".type", root.Type, "only \"object\" is allowed as the type at the root of the schema if the status subresource is enabled"));
                    break;
                }
                if (allowed) continue;
                var fields = string.Join(" ", s_rootFields.Where(f => f.Allowed).Select(f => f.Name));
                errors.Add(ApiErrors.InvalidStruct(at, $"only [{fields}] fields are allowed at the root of the schema if the status subresource is enabled"));
                break;
            }
        }
        if (root.Nullable == true) errors.Add(ApiErrors.Forbidden(at + ".nullable", "nullable cannot be true at the root"));
        CelCost.Total? cel = null;
        if (StructuralRules.Validate(root, at) is { Count: > 0 } structural) errors.AddRange(structural);
        else if (DefaultRules.Validate(root, at) is { Count: > 0 } defaults) errors.AddRange(defaults);
        else cel = new CelCost.Total();
        var perNode = new SchemaRules.Errors();
        SchemaRules.Validate(root, at, new SchemaRules.Context(null, false, null, 1), isRoot: true, cel, perNode);
        errors.AddRange(perNode.All);
        if (cel is { Sum: > CelCost.CrdLimit })
        {
            foreach (var (rule, _) in cel.MostExpensive)
                errors.Add(ApiErrors.Forbidden(rule, "contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema"));
            errors.Add(ApiErrors.Forbidden(at, CelCost.ExceedsMessage("x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema", cel.Sum, CelCost.CrdLimit)));
        }
        return errors;
    }

    private static bool AllSame<T>(IList<V1CustomResourceDefinitionVersion> versions, Func<V1CustomResourceDefinitionVersion, T?> part) =>
        versions.Count > 0 && versions.Select(v => part(v) is { } value ? KubernetesJson.Serialize(value) : "null").Distinct(StringComparer.Ordinal).Count() == 1;
}
