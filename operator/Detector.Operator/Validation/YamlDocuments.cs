using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Detector.Operator.Validation;

/// <summary>
/// Reads a (multi-document) YAML or JSON stream into <see cref="JsonNode"/>s with YAML 1.2 core-schema typing:
/// plain <c>512</c> is a number, <c>"512"</c> a string, <c>true</c> a boolean, <c>~</c>/<c>null</c> null. This is how
/// kubectl turns a manifest into JSON, so a schema check of the result matches what the API server would see.
/// </summary>
public static partial class YamlDocuments
{
    /// <summary>Parses every document of <paramref name="text"/>; empty documents are skipped.</summary>
    /// <exception cref="FormatException">The text is not valid YAML; the message has the line and column.</exception>
    public static IReadOnlyList<JsonNode?> Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
        return [.. stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "", Style: ScalarStyle.Plain })
            .Select(d => ToJson(d.RootNode))];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Object(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new FormatException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static JsonObject Object(YamlMappingNode mapping)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
                throw new FormatException($"line {key.Start.Line}: mapping keys must be strings");
            if (obj.ContainsKey(name)) throw new FormatException($"line {key.Start.Line}: duplicate key \"{name}\"");
            obj[name] = ToJson(value);
        }
        return obj;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (IntegerForm().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (FloatForm().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerForm();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatForm();
}
