using System.Text;
using Detector.Preprocessing.Layout;
using Detector.Preprocessing.Reporting;

namespace Detector.Preprocessing.Pipeline;

/// <summary>The whole plan of a run: classes, splits, and findings about files that are not images.</summary>
/// <param name="Classes">Class names in id order.</param>
/// <param name="ClassNamesSource">Where the names came from.</param>
/// <param name="Layout">The recognised layout.</param>
/// <param name="Splits">Images per split in record-id order.</param>
/// <param name="LayoutFindings">Orphan labels, unsupported and ignored files, and ignored test images.</param>
public sealed record PreparePlan(
    IReadOnlyList<string> Classes, ClassNamesSource ClassNamesSource, DatasetLayout Layout, SplitPlan Splits, IReadOnlyList<Finding> LayoutFindings)
{
    /// <summary>The items of a split this shard processes, with their global record ids.</summary>
    public IEnumerable<PlannedItem> ItemsFor(TargetSplit split, ShardSpec shard)
    {
        var images = Splits.Of(split);
        var (start, end) = shard.RangeOf(images.Count);
        for (var i = start; i < end; i++)
            yield return new PlannedItem((ulong)i, split, images[i]);
    }
}

/// <summary>Builds a <see cref="PreparePlan"/> from file paths and the class-name files (pure).</summary>
public static class PreparePlanner
{
    /// <summary>Plans a run. <paramref name="readText"/> returns a root file's text, or null when absent.</summary>
    public static PreparePlan Plan(IReadOnlyList<string> relativePaths, Func<string, string?> readText, PrepareOptions options)
    {
        // A tab or line break cannot be written to a .lst line, and ESC would reach terminals: such files are findings.
        var unsafeNames = relativePaths.Where(p => p.Any(TerminalText.NeedsEscape)).ToList();
        if (unsafeNames.Count > 0)
            relativePaths = [.. relativePaths.Where(p => !p.Any(TerminalText.NeedsEscape))];
        var layout = LayoutDetector.Detect(relativePaths);
        var (classes, namesSource) = ClassNames.Resolve(options.Classes, readText("classes.txt"), readText("data.yaml") ?? readText("data.yml"));
        var splits = SplitPlanner.Plan(layout.Images, options.Split);
        var findings = layout.Findings.Select(f => new Finding(
                f.RelativePath, null, f.Code, f.Message,
                f.Code == IssueCodes.IgnoredFile ? FindingEffect.Note : FindingEffect.SkippedItem,
                IsInvalidInput: f.Code != IssueCodes.IgnoredFile))
            .Concat(unsafeNames.Select(p => new Finding(TerminalText.Escape(p), null, IssueCodes.UnsupportedFile,
                "the file name holds a control character (tab, line break, escape): rename it", FindingEffect.SkippedItem, IsInvalidInput: true)))
            .Concat(splits.Ignored.Select(i => new Finding(
                i.ImagePath, null, IssueCodes.IgnoredTestSplit, "test split left out (--test-split Ignore)", FindingEffect.Note, IsInvalidInput: false)))
            .ToList();
        return new(classes, namesSource, layout, splits, findings);
    }

    /// <summary>Decodes a small text file (UTF-8, BOM tolerated).</summary>
    public static string DecodeText(byte[] bytes) => new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
}
