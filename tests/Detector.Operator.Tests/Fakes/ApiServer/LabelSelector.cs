using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// A parsed label selector in the string syntax of the <c>labelSelector</c> query parameter:
/// <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c> (exists), <c>!k</c>.
/// All requirements must hold.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        _requirements = requirements;

    /// <summary>The selector that matches everything.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>Parses a selector; throws <see cref="ApiError"/> 400 on bad syntax as the real server does.</summary>
    public static LabelSelector Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
            return Everything;
        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var term in SplitTerms(selector))
            requirements.Add(ParseTerm(term.Trim(), selector));
        return new LabelSelector(requirements);
    }

    /// <summary>True when the labels satisfy every requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    /// <summary>True when the object's <c>metadata.labels</c> satisfy every requirement.</summary>
    public bool Matches(JsonNode obj) => Matches(LabelsOf(obj));

    /// <summary>The <c>metadata.labels</c> of an object as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(JsonNode obj) =>
        obj["metadata"]?["labels"] is JsonObject labels
            ? labels.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "")
            : new Dictionary<string, string>();

    // Commas separate terms except inside the parentheses of in/notin.
    private static IEnumerable<string> SplitTerms(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            if (selector[i] == '(') depth++;
            else if (selector[i] == ')') depth--;
            else if (selector[i] == ',' && depth == 0)
            {
                yield return selector[start..i];
                start = i + 1;
            }
        }
        yield return selector[start..];
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term, string selector)
    {
        if (term.Length == 0)
            throw ApiError.BadRequest($"unable to parse requirement: empty term in label selector \"{selector}\"");
        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return labels => !labels.ContainsKey(key);
        }
        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at < 0) continue;
            var key = term[..at].Trim();
            var set = term[(at + op.Length)..].Trim();
            if (!set.StartsWith('(') || !set.EndsWith(')'))
                throw ApiError.BadRequest($"unable to parse requirement: found '{set}', expected: '(' in \"{selector}\"");
            var values = set[1..^1].Split(',').Select(v => v.Trim()).ToHashSet();
            return negate
                ? labels => !labels.TryGetValue(key, out var v) || !values.Contains(v)
                : labels => labels.TryGetValue(key, out var v) && values.Contains(v);
        }
        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at < 0) continue;
            var key = term[..at].Trim();
            var value = term[(at + op.Length)..].Trim();
            return negate
                ? labels => !labels.TryGetValue(key, out var v) || v != value
                : labels => labels.TryGetValue(key, out var v) && v == value;
        }
        if (term.Any(c => char.IsWhiteSpace(c) || c is '(' or ')'))
            throw ApiError.BadRequest($"unable to parse requirement: \"{term}\" in label selector \"{selector}\"");
        return labels => labels.ContainsKey(term);
    }
}

/// <summary>
/// The <c>fieldSelector</c> forms every resource supports: <c>metadata.name</c> and <c>metadata.namespace</c> with
/// <c>=</c>, <c>==</c> or <c>!=</c>.
/// </summary>
public static class FieldSelector
{
    /// <summary>Builds a predicate over objects; 400 for unsupported fields, as the real server answers.</summary>
    public static Func<JsonNode, bool> Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
            return _ => true;
        var checks = new List<Func<JsonNode, bool>>();
        foreach (var raw in selector.Split(','))
        {
            var term = raw.Trim();
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2)
                throw ApiError.BadRequest($"invalid selector: '{selector}'; can't understand '{term}'");
            var field = parts[0].Trim();
            var value = parts[1].Trim();
            if (field is not ("metadata.name" or "metadata.namespace"))
                throw ApiError.BadRequest($"field label not supported: {field}");
            var key = field["metadata.".Length..];
            checks.Add(obj => ((obj["metadata"]?[key]?.GetValue<string>() ?? "") == value) != negate);
        }
        return obj => checks.All(c => c(obj));
    }
}
