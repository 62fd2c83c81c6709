using System.Globalization;

namespace Detector.Preprocessing.Pipeline;

/// <summary>Which stable slice of each split a run processes: shard <see cref="Index"/> of <see cref="Count"/> (0-based).</summary>
/// <param name="Index">0-based shard number.</param>
/// <param name="Count">Number of shards (1 = the whole dataset).</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole dataset in one run.</summary>
    public static ShardSpec Single { get; } = new(0, 1);

    /// <summary>True when this run processes everything and writes final outputs directly.</summary>
    public bool IsSingle => Count == 1;

    /// <summary>Parses "i/N" (0 ≤ i &lt; N); throws <see cref="FormatException"/> naming the value.</summary>
    public static ShardSpec Parse(string value)
    {
        var parts = value.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
            return new(index, count);
        throw new FormatException($"--shard '{value}' must be i/N with 0 <= i < N, e.g. 3/8");
    }

    /// <summary>The contiguous range [start, end) of a split with <paramref name="total"/> items this shard owns.</summary>
    public (int Start, int End) RangeOf(int total) =>
        ((int)((long)total * Index / Count), (int)((long)total * (Index + 1) / Count));

    /// <summary>Part file name for a split, e.g. "parts/train.part-00003-of-00008.rec".</summary>
    public string PartName(string split, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"parts/{split}.part-{Index:D5}-of-{Count:D5}{extension}");

    /// <summary>The part summary file of this shard, e.g. "parts/summary.part-00003-of-00008.json".</summary>
    public string SummaryName => PartName("summary", ".json");
}
