using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// The model's patterns are Java regular expressions and the service matches them in full (Java's
/// <c>Matcher.matches()</c>, reference §2.4). .NET reads most of them the same way; this rewrites the constructs
/// whose meaning differs: ASCII-only <c>\d \w \s</c> and POSIX <c>\p{Alnum}</c>-style classes, a <c>.</c> that stops at
/// every Java line terminator, supplementary-plane ranges written as surrogate pairs, quantified anchors and
/// escaped underscores.
/// </summary>
public static partial class JavaRegex
{
    private static readonly ConcurrentDictionary<string, Regex> s_cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> s_posix = new(StringComparer.Ordinal)
    {
        ["Alnum"] = "a-zA-Z0-9", ["Alpha"] = "a-zA-Z", ["Digit"] = "0-9", ["Lower"] = "a-z", ["Upper"] = "A-Z",
        ["Punct"] = @"!-/:-@\[-`{-~", ["Space"] = @" \t\n\x0B\f\r", ["ASCII"] = @"\x00-\x7F", ["XDigit"] = "0-9a-fA-F",
        ["Graph"] = @"!-~", ["Print"] = @" -~", ["Blank"] = @" \t", ["Cntrl"] = @"\x00-\x1F\x7F",
    };

    private const string JavaLineTerminators = @"\n\r\u0085\u2028\u2029";

    /// <summary>True when the whole value matches the Java pattern.</summary>
    public static bool FullMatch(string javaPattern, string value) => Compile(javaPattern).IsMatch(value);

    /// <summary>The anchored .NET regex for a Java pattern (cached).</summary>
    public static Regex Compile(string javaPattern) =>
        s_cache.GetOrAdd(javaPattern, p => new Regex(@"\A(?:" + Translate(p) + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>The .NET equivalent of a Java pattern (unanchored).</summary>
    public static string Translate(string java)
    {
        java = SupplementaryRange().Replace(java, @"\uD800-\uDBFF\uDC00-\uDFFF");
        var output = new StringBuilder(java.Length + 16);
        var classDepth = 0;
        for (var i = 0; i < java.Length; i++)
        {
            var c = java[i];
            if (c == '\\' && i + 1 < java.Length)
            {
                var next = java[i + 1];
                if ((next is 'p' or 'P') && i + 2 < java.Length && java[i + 2] == '{')
                {
                    var end = java.IndexOf('}', i + 3);
                    var name = java[(i + 3)..end];
                    if (s_posix.TryGetValue(name, out var set))
                        output.Append(classDepth > 0 ? (next == 'p' ? set : throw Unsupported(java, $"\\P{{{name}}} inside a class"))
                            : (next == 'p' ? $"[{set}]" : $"[^{set}]"));
                    else
                        output.Append(java, i, end - i + 1);
                    i = end;
                    continue;
                }
                output.Append(EscapeClass(next, classDepth > 0) ?? java.Substring(i, 2));
                i++;
                continue;
            }
            if (c == '[')
            {
                classDepth++;
                output.Append(c);
                // A ']' or '^]' right after '[' is a literal in both dialects; copy it so it does not close the class.
                if (i + 1 < java.Length && java[i + 1] == '^') { output.Append('^'); i++; }
                if (i + 1 < java.Length && java[i + 1] == ']') { output.Append(@"\]"); i++; }
                continue;
            }
            if (c == ']' && classDepth > 0)
            {
                classDepth--;
                output.Append(c);
                continue;
            }
            if (classDepth == 0 && c == '.')
            {
                output.Append($"[^{JavaLineTerminators}]");
                continue;
            }
            if (classDepth == 0 && c == '$' && i + 1 < java.Length && java[i + 1] == '{')
            {
                // Java accepts a quantifier on the end anchor (a no-op); .NET rejects it.
                i = java.IndexOf('}', i);
                output.Append('$');
                continue;
            }
            output.Append(c);
        }
        return output.ToString();
    }

    private static string? EscapeClass(char escape, bool insideClass) => (escape, insideClass) switch
    {
        ('d', false) => "[0-9]",
        ('d', true) => "0-9",
        ('D', false) => "[^0-9]",
        ('w', false) => "[a-zA-Z0-9_]",
        ('w', true) => "a-zA-Z0-9_",
        ('W', false) => "[^a-zA-Z0-9_]",
        ('s', false) => @"[ \t\n\x0B\f\r]",
        ('s', true) => @" \t\n\x0B\f\r",
        ('S', false) => @"[^ \t\n\x0B\f\r]",
        // Java lets any non-letter be escaped; .NET rejects an escaped word character such as '_'.
        ('_', _) => "_",
        _ => null,
    };

    private static ArgumentException Unsupported(string pattern, string what) =>
        new($"Java pattern {pattern} uses {what}, which the fake cannot translate");

    // Java reads \uD800\uDC00 as one code point (U+10000); .NET sees two UTF-16 units and a reversed range.
    [GeneratedRegex(@"\\uD[89AB][0-9A-F]{2}\\uD[C-F][0-9A-F]{2}-\\uD[89AB][0-9A-F]{2}\\uD[C-F][0-9A-F]{2}", RegexOptions.IgnoreCase)]
    private static partial Regex SupplementaryRange();
}
