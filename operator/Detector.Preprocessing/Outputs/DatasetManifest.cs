using System.Text.Json;
using System.Text.Json.Serialization;

namespace Detector.Preprocessing.Outputs;

/// <summary>
/// manifest.json: what a preparation run produced. Written last, so its presence means the output is complete.
/// The Dataset controller reads it to fill the Dataset status; training reads class count, train image count and
/// label width from it. Field names are the wire format: do not rename.
/// </summary>
public sealed record DatasetManifest
{
    /// <summary>Version of this document's shape.</summary>
    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; init; } = 1;

    /// <summary>Version of the detector tool that wrote it.</summary>
    [JsonPropertyName("toolVersion")] public string ToolVersion { get; init; } = "";

    /// <summary>The source as given (credentials never appear here).</summary>
    [JsonPropertyName("source")] public string Source { get; init; } = "";

    /// <summary>Class names in id order.</summary>
    [JsonPropertyName("classes")] public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Per split ("train", "validation"): counts and file names relative to the manifest.</summary>
    [JsonPropertyName("splits")] public IReadOnlyDictionary<string, SplitManifest> Splits { get; init; } = new Dictionary<string, SplitManifest>();

    /// <summary>Largest label array packed in any record (2 + 5 × boxes); training's label_width must be at least this.</summary>
    [JsonPropertyName("labelWidth")] public int LabelWidth { get; init; }

    /// <summary>Items not packed, by reason code (details in report.json).</summary>
    [JsonPropertyName("skipped")] public IReadOnlyDictionary<string, long> Skipped { get; init; } = new Dictionary<string, long>();

    /// <summary>Hex SHA-256 over the .rec files' bytes in split order: equal hashes mean identical training data.</summary>
    [JsonPropertyName("contentHash")] public string ContentHash { get; init; } = "";

    /// <summary>The settings the data was prepared with (image size, pad colour, JPEG quality, split).</summary>
    [JsonPropertyName("settings")] public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>When the run finished (UTC).</summary>
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Serializer options used for manifest.json (indented, camelCase as declared).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}

/// <summary>One split of the manifest.</summary>
public sealed record SplitManifest
{
    /// <summary>Records (images) packed.</summary>
    [JsonPropertyName("images")] public long Images { get; init; }

    /// <summary>Boxes packed.</summary>
    [JsonPropertyName("boxes")] public long Boxes { get; init; }

    /// <summary>Boxes per class name.</summary>
    [JsonPropertyName("boxesPerClass")] public IReadOnlyDictionary<string, long> BoxesPerClass { get; init; } = new Dictionary<string, long>();

    /// <summary>RecordIO file, relative to the manifest (e.g. "train.rec").</summary>
    [JsonPropertyName("rec")] public string Rec { get; init; } = "";

    /// <summary>Index file (index, offset per line).</summary>
    [JsonPropertyName("idx")] public string Idx { get; init; } = "";

    /// <summary>im2rec list file.</summary>
    [JsonPropertyName("lst")] public string Lst { get; init; } = "";
}
