namespace Detector.Preprocessing.RecordIO;

/// <summary>The text side files of a RecordIO set: .idx ("id\toffset") and .lst ("id\tlabel…\tpath").</summary>
public static class IndexFiles
{
    /// <summary>One .idx line including the trailing newline.</summary>
    public static string IdxLine(ulong id, long offset)
    {
        throw new NotImplementedException();
    }

    /// <summary>One .lst line including the trailing newline; floats formatted invariant and round-trippable.</summary>
    public static string LstLine(ulong id, ReadOnlySpan<float> label, string relativePath)
    {
        throw new NotImplementedException();
    }

    /// <summary>Parses an .idx file; throws <see cref="FormatException"/> naming the line on a bad line.</summary>
    public static IEnumerable<(ulong Id, long Offset)> ParseIdx(TextReader reader)
    {
        throw new NotImplementedException();
    }

    /// <summary>Adds <paramref name="baseOffset"/> to every offset (when concatenating .rec shards).</summary>
    public static string RebaseIdx(string idxText, long baseOffset)
    {
        throw new NotImplementedException();
    }
}
