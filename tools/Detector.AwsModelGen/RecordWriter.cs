using System.Text;
using System.Text.Json.Nodes;

namespace Detector.AwsModelGen;

/// <summary>
/// Writes one C# block per record or constants class. Members keep the model's names and order; required members
/// are C# <c>required</c>, optional ones nullable; enums are strings whose constants live in a static class.
/// </summary>
public sealed class RecordWriter(ServiceModel model, string ns, int maxEnumConstants)
{
    /// <summary>The request and response records of one operation (an operation without output gets an empty response).</summary>
    public IEnumerable<string> Operation(string name)
    {
        var (node, input, output) = model.Operations[name];
        var what = Summaries.FirstSentence((string?)node["documentation"]);
        var request = $"Request of {name}{(what.Length > 0 ? ": " + Summaries.LowerFirst(what) : ".")}";
        yield return input is null ? Empty(name + "Request", request) : Record(input, request);
        yield return output is null
            ? Empty(name + "Response", $"Response of {name} (the operation returns no members).")
            : Record(output, $"Response of {name}.");
    }

    /// <summary>The record of a structure shape that is not an operation's input or output.</summary>
    public string Structure(string name)
    {
        var summary = Summaries.FirstSentence((string?)model.Shape(name)["documentation"]);
        return Record(name, summary.Length > 0 ? summary : $"The {name} structure of the {model.ServiceId} API.");
    }

    /// <summary>The constants class of an enum shape.</summary>
    public string Enum(string name)
    {
        var text = new StringBuilder();
        text.Append($"/// <summary>Values of the {model.ServiceId} {name} enumeration (the wire carries plain strings).</summary>\n");
        text.Append($"public static class {name}\n{{\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in model.EnumValues(name)!)
        {
            var constant = Summaries.ConstantName(value);
            if (constant == name)
                constant += "_";
            if (!seen.Add(constant))
                throw new GeneratorException($"{model.FileName}: enum {name} has two values named {constant} in C#");
            text.Append($"    /// <summary>The value <c>{Summaries.Escape(value)}</c>.</summary>\n");
            text.Append($"    public const string {constant} = \"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\";\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Empty(string type, string summary) => $"/// <summary>{summary}</summary>\npublic sealed record {type};\n";

    private string Record(string shape, string summary)
    {
        var type = model.TypeName(shape);
        var members = model.Members(shape).ToList();
        if (members.Count == 0)
            return Empty(type, summary);
        var text = new StringBuilder();
        text.Append($"/// <summary>{summary}</summary>\npublic sealed record {type}\n{{\n");
        foreach (var (name, member, required) in members)
        {
            var property = Summaries.PropertyName(name);
            if (property == type)
                throw new GeneratorException($"{model.FileName}: {shape}.{name} would be a property named like its record");
            var target = model.Target(member);
            text.Append($"    /// <summary>{MemberSummary(member, target, required)}</summary>\n    ");
            if (property != name)
                text.Append($"[JsonPropertyName(\"{name}\")] ");
            var csType = CsType(target);
            text.Append(required ? $"public required {csType} {property} {{ get; init; }}\n" : $"public {csType}? {property} {{ get; init; }}\n");
        }

        return text.Append("}\n").ToString();
    }

    private string MemberSummary(JsonNode member, string target, bool required)
    {
        var parts = new List<string>();
        if (required)
            parts.Add("Required.");
        var doc = Summaries.FirstSentence((string?)member["documentation"]);
        parts.Add(doc.Length > 0 ? doc : Summaries.FirstSentence((string?)model.Shape(target)["documentation"]));
        if (model.EnumValues(target) is { } values)
            parts.Add(values.Count <= maxEnumConstants ? $"Values in <see cref=\"{ns}.{target}\"/>." : $"One of the {target} values.");
        else
            parts.Add(Summaries.Constraint(model.Shape(target)));
        if ((string?)member["location"] is { } location && location != "statusCode")
            parts.Add($"Sent in the {location} <c>{Summaries.Escape((string?)member["locationName"] ?? "")}</c>.");
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    private string CsType(string shape) => model.Kind(shape) switch
    {
        "string" => "string",
        "integer" => "int",
        "long" => "long",
        "float" or "double" => "double",
        "boolean" => "bool",
        "timestamp" => "DateTimeOffset",
        "blob" => "byte[]",
        "list" => $"List<{CsType(model.Target(model.Shape(shape)["member"]))}>",
        "map" => $"Dictionary<{CsType(model.Target(model.Shape(shape)["key"]))}, {CsType(model.Target(model.Shape(shape)["value"]))}>",
        "structure" => model.TypeName(shape),
        var other => throw new GeneratorException($"{model.FileName}: shape '{shape}' has type '{other}', which the generator does not map to C#"),
    };
}
