using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Detector.Operator.Validation;

namespace Detector.Operator.Crds;

/// <summary>
/// Builds <see cref="FieldError"/>s worded as the API server's <c>field.Error</c> prints them
/// (<c>path: Forbidden: detail</c>, <c>path: Invalid value: "v": detail</c>, ...), so that a test can expect the exact
/// message a real kube-apiserver returns.
/// </summary>
public static class ApiErrors
{
    /// <summary><c>field.Required</c>: <c>path: Required value[: detail]</c>.</summary>
    public static FieldError Required(string path, string detail = "") => new(path, Body("Required value", null, detail));

    /// <summary><c>field.Forbidden</c>: <c>path: Forbidden[: detail]</c>.</summary>
    public static FieldError Forbidden(string path, string detail) => new(path, Body("Forbidden", null, detail));

    /// <summary><c>field.Invalid</c>: <c>path: Invalid value: value: detail</c>, the value printed as Go prints it.</summary>
    public static FieldError Invalid(string path, object? value, string detail) => new(path, Body("Invalid value", GoValue(value), detail));

    /// <summary><c>field.Invalid</c> whose value the server prints as a Go struct dump we do not reproduce.</summary>
    public static FieldError InvalidStruct(string path, string detail) => new(path, Body("Invalid value", "{...}", detail));

    /// <summary><c>field.NotSupported</c>: <c>path: Unsupported value: "v": supported values: "a", "b"</c>.</summary>
    public static FieldError NotSupported(string path, object? value, IEnumerable<string> supported) =>
        new(path, Body("Unsupported value", GoValue(value), "supported values: " + string.Join(", ", supported.Select(Quote))));

    /// <summary><c>field.Duplicate</c>: <c>path: Duplicate value: "v"</c>.</summary>
    public static FieldError Duplicate(string path, object? value) => new(path, Body("Duplicate value", GoValue(value), ""));

    /// <summary>
    /// The message of the 422 the API server answers for an invalid object:
    /// <c>Kind.group "name" is invalid: error</c>, or <c>[error1, error2]</c> for several (duplicates dropped, as
    /// <c>ErrorList.ToAggregate</c> does).
    /// </summary>
    public static string InvalidMessage(string qualifiedKind, string name, IReadOnlyList<FieldError> errors)
    {
        var distinct = errors.Select(e => e.ToString()).Distinct(StringComparer.Ordinal).ToList();
        var aggregate = distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
        return $"{qualifiedKind} {Quote(name)} is invalid: {aggregate}";
    }

    /// <summary>A value as Go's <c>%q</c>/<c>%v</c>/<c>%#v</c> prints it in a field error (strings quoted, maps sorted).</summary>
    public static string GoValue(object? value) => value switch
    {
        null => "null",
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double number => Number(number),
        IEnumerable<string> strings => "[]string{" + string.Join(", ", strings.Select(Quote)) + "}",
        JsonNode node => GoSyntax(node),
        JsonElement element => GoSyntax(JsonNode.Parse(element.GetRawText())),
        _ => GoSyntax(JsonNode.Parse(k8s.KubernetesJson.Serialize(value))),
    };

    /// <summary>Go's <c>%q</c> of a string.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    private static string Body(string type, string? value, string detail)
    {
        var body = value is null ? type : $"{type}: {value}";
        return detail.Length > 0 ? $"{body}: {detail}" : body;
    }

    // %#v of the value an unstructured decoder yields: map[string]interface {}, []interface {}, int64, float64, ...
    private static string GoSyntax(JsonNode? node) => node switch
    {
        null => "interface {}(nil)",
        JsonObject obj => "map[string]interface {}{" + string.Join(", ", obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Quote(p.Key) + ":" + GoSyntax(p.Value))) + "}",
        JsonArray array => "[]interface {}{" + string.Join(", ", array.Select(GoSyntax)) + "}",
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.String => Quote(scalar.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number when scalar.TryGetValue<long>(out var whole) => whole.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.Number => Number(scalar.GetValue<double>()),
            _ => scalar.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    private static string Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }
}
