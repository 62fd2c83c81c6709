using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// Checks a request body against the operation's input shape, recursively, the way the service does: member types
/// (a wrong type is a <c>SerializationException</c>, as the service's JSON reader reports it), unknown members
/// (stricter than the service, which may ignore them: an unknown member is a client bug), then every constraint
/// the model states — required, enum, length, range, size, full-match pattern, union — each a violation in AWS's
/// wording ("Value 'x' at 'trainingJobName' failed to satisfy constraint: Member must ...").
/// </summary>
public static class ModelValidator
{
    /// <summary>
    /// Validates <paramref name="body"/> (a JSON object, or null for an empty body) against <paramref name="shapeName"/>.
    /// With <paramref name="bindings"/>, members bound to the URI or headers (REST) are expected in the object too; a
    /// REST payload member is always left to the caller.
    /// </summary>
    public static ModelCheck Validate(ServiceModel model, string shapeName, JsonNode? body, bool bindings = false)
    {
        var walker = new Walker(model, bindings);
        try
        {
            walker.Structure(model.Shape(shapeName), body ?? new JsonObject(), "", topLevel: true);
        }
        catch (SerializationProblem problem)
        {
            return new ModelCheck(problem.Message, []);
        }
        return new ModelCheck(null, walker.Violations);
    }

    /// <summary>The service's message for a list of violations ("2 validation errors detected: ...; ...").</summary>
    public static string Message(IReadOnlyList<ModelViolation> violations) =>
        $"{violations.Count} validation error{(violations.Count == 1 ? "" : "s")} detected: " + string.Join("; ", violations.Select(v => v.Text));

    private sealed class SerializationProblem(string message) : Exception(message);

    private sealed class Walker(ServiceModel model, bool bindings)
    {
        public List<ModelViolation> Violations { get; } = [];

        public void Structure(Shape shape, JsonNode node, string path, bool topLevel = false)
        {
            if (node is not JsonObject obj)
                throw Mismatch(shape, node, path, "a JSON object");
            var byName = shape.Members.ToDictionary(m => m.Name, StringComparer.Ordinal);
            foreach (var (name, _) in obj)
                if (!byName.ContainsKey(name))
                    throw new SerializationProblem($"Unknown member '{name}' at '{Display(path, topLevel)}' (shape {shape.Name})");
            var set = 0;
            foreach (var member in shape.Members)
            {
                if ((member.Location is not null && !bindings) || member.Name == shape.Payload)
                    continue; // REST bindings are checked only when the caller lifted them in; the payload is raw bytes.
                var memberPath = Join(path, member.Name);
                var value = obj[member.Name];
                if (value is null)
                {
                    if (shape.Required.Contains(member.Name))
                        Violations.Add(new ModelViolation(memberPath, "null", "Member must not be null"));
                    continue;
                }
                set++;
                if (member.JsonValue)
                    JsonValue(member, value, memberPath);
                else
                    Value(model.Shape(member.ShapeName), value, memberPath);
            }
            if (shape.Union && set != 1)
                Violations.Add(new ModelViolation(Display(path, topLevel), "", $"Union {shape.Name} must have exactly one member set, got {set}"));
        }

        private void Value(Shape shape, JsonNode node, string path)
        {
            switch (shape.Type)
            {
                case "structure":
                    Structure(shape, node, path);
                    break;
                case "list":
                    List(shape, node, path);
                    break;
                case "map":
                    Map(shape, node, path);
                    break;
                case "string":
                    String(shape, Scalar(shape, node, path, JsonValueKind.String, "a string").GetValue<string>(), path);
                    break;
                case "boolean":
                    if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                        throw Mismatch(shape, node, path, "a boolean");
                    break;
                case "integer" or "long" or "float" or "double":
                    Number(shape, node, path);
                    break;
                case "timestamp":
                    // JSON 1.1 sends timestamps as epoch seconds (reference §2.1).
                    Scalar(shape, node, path, JsonValueKind.Number, "a number (epoch seconds)");
                    break;
                case "blob":
                    var text = Scalar(shape, node, path, JsonValueKind.String, "a base64 string").GetValue<string>();
                    if (!Convert.TryFromBase64String(text, new byte[text.Length], out _))
                        throw new SerializationProblem($"Value at '{path}' is not valid base64");
                    break;
                default:
                    throw new InvalidOperationException($"Shape {shape.Name} has unsupported type {shape.Type}");
            }
        }

