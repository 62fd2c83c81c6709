using System.Globalization;

namespace Detector.Preprocessing.Layout;

/// <summary>
/// The few shapes of YOLO data.yaml we read, nothing more: <c>names</c> as an inline list <c>[a, 'b']</c>, a block list
/// (<c>- a</c>) or a map (<c>0: a</c>), and an optional <c>nc</c> that must match. A general YAML parser would be a
/// dependency for three lines of syntax.
/// </summary>
public static class DataYamlNames
{
    /// <summary>Parses the class names; throws <see cref="DatasetLayoutException"/> naming data.yaml and the line.</summary>
    public static IReadOnlyList<string> Parse(string yaml)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        int? declaredCount = null;
        List<string>? names = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]);
            if (line.Length == 0 || char.IsWhiteSpace(line[0]))
                continue; // only top-level keys matter here
            var (key, value) = SplitKey(line);
            if (key == "nc")
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var nc))
                    throw new DatasetLayoutException($"data.yaml line {i + 1}: nc '{value}' is not a whole number");
                declaredCount = nc;
            }
            else if (key == "names")
                names = value.Length > 0 ? ParseInline(value, i + 1) : ParseBlock(lines, i + 1);
        }
        if (names is null)
            throw new DatasetLayoutException("data.yaml: no 'names' key");
        var validated = ClassNames.Validate(names, "data.yaml");
        if (declaredCount is { } count && count != validated.Count)
            throw new DatasetLayoutException($"data.yaml: nc is {count} but names lists {validated.Count} classes");
        return validated;
    }

    private static List<string> ParseInline(string value, int lineNumber)
    {
        if (!value.StartsWith('[') || !value.EndsWith(']'))
            throw new DatasetLayoutException($"data.yaml line {lineNumber}: names must be a list [a, b], a block list or a map");
        var inner = value[1..^1].Trim();
        return inner.Length == 0 ? [] : [.. inner.Split(',').Select(Unquote)];
    }

    private static List<string> ParseBlock(string[] lines, int start)
    {
        var names = new List<string>();
        var byIndex = new SortedDictionary<int, string>();
        for (var i = start; i < lines.Length; i++)
        {
            var raw = StripComment(lines[i]);
            if (raw.Trim().Length == 0)
                continue;
            // A block ends at the next top-level key; YAML also allows "- a" at column 0 under a key.
            if (!char.IsWhiteSpace(raw[0]) && !raw.StartsWith('-'))
                break;
            var item = raw.Trim();
            if (item.StartsWith('-'))
                names.Add(Unquote(item[1..]));
            else
            {
                var (key, value) = SplitKey(item);
                if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    throw new DatasetLayoutException($"data.yaml line {i + 1}: '{item}' is neither '- name' nor 'id: name'");
                if (!byIndex.TryAdd(index, Unquote(value)))
                    throw new DatasetLayoutException($"data.yaml line {i + 1}: class id {index} appears twice");
            }
        }
        if (byIndex.Count == 0)
            return names;
        if (names.Count > 0)
            throw new DatasetLayoutException("data.yaml: names mixes '- name' and 'id: name' entries");
        var expected = 0;
        foreach (var index in byIndex.Keys)
            if (index != expected++)
                throw new DatasetLayoutException($"data.yaml: names map skips class id {expected - 1}");
        return [.. byIndex.Values];
    }

    private static (string Key, string Value) SplitKey(string line)
    {
        var colon = line.IndexOf(':');
        return colon < 0 ? (line.Trim(), "") : (line[..colon].Trim(), line[(colon + 1)..].Trim());
    }

    private static string StripComment(string line)
    {
        // A '#' starts a comment only outside quotes and after whitespace (YAML rule), enough for class names.
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '\'' or '"') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i].TrimEnd();
        }
        return line.TrimEnd();
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        return value.Length >= 2 && (value[0] == '\'' && value[^1] == '\'' || value[0] == '"' && value[^1] == '"') ? value[1..^1] : value;
    }
}
