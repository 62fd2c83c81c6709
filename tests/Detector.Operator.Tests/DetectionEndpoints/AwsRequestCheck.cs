using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Detector.Operator.Aws;
using Detector.Testing;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>
/// Checks a request record, serialized as the client sends it, against its input shape in the AWS model: required
/// members, unknown members, enum values, string lengths and patterns, list and map sizes, number ranges.
/// </summary>
public static class AwsRequestCheck
{
    private static readonly Lazy<JsonNode> s_shapes = new(() => JsonNode.Parse(File.ReadAllText(SharedData.SageMakerModel))!["shapes"]!);

    /// <summary>The model's shapes (skips the test when ../shared is absent).</summary>
    public static JsonNode Shapes => s_shapes.Value;

    /// <summary>Asserts that <paramref name="request"/> satisfies the input shape of <paramref name="operation"/>.</summary>
    public static void AssertValid(string operation, object request)
    {
        var problems = Problems(operation, request);
        Assert.True(problems.Count == 0, $"{operation}:\n" + string.Join('\n', problems));
    }

    /// <summary>The violations of <paramref name="request"/> against the input shape of <paramref name="operation"/>.</summary>
    public static List<string> Problems(string operation, object request)
    {
        var body = JsonNode.Parse(AwsJson.Serialize(request));
        var problems = new List<string>();
        Check(operation + "Input", body, "", problems);
        return problems;
    }

    /// <summary>Whether <paramref name="value"/> fully matches the named string shape's pattern and length.</summary>
    public static bool MatchesShape(string shapeName, string value)
    {
        var problems = new List<string>();
        Check(shapeName, JsonValue.Create(value), shapeName, problems);
        return problems.Count == 0;
    }

    private static void Check(string shapeName, JsonNode? value, string path, List<string> problems)
    {
        var shape = Shapes[shapeName] ?? throw new InvalidOperationException($"No shape {shapeName}");
        if (value is null)
            return;
        switch ((string)shape["type"]!)
        {
            case "structure":
                var members = shape["members"]!.AsObject();
                var obj = value.AsObject();
                foreach (var required in shape["required"]?.AsArray() ?? [])
                    if (obj[(string)required!] is null)
                        problems.Add($"{path}.{required}: required");
                foreach (var (name, child) in obj)
                    if (members[name] is { } member)
                        Check((string)member["shape"]!, child, $"{path}.{name}", problems);
                    else
                        problems.Add($"{path}.{name}: not a member of {shapeName}");
                break;
            case "list":
                var items = value.AsArray();
                Size(shape, items.Count, path, problems);
                for (var i = 0; i < items.Count; i++)
                    Check((string)shape["member"]!["shape"]!, items[i], $"{path}[{i}]", problems);
                break;
            case "map":
                var map = value.AsObject();
                Size(shape, map.Count, path, problems);
                foreach (var (key, child) in map)
                {
                    Check((string)shape["key"]!["shape"]!, JsonValue.Create(key), $"{path} key {key}", problems);
                    Check((string)shape["value"]!["shape"]!, child, $"{path}.{key}", problems);
                }
                break;
            case "string":
                var text = (string)value!;
                Size(shape, text.Length, path, problems);
                if (shape["enum"] is JsonArray values && !values.Any(v => (string)v! == text))
                    problems.Add($"{path}: '{text}' is not one of {string.Join(", ", values)}");
                if (shape["pattern"] is { } pattern && !Pattern((string)pattern!).IsMatch(text))
                    problems.Add($"{path}: '{text}' does not match {pattern}");
                break;
            case "integer" or "long" or "float" or "double":
                var number = value.GetValue<double>();
                if (shape["min"] is { } min && number < (double)min)
                    problems.Add($"{path}: {number} < {min}");
                if (shape["max"] is { } max && number > (double)max)
                    problems.Add($"{path}: {number} > {max}");
                break;
        }
    }

    private static void Size(JsonNode shape, int size, string path, List<string> problems)
    {
        if (shape["min"] is { } min && size < (int)min)
            problems.Add($"{path}: size {size} < {min}");
        if (shape["max"] is { } max && size > (int)max)
            problems.Add($"{path}: size {size} > {max}");
    }

    // The model's patterns are full-match Java regexes; a few end in a stray quantified '$' (e.g. "...*)${1,128}").
    private static Regex Pattern(string pattern)
    {
        var cleaned = Regex.Replace(pattern, @"\$\{\d+,\d+\}$", "");
        return new Regex($"^(?:{cleaned})$", RegexOptions.CultureInvariant);
    }
}
