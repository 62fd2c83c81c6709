using System.Text.Json;
using System.Text.Json.Serialization;
using Detector.Preprocessing.Geometry;

namespace Detector.Preprocessing.Reporting;

/// <summary>Counts of one split in one run (or the sum over shards).</summary>
public sealed class SplitTally
{
    /// <summary>Images planned for this split in this run.</summary>
    [JsonPropertyName("planned")] public long Planned { get; set; }

    /// <summary>Records packed.</summary>
    [JsonPropertyName("packed")] public long Packed { get; set; }

    /// <summary>Boxes packed.</summary>
    [JsonPropertyName("boxes")] public long Boxes { get; set; }

    /// <summary>Boxes packed per class id.</summary>
    [JsonPropertyName("boxesPerClass")] public long[] BoxesPerClass { get; set; } = [];

    /// <summary>Largest packed label (2 + 5·n).</summary>
    [JsonPropertyName("labelWidth")] public int LabelWidth { get; set; }

    /// <summary>Bytes of the .rec written.</summary>
    [JsonPropertyName("recBytes")] public long RecBytes { get; set; }
}

/// <summary>
/// Everything a run learned, in a form that adds up across shards: a shard writes it as its part summary, merge sums
/// the parts, and the final report and manifest are built from the sum (so a single run and shards+merge agree).
/// </summary>
public sealed class RunSummary
{
    /// <summary>Upper bounds (exclusive, output pixels, longest box side) of the box-size histogram bins; the last bin is open.</summary>
    public static readonly int[] HistogramBounds = [8, 16, 32, 64, 128, 256];

    /// <summary>Class names in id order.</summary>
    [JsonPropertyName("classes")] public IReadOnlyList<string> Classes { get; set; } = [];

    /// <summary>The source as given.</summary>
    [JsonPropertyName("source")] public string Source { get; set; } = "";

    /// <summary>Where the class names came from.</summary>
    [JsonPropertyName("classNamesSource")] public string ClassNamesSource { get; set; } = "";

    /// <summary>The settings recorded in the manifest.</summary>
    [JsonPropertyName("settings")] public IReadOnlyDictionary<string, string> Settings { get; set; } = new Dictionary<string, string>();

    /// <summary>True when the split was computed from the seed.</summary>
    [JsonPropertyName("computedSplit")] public bool ComputedSplit { get; set; }

    /// <summary>Shard index of this summary (0 for a single run or a merge).</summary>
    [JsonPropertyName("shardIndex")] public int ShardIndex { get; set; }

    /// <summary>Shard count.</summary>
    [JsonPropertyName("shardCount")] public int ShardCount { get; set; } = 1;

    /// <summary>Per split ("train", "validation").</summary>
    [JsonPropertyName("splits")] public SortedDictionary<string, SplitTally> Splits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Images considered (planned images plus unsupported files in image folders).</summary>
    [JsonPropertyName("images")] public long Images { get; set; }

    /// <summary>Images skipped because they were invalid (rejected, unsupported, duplicate).</summary>
    [JsonPropertyName("skippedImages")] public long SkippedImages { get; set; }

    /// <summary>Background images (no or empty label file), not packed.</summary>
    [JsonPropertyName("backgroundImages")] public long BackgroundImages { get; set; }

    /// <summary>Images whose boxes were all dropped, not packed.</summary>
    [JsonPropertyName("imagesWithoutBoxes")] public long ImagesWithoutBoxes { get; set; }

    /// <summary>Boxes dropped because they became degenerate after letterboxing.</summary>
    [JsonPropertyName("degenerateBoxes")] public long DegenerateBoxes { get; set; }

    /// <summary>Boxes dropped because their label line was invalid.</summary>
    [JsonPropertyName("invalidBoxes")] public long InvalidBoxes { get; set; }

    /// <summary>Test-split images left out by the test-split policy.</summary>
    [JsonPropertyName("ignoredTestImages")] public long IgnoredTestImages { get; set; }

    /// <summary>Sum of source image pixels (header sizes), for throughput figures.</summary>
    [JsonPropertyName("sourcePixels")] public long SourcePixels { get; set; }

    /// <summary>Box counts per <see cref="HistogramBounds"/> bin.</summary>
    [JsonPropertyName("boxSizeHistogram")] public long[] BoxSizeHistogram { get; set; } = new long[HistogramBounds.Length + 1];

    /// <summary>
    /// The findings kept, in processing order (split, then record id): every per-image background/no-box finding, and
    /// the others up to <see cref="MaxFindings"/>; <see cref="FindingCounts"/> stays exact.
    /// </summary>
    [JsonPropertyName("findings")] public List<Finding> Findings { get; set; } = [];

