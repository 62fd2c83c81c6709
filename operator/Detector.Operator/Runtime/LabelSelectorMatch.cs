namespace Detector.Operator.Runtime;

/// <summary>
/// Pure: evaluates the equality-based label selectors the operator lists with (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>,
/// <c>a</c>, <c>!a</c>, comma-separated, all must hold), so a cached list answers what the API server would. Set-based
/// selectors (<c>in</c>, <c>notin</c>) are not parsed: the caller asks the server instead.
/// </summary>
public static class LabelSelectorMatch
{
    /// <summary>Parses <paramref name="selector"/> (null or empty: everything); false when it is not equality-based.</summary>
    public static bool TryParse(string? selector, out Func<IDictionary<string, string>?, bool> matches)
    {
        matches = _ => true;
        if (string.IsNullOrWhiteSpace(selector))
            return true;
        var tests = new List<Func<IDictionary<string, string>?, bool>>();
        foreach (var raw in selector.Split(','))
        {
            if (Term(raw.Trim()) is not { } test)
                return false;
            tests.Add(test);
        }
        matches = labels => tests.TrueForAll(t => t(labels));
        return true;
    }

    private static Func<IDictionary<string, string>?, bool>? Term(string term)
    {
        string? Value(IDictionary<string, string>? labels, string key) => labels is not null && labels.TryGetValue(key, out var v) ? v : null;
        if (Split(term, "!=") is var (notKey, notValue))
            return labels => Value(labels, notKey) != notValue;
        if ((Split(term, "==") ?? Split(term, "=")) is var (key, value))
            return labels => Value(labels, key) == value;
        if (term.StartsWith('!') && Plain(term[1..]))
            return labels => Value(labels, term[1..]) is null;
        if (Plain(term))
            return labels => Value(labels, term) is not null;
        return null;
    }

    private static (string Key, string Value)? Split(string term, string op)
    {
        var at = term.IndexOf(op, StringComparison.Ordinal);
        if (at <= 0)
            return null;
        var (key, value) = (term[..at], term[(at + op.Length)..]);
        return Plain(key) && (value.Length == 0 || Plain(value)) ? (key, value) : null;
    }

    // A key or value of the equality grammar: no operator, space or parenthesis inside.
    private static bool Plain(string part) => part.Length > 0 && part.IndexOfAny(['=', '!', ' ', '(', ')', ',']) < 0;
}
