using System.Text.RegularExpressions;

namespace Detector.Operator.Crds;

/// <summary>
/// Whether a <c>pattern</c> compiles as the API server compiles it: with Go's RE2 <c>regexp</c>, which has no
/// lookaround, backreferences, atomic groups or possessive quantifiers (.NET has all of them, so a .NET compile alone
/// would accept patterns a real server rejects).
/// </summary>
public static partial class Patterns
{
    /// <summary>Go's error text for <paramref name="pattern"/> (e.g. <c>error parsing regexp: invalid or unsupported Perl syntax: `(?=`</c>), or null.</summary>
    public static string? CompileError(string pattern)
    {
        if (PerlOnlyGroup().Match(pattern) is { Success: true } group)
            return $"error parsing regexp: invalid or unsupported Perl syntax: `{group.Value}`";
        if (Backreference().Match(pattern) is { Success: true } escape)
            return $"error parsing regexp: invalid escape sequence: `{escape.Value}`";
        if (Possessive().Match(pattern) is { Success: true } repeat)
            return $"error parsing regexp: invalid nested repetition operator: `{repeat.Value}`";
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return "error parsing regexp: " + e.Message;
        }
    }

    // Not preceded by a backslash: (?=  (?!  (?<=  (?<!  (?>  and named backreference groups.
    [GeneratedRegex(@"(?<!\\)\(\?(=|!|<=|<!|>)")]
    private static partial Regex PerlOnlyGroup();

    [GeneratedRegex(@"(?<!\\)\\([1-9]|k<)")]
    private static partial Regex Backreference();

    [GeneratedRegex(@"(?<!\\)[*+?}]\+")]
    private static partial Regex Possessive();
}