        private void List(Shape shape, JsonNode node, string path)
        {
            if (node is not JsonArray array)
                throw Mismatch(shape, node, path, "a JSON array");
            Size(shape, array.Count, node, path);
            var element = model.Shape(shape.ListMember!);
            for (var i = 0; i < array.Count; i++)
            {
                var elementPath = $"{path}.{i + 1}.member";
                if (array[i] is null)
                    Violations.Add(new ModelViolation(elementPath, "null", "Member must not be null"));
                else
                    Value(element, array[i]!, elementPath);
            }
        }

        private void Map(Shape shape, JsonNode node, string path)
        {
            if (node is not JsonObject obj)
                throw Mismatch(shape, node, path, "a JSON object (map)");
            Size(shape, obj.Count, node, path);
            var keyShape = model.Shape(shape.MapKey!);
            var valueShape = model.Shape(shape.MapValue!);
            foreach (var (key, value) in obj)
            {
                var keyProblems = Nested(() => String(keyShape, key, path));
                if (keyProblems.Count > 0)
                    Violations.Add(new ModelViolation(path, $"'{{{key}={Render(value)}}}'", $"Map keys must satisfy constraint: [{string.Join(", ", keyProblems)}]"));
                if (value is null)
                {
                    Violations.Add(new ModelViolation($"{path}.{key}", "null", "Member must not be null"));
                    continue;
                }
                if (valueShape.Type is "structure" or "list" or "map")
                {
                    Value(valueShape, value, $"{path}.{key}");
                    continue;
                }
                var valueProblems = Nested(() => Value(valueShape, value, path));
                if (valueProblems.Count > 0)
                    Violations.Add(new ModelViolation(path, $"'{{{key}={Render(value)}}}'", $"Map value must satisfy constraint: [{string.Join(", ", valueProblems)}]"));
            }
        }

        private List<string> Nested(Action check)
        {
            var before = Violations.Count;
            check();
            var added = Violations.Skip(before).Select(v => v.Constraint).ToList();
            Violations.RemoveRange(before, Violations.Count - before);
            return added;
        }

        private void String(Shape shape, string value, string path)
        {
            var rendered = shape.Sensitive ? "" : $"'{value}'";
            if (shape.Enum is { } values && !values.Contains(value, StringComparer.Ordinal))
                Violations.Add(new ModelViolation(path, rendered, $"Member must satisfy enum value set: [{string.Join(", ", values)}]"));
            if (shape.Min is { } min && value.Length < min)
                Violations.Add(new ModelViolation(path, rendered, $"Member must have length greater than or equal to {min}"));
            if (shape.Max is { } max && value.Length > max)
                Violations.Add(new ModelViolation(path, rendered, $"Member must have length less than or equal to {max}"));
            if (shape.Pattern is { } pattern && !JavaRegex.FullMatch(pattern, value))
                Violations.Add(new ModelViolation(path, rendered, $"Member must satisfy regular expression pattern: {pattern}"));
        }

