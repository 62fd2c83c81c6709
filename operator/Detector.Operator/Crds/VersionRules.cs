using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// The API server's rules for the parts of a CRD version beside its schema: printer columns (a name, a type of
/// integer|number|string|boolean|date, a known format, a simple JSONPath starting with a dot), the scale subresource
/// paths, deprecation warnings, and the conversion strategy.
/// </summary>
public static class VersionRules
{
    private static readonly string[] s_columnTypes = ["boolean", "date", "integer", "number", "string"];
    private static readonly string[] s_columnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];

    /// <summary>Errors of one printer column at <paramref name="path"/> (e.g. <c>spec.additionalPrinterColumns[0]</c>).</summary>
    public static IEnumerable<FieldError> Column(V1CustomResourceColumnDefinition column, string path)
    {
        if (string.IsNullOrEmpty(column.Name)) yield return ApiErrors.Required(path + ".name");
        var types = "must be one of " + string.Join(",", s_columnTypes);
        if (string.IsNullOrEmpty(column.Type)) yield return ApiErrors.Required(path + ".type", types);
        else if (!s_columnTypes.Contains(column.Type, StringComparer.Ordinal)) yield return ApiErrors.Invalid(path + ".type", column.Type, types);
        if (!string.IsNullOrEmpty(column.Format) && !s_columnFormats.Contains(column.Format, StringComparer.Ordinal))
            yield return ApiErrors.Invalid(path + ".format", column.Format, "must be one of " + string.Join(",", s_columnFormats));
        if (string.IsNullOrEmpty(column.JsonPath)) yield return ApiErrors.Required(path + ".JSONPath");
        else if (SimpleJsonPath(column.JsonPath, path + ".JSONPath") is { } error) yield return error;
    }

    /// <summary>Errors of the subresources at <paramref name="path"/> (<c>spec.subresources</c> or a version's).</summary>
    public static IEnumerable<FieldError> Subresources(V1CustomResourceSubresources? subresources, string path)
    {
        if (subresources?.Scale is not { } scale) yield break;
        foreach (var error in ScalePath(scale.SpecReplicasPath, path + ".scale.specReplicasPath", ".spec.", "should be a json path under .spec")) yield return error;
        foreach (var error in ScalePath(scale.StatusReplicasPath, path + ".scale.statusReplicasPath", ".status.", "should be a json path under .status")) yield return error;
        if (scale.LabelSelectorPath is { Length: > 0 } selector)
        {
            if (SimpleJsonPath(selector, path + ".scale.labelSelectorPath") is { } error) yield return error;
            else if (!selector.StartsWith(".spec.", StringComparison.Ordinal) && !selector.StartsWith(".status.", StringComparison.Ordinal))
                yield return ApiErrors.Invalid(path + ".scale.labelSelectorPath", selector, "should be a json path under either .spec or .status");
        }
    }

    /// <summary>The deprecation-warning rules of a version at <paramref name="path"/> (<c>spec.versions[i]</c>).</summary>
    public static IEnumerable<FieldError> Deprecation(V1CustomResourceDefinitionVersion version, string path)
    {
        if (version.DeprecationWarning is not { } warning) yield break;
        var at = path + ".deprecationWarning";
        if (version.Deprecated != true) yield return ApiErrors.Invalid(at, warning, "can only be set for deprecated versions");
        else
        {
            if (System.Text.Encoding.UTF8.GetByteCount(warning) > 256) yield return ApiErrors.Invalid(at, warning, "must be <= 256 characters long");
            if (warning.Length == 0) yield return ApiErrors.Invalid(at, warning, "must not be an empty string");
            var control = warning.IndexOf(warning.FirstOrDefault(char.IsControl));
            if (warning.Any(char.IsControl)) yield return ApiErrors.Invalid(at, warning, $"must only contain printable UTF-8 characters; non-printable character found at index {control}");
        }
    }

    /// <summary>The conversion rules at <c>spec.conversion</c>: None needs nothing, Webhook needs a client config.</summary>
    public static IEnumerable<FieldError> Conversion(V1CustomResourceConversion? conversion)
    {
        if (conversion is null) yield break;
        switch (conversion.Strategy)
        {
            case null or "": yield return ApiErrors.Required("spec.conversion.strategy"); break;
            case "None":
                if (conversion.Webhook is not null) yield return ApiErrors.Forbidden("spec.conversion.webhookClientConfig", "should not be set when strategy is not set to Webhook");
                break;
            case "Webhook":
                if (conversion.Webhook?.ClientConfig is not { } config) yield return ApiErrors.Required("spec.conversion.webhookClientConfig", "required when strategy is set to Webhook");
                else if ((config.Url is null) == (config.Service is null)) yield return ApiErrors.Required("spec.conversion.webhookClientConfig", "exactly one of url or service is required");
                if (conversion.Webhook?.ConversionReviewVersions is not { Count: > 0 }) yield return ApiErrors.Required("spec.conversion.conversionReviewVersions");
                else if (!conversion.Webhook.ConversionReviewVersions.Any(v => v is "v1" or "v1beta1"))
                    yield return ApiErrors.Invalid("spec.conversion.conversionReviewVersions", conversion.Webhook.ConversionReviewVersions, "must include at least one of v1, v1beta1");
                break;
            default: yield return ApiErrors.NotSupported("spec.conversion.strategy", conversion.Strategy, ["None", "Webhook"]); break;
        }
    }

    private static IEnumerable<FieldError> ScalePath(string? value, string path, string prefix, string detail)
    {
        if (string.IsNullOrEmpty(value)) yield return ApiErrors.Required(path);
        else if (SimpleJsonPath(value, path) is { } error) yield return error;
        else if (!value.StartsWith(prefix, StringComparison.Ordinal)) yield return ApiErrors.Invalid(path, value, detail);
    }

    private static FieldError? SimpleJsonPath(string value, string path) =>
        value[0] != '.' ? ApiErrors.Invalid(path, value, "must be a simple json path starting with .") : null;
}
