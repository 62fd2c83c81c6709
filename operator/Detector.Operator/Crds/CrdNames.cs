using System.Text.RegularExpressions;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// The API server's rules for the names of a CRD: <c>metadata.name</c> is <c>plural.group</c>, the group is a DNS
/// subdomain with a dot, plural/singular/shortNames/categories are DNS-1035 labels, kind and listKind are DNS-1035
/// labels up to case and differ (apiextensions <c>ValidateCustomResourceDefinitionNames</c>); and the naming
/// controller's rule that CRDs of one group claim distinct resource names and kinds (<c>NamesAccepted</c>).
/// </summary>
public static partial class CrdNames
{
    private const string Dns1035Format = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = @"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

    /// <summary>The messages of <c>IsDNS1035Label</c> (empty when <paramref name="value"/> is a DNS-1035 label).</summary>
    public static IReadOnlyList<string> Dns1035LabelErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63) errors.Add("must be no more than 63 characters");
        if (!Dns1035().IsMatch(value))
            errors.Add("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, " +
                $"and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '{Dns1035Format}')");
        return errors;
    }

    /// <summary>The messages of <c>IsDNS1123Subdomain</c> (empty when <paramref name="value"/> is a DNS subdomain).</summary>
    public static IReadOnlyList<string> Dns1123SubdomainErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253) errors.Add("must be no more than 253 characters");
        if (!Dns1123Subdomain().IsMatch(value))
            errors.Add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end " +
                $"with an alphanumeric character (e.g. 'example.com', regex used for validation is '{Dns1123SubdomainFormat}')");
        return errors;
    }

    /// <summary>metadata.name, spec.group and spec.names, with the server's paths and messages.</summary>
    public static IReadOnlyList<FieldError> Validate(V1CustomResourceDefinition crd)
    {
        var errors = new List<FieldError>();
        var spec = crd.Spec ?? new V1CustomResourceDefinitionSpec();
        var names = spec.Names ?? new V1CustomResourceDefinitionNames();
        var name = crd.Metadata?.Name ?? "";
        if (name.Length == 0) errors.Add(ApiErrors.Required("metadata.name", "name or generateName is required"));
        else
        {
            var problems = Dns1123SubdomainErrors(name).ToList();
            if (name != $"{names.Plural}.{spec.Group}") problems.Add("must be spec.names.plural+\".\"+spec.group");
            errors.AddRange(problems.Select(p => ApiErrors.Invalid("metadata.name", name, p)));
        }
        if (string.IsNullOrEmpty(spec.Group)) errors.Add(ApiErrors.Required("spec.group"));
        else if (Dns1123SubdomainErrors(spec.Group) is { Count: > 0 } groupErrors) errors.Add(ApiErrors.Invalid("spec.group", spec.Group, string.Join(",", groupErrors)));
        else if (!spec.Group.Contains('.', StringComparison.Ordinal)) errors.Add(ApiErrors.Invalid("spec.group", spec.Group, "should be a domain with at least one dot"));

        if (string.IsNullOrEmpty(names.Plural)) errors.Add(ApiErrors.Required("spec.names.plural"));
        if (string.IsNullOrEmpty(names.Singular)) errors.Add(ApiErrors.Required("spec.names.singular"));
        if (string.IsNullOrEmpty(names.Kind)) errors.Add(ApiErrors.Required("spec.names.kind"));
        if (string.IsNullOrEmpty(names.ListKind)) errors.Add(ApiErrors.Required("spec.names.listKind"));
        Label(errors, "spec.names.plural", names.Plural);
        Label(errors, "spec.names.singular", names.Singular);
        MixedCaseLabel(errors, "spec.names.kind", names.Kind);
        MixedCaseLabel(errors, "spec.names.listKind", names.ListKind);
        var shortNames = names.ShortNames ?? [];
        for (var i = 0; i < shortNames.Count; i++)
            if (Dns1035LabelErrors(shortNames[i]) is { Count: > 0 } e) errors.Add(ApiErrors.Invalid($"spec.names.shortNames[{i}]", shortNames[i], string.Join(",", e)));
        if (!string.IsNullOrEmpty(names.Kind) && names.Kind == names.ListKind)
            errors.Add(ApiErrors.Invalid("spec.names.listKind", names.ListKind, "kind and listKind may not be the same"));
        var categories = names.Categories ?? [];
        for (var i = 0; i < categories.Count; i++)
            if (Dns1035LabelErrors(categories[i]) is { Count: > 0 } e) errors.Add(ApiErrors.Invalid($"spec.names.categories[{i}]", categories[i], string.Join(",", e)));
        return errors;
    }

    /// <summary>
    /// What the naming controller says about <paramref name="crds"/> installed in this order: for each CRD whose
    /// plural, singular or a short name is already a resource name, or whose kind or listKind is already a kind, of an
    /// earlier CRD of the same group, its <c>NamesAccepted=False</c> reason and message (e.g. <c>ShortNamesConflict</c>,
    /// <c>"ds" is already in use</c>). Such a CRD is stored but never served.
    /// </summary>
    public static IReadOnlyList<(string Crd, string Reason, string Message)> Conflicts(IEnumerable<V1CustomResourceDefinition> crds)
    {
        var conflicts = new List<(string, string, string)>();
        var resources = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var crd in crds)
        {
            var group = crd.Spec?.Group ?? "";
            var usedResources = resources.TryGetValue(group, out var r) ? r : resources[group] = new(StringComparer.Ordinal);
            var usedKinds = kinds.TryGetValue(group, out var k) ? k : kinds[group] = new(StringComparer.Ordinal);
            var names = crd.Spec?.Names ?? new V1CustomResourceDefinitionNames();
            var shortNames = names.ShortNames ?? [];
            // The controller keeps the last conflict it finds, checking in this order.
            (string Reason, string Message)? last = null;
            if (usedResources.Contains(names.Plural)) last = ("PluralConflict", InUse(names.Plural));
            if (usedResources.Contains(names.Singular)) last = ("SingularConflict", InUse(names.Singular));
            var taken = shortNames.Where(usedResources.Contains).Select(InUse).ToList();
            if (taken.Count > 0) last = ("ShortNamesConflict", taken.Count == 1 ? taken[0] : "[" + string.Join(", ", taken) + "]");
            if (usedKinds.Contains(names.Kind)) last = ("KindConflict", InUse(names.Kind));
            if (usedKinds.Contains(names.ListKind)) last = ("ListKindConflict", InUse(names.ListKind));
            if (last is { } conflict)
            {
                conflicts.Add((crd.Metadata.Name, conflict.Reason, conflict.Message));
                continue;
            }
            usedResources.UnionWith([names.Plural, names.Singular, .. shortNames]);
            usedKinds.UnionWith([names.Kind, names.ListKind]);
        }
        return conflicts;
    }

    private static string InUse(string name) => $"{ApiErrors.Quote(name)} is already in use";

    private static void Label(List<FieldError> errors, string path, string? value)
    {
        if (!string.IsNullOrEmpty(value) && Dns1035LabelErrors(value) is { Count: > 0 } e) errors.Add(ApiErrors.Invalid(path, value, string.Join(",", e)));
    }

    private static void MixedCaseLabel(List<FieldError> errors, string path, string? value)
    {
        if (!string.IsNullOrEmpty(value) && Dns1035LabelErrors(value.ToLowerInvariant()) is { Count: > 0 } e)
            errors.Add(ApiErrors.Invalid(path, value, "may have mixed case, but should otherwise match: " + string.Join(",", e)));
    }

    [GeneratedRegex("^" + Dns1035Format + @"\z")]
    private static partial Regex Dns1035();

    [GeneratedRegex("^" + Dns1123SubdomainFormat + @"\z")]
    private static partial Regex Dns1123Subdomain();
}