        private void Number(Shape shape, JsonNode node, string path)
        {
            // Serialize rather than GetValue<JsonElement>: nodes built in code hold CLR numbers, parsed ones JsonElements.
            var element = JsonSerializer.SerializeToElement(Scalar(shape, node, path, JsonValueKind.Number, "a number"));
            var integral = shape.Type is "integer" or "long";
            if (!element.TryGetDecimal(out var value))
            {
                if (integral || !element.TryGetDouble(out _))
                    throw new SerializationProblem($"Number {element.GetRawText()} at '{path}' is out of range for {shape.Type} (shape {shape.Name})");
                return;
            }
            if (integral && (value != decimal.Truncate(value) || (shape.Type == "integer" ? value is < int.MinValue or > int.MaxValue : value is < long.MinValue or > long.MaxValue)))
                throw new SerializationProblem($"Number {element.GetRawText()} at '{path}' is not a valid {shape.Type} (shape {shape.Name})");
            var rendered = $"'{element.GetRawText()}'";
            if (shape.Min is { } min && value < min)
                Violations.Add(new ModelViolation(path, rendered, $"Member must have value greater than or equal to {Format(min)}"));
            if (shape.Max is { } max && value > max)
                Violations.Add(new ModelViolation(path, rendered, $"Member must have value less than or equal to {Format(max)}"));
        }

        private void Size(Shape shape, int count, JsonNode node, string path)
        {
            var rendered = $"'{Render(node)}'";
            if (shape.Min is { } min && count < min)
                Violations.Add(new ModelViolation(path, rendered, $"Member must have length greater than or equal to {min}"));
            if (shape.Max is { } max && count > max)
                Violations.Add(new ModelViolation(path, rendered, $"Member must have length less than or equal to {max}"));
        }

        private void JsonValue(Member member, JsonNode node, string path)
        {
            if (node.GetValueKind() != JsonValueKind.String)
                throw new SerializationProblem($"Member '{path}' must be a string holding JSON (jsonvalue), got {node.GetValueKind()}");
            try
            {
                JsonDocument.Parse(node.GetValue<string>()).Dispose();
            }
            catch (JsonException e)
            {
                throw new SerializationProblem($"Member '{path}' must hold valid JSON: {e.Message}");
            }
            String(model.Shape(member.ShapeName), node.GetValue<string>(), path);
        }

        private static JsonValue Scalar(Shape shape, JsonNode node, string path, JsonValueKind kind, string expected) =>
            node is JsonValue value && node.GetValueKind() == kind ? value : throw Mismatch(shape, node, path, expected);

        private static SerializationProblem Mismatch(Shape shape, JsonNode? node, string path, string expected) =>
            new($"Expected {expected} at '{path}' (shape {shape.Name}, type {shape.Type}) but got {(node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant())}");
    }

    private static string Join(string path, string member)
    {
        var camel = char.ToLowerInvariant(member[0]) + member[1..];
        return path.Length == 0 ? camel : $"{path}.{camel}";
    }

    private static string Display(string path, bool topLevel) => topLevel || path.Length == 0 ? "(request)" : path;

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Render(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(", ", array.Select(Render)) + "]",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"{p.Key}={Render(p.Value)}")) + "}",
        _ when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}

/// <summary>The outcome of <see cref="ModelValidator.Validate"/>.</summary>
/// <param name="SerializationError">Set when the body does not even have the model's types (the service's reader fails first).</param>
/// <param name="Violations">Constraint violations, in model order.</param>
public sealed record ModelCheck(string? SerializationError, IReadOnlyList<ModelViolation> Violations)
{
    /// <summary>True when the body passed.</summary>
    public bool Passed => SerializationError is null && Violations.Count == 0;
}

/// <summary>One failed constraint.</summary>
/// <param name="Path">AWS's member path, e.g. <c>inputDataConfig.1.member.channelName</c>.</param>
/// <param name="Value">The value as AWS echoes it (<c>'x'</c>, <c>null</c>, empty for sensitive values).</param>
/// <param name="Constraint">e.g. <c>Member must not be null</c>.</param>
public sealed record ModelViolation(string Path, string Value, string Constraint)
{
    /// <summary>The violation as it appears in the message.</summary>
    public string Text => Value.Length == 0
        ? $"Value at '{Path}' failed to satisfy constraint: {Constraint}"
        : $"Value {Value} at '{Path}' failed to satisfy constraint: {Constraint}";
}
