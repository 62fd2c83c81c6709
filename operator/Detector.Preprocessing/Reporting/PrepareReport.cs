using System.Text.Json;
using System.Text.Json.Serialization;
using Detector.Preprocessing.Layout;

namespace Detector.Preprocessing.Reporting;

/// <summary>report.json: everything not packed and why, plus box statistics. Built from a <see cref="RunSummary"/> (pure).</summary>
public sealed record PrepareReport
{
    /// <summary>Images considered.</summary>
    [JsonPropertyName("images")] public long Images { get; init; }

    /// <summary>Records packed per split.</summary>
    [JsonPropertyName("packed")] public IReadOnlyDictionary<string, long> Packed { get; init; } = new Dictionary<string, long>();

    /// <summary>Invalid images skipped (rejected, unsupported, duplicate).</summary>
    [JsonPropertyName("skippedImages")] public long SkippedImages { get; init; }

    /// <summary>Boxes dropped for an invalid label line.</summary>
    [JsonPropertyName("invalidBoxes")] public long InvalidBoxes { get; init; }

    /// <summary>Boxes dropped because they became degenerate after letterboxing.</summary>
    [JsonPropertyName("degenerateBoxes")] public long DegenerateBoxes { get; init; }

    /// <summary>Background images (no box), not packed.</summary>
    [JsonPropertyName("backgroundImages")] public IReadOnlyList<string> BackgroundImages { get; init; } = [];

    /// <summary>Images left without any box after validation and letterboxing, not packed.</summary>
    [JsonPropertyName("imagesWithoutBoxes")] public IReadOnlyList<string> ImagesWithoutBoxes { get; init; } = [];

    /// <summary>Test-split images left out by the test-split policy.</summary>
    [JsonPropertyName("ignoredTestImages")] public long IgnoredTestImages { get; init; }

    /// <summary>Boxes per split and class name.</summary>
    [JsonPropertyName("boxesPerClass")] public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> BoxesPerClass { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, long>>();

    /// <summary>Packed boxes by longest side in output pixels.</summary>
    [JsonPropertyName("boxSizeHistogram")] public IReadOnlyDictionary<string, long> BoxSizeHistogram { get; init; } = new Dictionary<string, long>();

    /// <summary>Every finding except background images, sorted by file and line.</summary>
    [JsonPropertyName("findings")] public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Every finding counted per code, exact even when <see cref="Findings"/> was cut at its budget.</summary>
    [JsonPropertyName("findingCounts")] public IReadOnlyDictionary<string, long> FindingCounts { get; init; } = new Dictionary<string, long>();

    /// <summary>Findings counted but not listed (the --max-findings budget); 0 when the list is complete.</summary>
    [JsonPropertyName("findingsOmitted")] public long FindingsOmitted { get; init; }

    /// <summary>Serializer options for report.json.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the report from a (summed) run summary.</summary>
    public static PrepareReport From(RunSummary summary)
    {
        var labels = RunSummary.HistogramLabels();
        var sorted = summary.Findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line ?? 0).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        return new()
        {
            Images = summary.Images,
            Packed = summary.Splits.ToDictionary(s => s.Key, s => s.Value.Packed),
            SkippedImages = summary.SkippedImages,
            InvalidBoxes = summary.InvalidBoxes,
            DegenerateBoxes = summary.DegenerateBoxes,
            BackgroundImages = [.. sorted.Where(f => f.Code == IssueCodes.Background).Select(f => f.File)],
            ImagesWithoutBoxes = [.. sorted.Where(f => f.Code == IssueCodes.NoBoxes).Select(f => f.File)],
            IgnoredTestImages = summary.IgnoredTestImages,
            BoxesPerClass = summary.Splits.ToDictionary(
                s => s.Key,
                s => (IReadOnlyDictionary<string, long>)summary.Classes.Select((name, id) => (name, id)).ToDictionary(c => c.name, c => s.Value.BoxesPerClass[c.id])),
            BoxSizeHistogram = labels.Select((label, bin) => (label, bin)).ToDictionary(b => b.label, b => summary.BoxSizeHistogram[b.bin]),
            Findings = [.. sorted.Where(f => f.Code != IssueCodes.Background)],
            FindingCounts = new SortedDictionary<string, long>(summary.FindingCounts, StringComparer.Ordinal),
            FindingsOmitted = summary.FindingsOmitted,
        };
    }
}
