using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Detector.AwsModelGen;

/// <summary>Pure text rules of the generator: doc summaries condensed from the model's HTML, constraints, constant names.</summary>
public static partial class Summaries
{
    /// <summary>Longest summary sentence kept; longer ones are cut at a word and end with an ellipsis.</summary>
    public const int MaxSummaryLength = 300;

    /// <summary>
    /// The first sentence of an AWS documentation string as plain XML-doc text: tags removed, entities decoded,
    /// whitespace collapsed, XML specials escaped; empty when there is no documentation.
    /// </summary>
    public static string FirstSentence(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return "";
        // Block tags separate words; inline tags (<code>, <a>, <b>) do not.
        var text = BlockTag().Replace(html, " ");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = Whitespace().Replace(text, " ").Trim();
        var end = SentenceEnd(text);
        if (end > 0)
            text = text[..end];
        if (text.Length > MaxSummaryLength)
        {
            var cut = text.LastIndexOf(' ', MaxSummaryLength);
            text = text[..(cut > 0 ? cut : MaxSummaryLength)].TrimEnd(',', ';', ':') + "…";
        }
        else if (text.Length > 0 && !".!?".Contains(text[^1]))
            text += ".";
        return Escape(text);
    }

    /// <summary>The text with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped for an XML doc comment.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Lower-cases the first letter of an operation's sentence so it reads after "Request of X: ", unless the first
    /// word is an acronym or a name ("SageMaker", "IAM").
    /// </summary>
    public static string LowerFirst(string sentence) =>
        sentence.Length > 1 && char.IsUpper(sentence[0]) && char.IsLower(sentence[1])
            ? char.ToLowerInvariant(sentence[0]) + sentence[1..]
            : sentence;

    /// <summary>
    /// The limits a member's target shape puts on values, as the records have always stated them:
    /// <c>Length 1–63.</c> (strings), <c>Range at least 0.</c> (numbers), <c>Items 1–20.</c> (lists),
    /// <c>Entries 0–100.</c> (maps); empty when the shape sets none.
    /// </summary>
    public static string Constraint(JsonNode shape)
    {
        var noun = (string?)shape["type"] switch
        {
            "string" or "blob" => "Length",
            "integer" or "long" or "float" or "double" => "Range",
            "list" => "Items",
            "map" => "Entries",
            _ => null,
        };
        var min = Number(shape["min"]);
        var max = Number(shape["max"]);
        if (noun is null || (min is null && max is null))
            return "";
        if (max is null)
            return $"{noun} at least {min}.";
        if (min is null)
            return noun == "Range" ? $"Range at most {max}." : $"{noun} 0–{max}.";
        return $"{noun} {min}–{max}.";
    }

    /// <summary>
    /// The C# name of an enum value: characters that cannot appear in an identifier become <c>_</c> and the first
    /// letter is upper-cased (<c>ml.m5.large</c> → <c>Ml_m5_large</c>; <c>InProgress</c> stays).
    /// </summary>
    public static string ConstantName(string value)
    {
        var name = new StringBuilder(value.Length + 1);
        foreach (var c in value)
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
            name.Insert(0, '_');
        name[0] = char.ToUpperInvariant(name[0]);
        return name.ToString();
    }

    /// <summary>The C# property name of a model member: the AWS SDK's, i.e. the member name with its first letter upper-cased.</summary>
    public static string PropertyName(string member) => char.ToUpperInvariant(member[0]) + member[1..];

    private static string? Number(JsonNode? node) =>
        node is null ? null : node.GetValue<double>().ToString("0.###", CultureInfo.InvariantCulture);

    // The end of the first sentence: a '.', '!' or '?' followed by a space and a capital, digit or tag-free text
    // start, not part of an abbreviation such as "e.g." or a version number such as "2.0".
    private static int SentenceEnd(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!".!?".Contains(text[i]))
                continue;
            if (i + 1 < text.Length && text[i + 1] != ' ')
                continue;
            var before = text[..(i + 1)];
            if (Abbreviation().IsMatch(before))
                continue;
            if (i + 2 < text.Length && !(char.IsUpper(text[i + 2]) || char.IsDigit(text[i + 2]) || text[i + 2] is '(' or '"' or '\''))
                continue;
            return i + 1;
        }

        return -1;
    }

    [GeneratedRegex(@"(?:\b(?:e\.g|i\.e|etc|vs|Inc|Ltd|approx|No)\.|\b[A-Z]\.)$")]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"</?(?:p|li|ul|ol|br|note|important|dl|dt|dd|para)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
