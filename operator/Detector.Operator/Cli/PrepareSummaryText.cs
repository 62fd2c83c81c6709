using System.Globalization;
using System.Text;
using Detector.Preprocessing.Outputs;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Reporting;
using Detector.Preprocessing.Storage;

namespace Detector.Operator.Cli;

/// <summary>The human-readable summary prepare prints at the end (pure).</summary>
public static class PrepareSummaryText
{
    /// <summary>Counts per split and class, skipped items, outputs and the preview path.</summary>
    public static string Format(RunSummary? summary, DatasetManifest? manifest, StorageUri output, ShardSpec shard)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (manifest is not null)
        {
            foreach (var (name, split) in manifest.Splits)
            {
                text.Append(inv, $"{name}: {split.Images} images, {split.Boxes} boxes (");
                text.Append(string.Join(", ", split.BoxesPerClass.Select(c => $"{Preprocessing.Reporting.TerminalText.Escape(c.Key)} {c.Value}")));
                text.Append(")\n");
            }
            text.Append(inv, $"label width: {manifest.LabelWidth}\n");
            text.Append(manifest.Skipped.Count == 0
                ? "not packed: none\n"
                : "not packed: " + string.Join(", ", manifest.Skipped.Select(s => $"{s.Key} {s.Value}")) + " (details in report.json)\n");
        }
        else if (summary is not null)
            foreach (var (name, tally) in summary.Splits)
                text.Append(inv, $"{name} (shard {shard.Index}/{shard.Count}): {tally.Packed} of {tally.Planned} images packed, {tally.Boxes} boxes\n");
        if (summary is not null)
            text.Append(inv, $"dropped boxes: {summary.InvalidBoxes} invalid, {summary.DegenerateBoxes} degenerate after letterboxing\n");
        if (shard.IsSingle)
        {
            text.Append(inv, $"outputs: {output.Join("train.rec")} (+ .idx, .lst), {output.Join("validation.rec")} (+ .idx, .lst)\n");
            text.Append(inv, $"report: {Show(output.Join("report.json"))}\n");
            text.Append(inv, $"manifest: {Show(output.Join("manifest.json"))}\n");
            text.Append(inv, $"preview: {Show(output.Join("preview.png"))}\n");
        }
        else
            text.Append(inv, $"parts: {output.Join("parts/")} (run `detector prepare merge --output {output} --shards {shard.Count}` when every shard is done)\n");
        return text.ToString();
    }

    // Local outputs print as paths relative to the working directory ("out/preview.png"), which is what a newcomer types next.
    private static string Show(StorageUri uri) =>
        uri.IsS3 ? uri.ToString() : Path.GetRelativePath(Environment.CurrentDirectory, uri.Key).Replace(Path.DirectorySeparatorChar, '/');
}
