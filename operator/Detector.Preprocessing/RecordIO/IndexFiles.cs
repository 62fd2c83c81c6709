using System.Globalization;
using System.Text;

namespace Detector.Preprocessing.RecordIO;

/// <summary>
/// The text side files of a RecordIO set, as im2rec writes them: .idx ("id\toffset") and .lst ("id\tlabel…\tpath").
/// </summary>
public static class IndexFiles
{
    /// <summary>One .idx line including the trailing newline.</summary>
    public static string IdxLine(ulong id, long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return string.Create(CultureInfo.InvariantCulture, $"{id}\t{offset}\n");
    }

    /// <summary>
    /// One .lst line including the trailing newline. Floats use the shortest invariant text that parses back to the
    /// same float32 (im2rec writes "%f", which loses digits; readers parse either).
    /// </summary>
    public static string LstLine(ulong id, ReadOnlySpan<float> label, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (relativePath.Length == 0 || relativePath.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
            throw new ArgumentException($"A .lst path must be non-empty and free of tabs and line breaks: '{relativePath}'", nameof(relativePath));
        var line = new StringBuilder();
        line.Append(id.ToString(CultureInfo.InvariantCulture)).Append('\t');
        foreach (var value in label)
            line.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\t');
        return line.Append(relativePath).Append('\n').ToString();
    }

    /// <summary>Parses an .idx file (blank lines ignored); throws <see cref="FormatException"/> naming the line on a bad line.</summary>
    public static IEnumerable<(ulong Id, long Offset)> ParseIdx(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return ParseIdxLine(line, number);
        }
    }

    /// <summary>Adds <paramref name="baseOffset"/> to every offset (when concatenating .rec shards).</summary>
    public static string RebaseIdx(string idxText, long baseOffset)
    {
        ArgumentNullException.ThrowIfNull(idxText);
        ArgumentOutOfRangeException.ThrowIfNegative(baseOffset);
        var rebased = new StringBuilder(idxText.Length + 16);
        foreach (var (id, offset) in ParseIdx(new StringReader(idxText)))
            rebased.Append(IdxLine(id, checked(offset + baseOffset)));
        return rebased.ToString();
    }

    private static (ulong Id, long Offset) ParseIdxLine(string line, int number)
    {
        var parts = line.Split('\t');
        if (parts.Length == 2
            && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && long.TryParse(parts[1].TrimEnd('\r'), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            return (id, offset);
        var shown = line.Length <= 60 ? line : line[..60] + "…";
        throw new FormatException($".idx line {number} is not \"id<TAB>offset\": \"{shown}\"");
    }
}