    /// <summary>Findings per code, all of them (including those not kept).</summary>
    [JsonPropertyName("findingCounts")] public SortedDictionary<string, long> FindingCounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Skipped items per code, all of them.</summary>
    [JsonPropertyName("skippedCounts")] public SortedDictionary<string, long> SkippedCounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Findings counted but not kept because of <see cref="MaxFindings"/>.</summary>
    [JsonPropertyName("findingsOmitted")] public long FindingsOmitted { get; set; }

    /// <summary>Most capped findings kept (report.json's budget; --max-findings).</summary>
    [JsonIgnore] public int MaxFindings { get; set; } = InputBudgets.MaxReportedFindings;

    private int _cappedKept;

    /// <summary>Counts a finding and keeps it while the budget lasts (one per image for background/no-box findings, always).</summary>
    public void Record(Finding finding)
    {
        FindingCounts[finding.Code] = FindingCounts.GetValueOrDefault(finding.Code) + 1;
        if (finding.Effect == FindingEffect.SkippedItem)
            SkippedCounts[finding.Code] = SkippedCounts.GetValueOrDefault(finding.Code) + 1;
        Keep(finding);
    }

    /// <summary>Counts findings that were never listed (a parser's budget cut them off before they were made).</summary>
    public void CountOmitted(string code, long count)
    {
        FindingCounts[code] = FindingCounts.GetValueOrDefault(code) + count;
        FindingsOmitted += count;
    }

    private void Keep(Finding finding)
    {
        // Background and no-box findings are one per image, like the .lst lines, and report.json lists those images.
        if (finding.Code is Layout.IssueCodes.Background or Layout.IssueCodes.NoBoxes)
            Findings.Add(finding);
        else if (_cappedKept < MaxFindings)
        {
            _cappedKept++;
            Findings.Add(finding);
        }
        else
            FindingsOmitted++;
    }

    /// <summary>The tally of a split, created on first use.</summary>
    public SplitTally Split(string name)
    {
        if (!Splits.TryGetValue(name, out var tally))
            Splits[name] = tally = new SplitTally { BoxesPerClass = new long[Classes.Count] };
        return tally;
    }

    /// <summary>Adds one packed output box to the histogram (longest side in output pixels).</summary>
    public void CountBoxSize(BoxCorners box, int imageSize)
    {
        var side = Math.Max(box.XMax - box.XMin, box.YMax - box.YMin) * imageSize;
        var bin = 0;
        while (bin < HistogramBounds.Length && side >= HistogramBounds[bin])
            bin++;
        BoxSizeHistogram[bin]++;
    }

    /// <summary>Histogram bin labels, e.g. "&lt;8", "8-16", "≥256".</summary>
    public static IReadOnlyList<string> HistogramLabels() =>
        [$"<{HistogramBounds[0]}", .. HistogramBounds.Zip(HistogramBounds.Skip(1), (a, b) => $"{a}-{b}"), $">={HistogramBounds[^1]}"];

    /// <summary>Sums shard summaries in shard order (findings concatenated in that order).</summary>
    public static RunSummary Sum(IReadOnlyList<RunSummary> parts)
    {
        var total = new RunSummary { Classes = parts[0].Classes, ShardCount = 1, Source = parts[0].Source, ClassNamesSource = parts[0].ClassNamesSource, ComputedSplit = parts[0].ComputedSplit, Settings = parts[0].Settings };
        foreach (var part in parts)
        {
            foreach (var (name, tally) in part.Splits)
            {
                var sum = total.Split(name);
                sum.Planned += tally.Planned;
                sum.Packed += tally.Packed;
                sum.Boxes += tally.Boxes;
                sum.RecBytes += tally.RecBytes;
                sum.LabelWidth = Math.Max(sum.LabelWidth, tally.LabelWidth);
                for (var c = 0; c < sum.BoxesPerClass.Length; c++)
                    sum.BoxesPerClass[c] += tally.BoxesPerClass[c];
            }
            total.Images += part.Images;
            total.SkippedImages += part.SkippedImages;
            total.SourcePixels += part.SourcePixels;
            total.BackgroundImages += part.BackgroundImages;
            total.ImagesWithoutBoxes += part.ImagesWithoutBoxes;
            total.DegenerateBoxes += part.DegenerateBoxes;
            total.InvalidBoxes += part.InvalidBoxes;
            total.IgnoredTestImages += part.IgnoredTestImages;
            for (var b = 0; b < total.BoxSizeHistogram.Length; b++)
                total.BoxSizeHistogram[b] += part.BoxSizeHistogram[b];
            foreach (var finding in part.Findings)
                total.Keep(finding);
            total.FindingsOmitted += part.FindingsOmitted;
            foreach (var (code, count) in part.FindingCounts)
                total.FindingCounts[code] = total.FindingCounts.GetValueOrDefault(code) + count;
            foreach (var (code, count) in part.SkippedCounts)
                total.SkippedCounts[code] = total.SkippedCounts.GetValueOrDefault(code) + count;
        }
        return total;
    }

    /// <summary>JSON options for part summaries.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
