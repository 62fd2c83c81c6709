using System.Reflection;
using System.Text.Json;
using Detector.Preprocessing.Geometry;
using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Outputs;
using Detector.Preprocessing.RecordIO;
using Detector.Preprocessing.Reporting;
using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Pipeline;

/// <summary>Writes report.json, preview.png and, last, manifest.json (its presence means the output is complete).</summary>
public static class OutputFinalizer
{
    /// <summary>Images shown on the preview sheet.</summary>
    public const int PreviewImages = 16;

    /// <summary>Writes the final documents for a complete (single or merged) output and returns the manifest.</summary>
    public static async Task<DatasetManifest> WriteAsync(IObjectStore store, StorageUri output, RunSummary summary, string contentHash,
        string source, IReadOnlyDictionary<string, string> settings, TimeProvider time, CancellationToken ct)
    {
        var report = PrepareReport.From(summary);
        await store.PutAsync(output.Join("report.json"), JsonSerializer.SerializeToUtf8Bytes(report, PrepareReport.JsonOptions), "application/json", ct);
        var tiles = await ReadPreviewTilesAsync(store, output, ct);
        if (tiles.Count > 0)
            await store.PutAsync(output.Join("preview.png"), PreviewRenderer.RenderPng(tiles, summary.Classes), "image/png", ct);
        var manifest = BuildManifest(summary, contentHash, source, settings, time.GetUtcNow());
        await store.PutAsync(output.Join("manifest.json"), JsonSerializer.SerializeToUtf8Bytes(manifest, DatasetManifest.JsonOptions), "application/json", ct);
        return manifest;
    }

    /// <summary>The manifest for a summed run (pure).</summary>
    public static DatasetManifest BuildManifest(RunSummary summary, string contentHash, string source, IReadOnlyDictionary<string, string> settings, DateTimeOffset now) => new()
    {
        ToolVersion = ToolVersion,
        Source = source,
        Classes = summary.Classes,
        Splits = SplitNames.All.ToDictionary(SplitNames.Of, split =>
        {
            var name = SplitNames.Of(split);
            var tally = summary.Splits.GetValueOrDefault(name) ?? new SplitTally { BoxesPerClass = new long[summary.Classes.Count] };
            return new SplitManifest
            {
                Images = tally.Packed,
                Boxes = tally.Boxes,
                BoxesPerClass = summary.Classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => tally.BoxesPerClass[x.i]),
                Rec = name + ".rec",
                Idx = name + ".idx",
                Lst = name + ".lst",
            };
        }),
        LabelWidth = summary.Splits.Values.Select(s => s.LabelWidth).DefaultIfEmpty(0).Max(),
        Skipped = new SortedDictionary<string, long>(summary.SkippedCounts, StringComparer.Ordinal),
        ContentHash = contentHash,
        Settings = settings,
        CreatedAt = now,
    };

    /// <summary>The version of this tool (informational version of the assembly).</summary>
    public static string ToolVersion { get; } =
        typeof(OutputFinalizer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static async Task<List<PreviewTile>> ReadPreviewTilesAsync(IObjectStore store, StorageUri output, CancellationToken ct)
    {
        var tiles = new List<PreviewTile>();
        foreach (var split in SplitNames.All)
        {
            if (tiles.Count >= PreviewImages)
                break;
            await using var stream = await store.OpenReadAsync(output.Join(SplitNames.Of(split) + ".rec"), ct);
            // RecordIOReader is synchronous; buffer the head of the file so S3 reads are not sync-over-async per byte.
            await using var head = new BufferedStream(stream, 1 << 20);
            var reader = new RecordIOReader(head);
            while (tiles.Count < PreviewImages && reader.ReadNext() is { } payload)
            {
                var record = ImageRecord.Unpack(payload);
                tiles.Add(new PreviewTile(record.Image.ToArray(), BoxesOf(record.Label)));
            }
        }
        return tiles;
    }

    private static List<BoxCorners> BoxesOf(float[] label)
    {
        var header = (int)label[0];
        var width = (int)label[1];
        var boxes = new List<BoxCorners>();
        for (var i = header; i + width <= label.Length; i += width)
            boxes.Add(new BoxCorners((int)label[i], label[i + 1], label[i + 2], label[i + 3], label[i + 4]));
        return boxes;
    }
}
