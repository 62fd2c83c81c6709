using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;

namespace Detector.Operator.Validation;

/// <summary>
/// Evaluates the few CEL rule forms the CRD generator emits, so tests and the fake API server can enforce
/// <c>x-kubernetes-validations</c> without a CEL engine. Any other rule throws <see cref="NotSupportedException"/>:
/// a rule silently ignored would be a rule not tested. The forms (see <see cref="Rules"/>):
/// <list type="bullet">
/// <item><c>self == oldSelf</c> (immutable required field)</item>
/// <item><c>!has(oldSelf.f) || (has(self.f) &amp;&amp; self.f == oldSelf.f)</c> (immutable optional field, on its parent)</item>
/// <item><c>[has(self.a), has(self.b)].exists_one(x, x)</c> (exactly one of)</item>
/// </list>
/// </summary>
public static partial class CelRules
{
    /// <summary>
    /// Walks <paramref name="self"/> and its schema and evaluates every rule. Transition rules (those naming
    /// <c>oldSelf</c>) run only where an old value exists at the same place, as on the API server.
    /// </summary>
    /// <param name="self">The new value.</param>
    /// <param name="oldSelf">The stored value on update; null on create.</param>
    /// <param name="schema">The schema that carries the rules.</param>
    /// <param name="path">Field path of <paramref name="self"/>.</param>
    public static IReadOnlyList<FieldError> Validate(JsonNode? self, JsonNode? oldSelf, V1JSONSchemaProps schema, string path = "")
    {
        var errors = new List<FieldError>();
        Walk(self, oldSelf, schema, path, errors);
        return errors;
    }

    /// <summary>Evaluates one rule. Throws <see cref="NotSupportedException"/> for a form outside the supported set.</summary>
    public static bool Evaluate(string rule, JsonNode? self, JsonNode? oldSelf)
    {
        var text = rule.Trim();
        if (text == Rules.Immutable) return JsonNode.DeepEquals(self, oldSelf);
        if (OptionalImmutableForm().Match(text) is { Success: true } optional && SameNames(optional))
        {
            var field = optional.Groups[1].Value;
            return Field(oldSelf, field) is not { } old || (Field(self, field) is { } now && JsonNode.DeepEquals(now, old));
        }
        if (ExactlyOneForm().Match(text) is { Success: true } one)
        {
            var fields = one.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries);
            var set = 0;
            foreach (var has in fields)
            {
                var name = HasSelfField().Match(has);
                if (!name.Success) throw Unsupported(rule);
                if (Field(self, name.Groups[1].Value) is not null) set++;
            }
            return set == 1;
        }
        throw Unsupported(rule);
    }

    /// <summary>True when the rule refers to <c>oldSelf</c> (a transition rule).</summary>
    public static bool IsTransitionRule(string rule) => rule.Contains("oldSelf", StringComparison.Ordinal);

    private static void Walk(JsonNode? self, JsonNode? oldSelf, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        if (self is null) return;
        foreach (var rule in schema.XKubernetesValidations ?? [])
        {
            if (IsTransitionRule(rule.Rule) && oldSelf is null) continue;
            if (!Evaluate(rule.Rule, self, oldSelf))
                errors.Add(new(path, rule.Message is { Length: > 0 } message ? message : $"failed rule: {rule.Rule}"));
        }
        if (self is JsonObject obj)
        {
            var additional = SchemaNodes.AdditionalProperties(schema);
            foreach (var (name, child) in obj)
            {
                var childSchema = schema.Properties?.TryGetValue(name, out var p) == true ? p : additional;
                if (childSchema is null) continue;
                var childPath = schema.Properties?.ContainsKey(name) == true ? FieldPath.Child(path, name) : FieldPath.Key(path, name);
                Walk(child, (oldSelf as JsonObject)?[name], childSchema, childPath, errors);
            }
        }
        else if (self is JsonArray array && SchemaNodes.Items(schema) is { } items)
        {
            // Items of atomic lists have no old value: the API server correlates only map and set lists.
            for (var i = 0; i < array.Count; i++) Walk(array[i], null, items, FieldPath.Index(path, i), errors);
        }
    }

    private static JsonNode? Field(JsonNode? node, string name) => (node as JsonObject)?[name];

    private static bool SameNames(Match match) =>
        match.Groups[1].Value == match.Groups[2].Value && match.Groups[2].Value == match.Groups[3].Value && match.Groups[3].Value == match.Groups[4].Value;

    private static NotSupportedException Unsupported(string rule) =>
        new($"CEL rule '{rule}' is not one of the forms CelRules supports; extend CelRules (and its tests) with it");

    [GeneratedRegex(@"^!has\(oldSelf\.([A-Za-z_][A-Za-z0-9_]*)\) \|\| \(has\(self\.([A-Za-z_][A-Za-z0-9_]*)\) && self\.([A-Za-z_][A-Za-z0-9_]*) == oldSelf\.([A-Za-z_][A-Za-z0-9_]*)\)$")]
    private static partial Regex OptionalImmutableForm();

    [GeneratedRegex(@"^\[(.+)\]\.exists_one\(x, x\)$")]
    private static partial Regex ExactlyOneForm();

    [GeneratedRegex(@"^has\(self\.([A-Za-z_][A-Za-z0-9_]*)\)$")]
    private static partial Regex HasSelfField();

    /// <summary>Builds the rule texts the generator emits; the evaluator recognises exactly these.</summary>
    public static class Rules
    {
        /// <summary>The value may not change (put on a required field).</summary>
        public const string Immutable = "self == oldSelf";

        /// <summary>Optional field <paramref name="field"/> of this object may not change or go away once set.</summary>
        public static string OptionalImmutable(string field) =>
            $"!has(oldSelf.{field}) || (has(self.{field}) && self.{field} == oldSelf.{field})";

        /// <summary>Exactly one of <paramref name="fields"/> of this object is set.</summary>
        public static string ExactlyOneOf(IEnumerable<string> fields) =>
            "[" + string.Join(", ", fields.Select(f => $"has(self.{f})")) + "].exists_one(x, x)";
    }
}
