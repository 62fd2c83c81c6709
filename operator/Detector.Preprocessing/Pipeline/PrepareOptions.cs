using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Pipeline;

/// <summary>What to do with invalid items.</summary>
public enum InvalidPolicy
{
    /// <summary>Stop at the first invalid item, naming file and line (exit 1).</summary>
    Fail,

    /// <summary>Skip invalid boxes/images, report them, and fail only above the maximum skipped fraction.</summary>
    Skip,
}

/// <summary>Everything `detector prepare` needs for one run (the CLI options, parsed).</summary>
public sealed record PrepareOptions
{
    /// <summary>The source as given (path, file://, s3://, https archive, kaggle:).</summary>
    public required string Source { get; init; }

    /// <summary>Where outputs go (file path, file:// or s3://bucket/prefix).</summary>
    public required StorageUri Output { get; init; }

    /// <summary>Comma-separated class names that override classes.txt / data.yaml; null to read them from the source.</summary>
    public string? Classes { get; init; }

    /// <summary>Letterbox canvas, padding and JPEG quality.</summary>
    public LetterboxOptions Letterbox { get; init; } = new();

    /// <summary>Split assignment.</summary>
    public SplitOptions Split { get; init; } = new();

    /// <summary>Fail or skip on invalid items.</summary>
    public InvalidPolicy OnInvalid { get; init; } = InvalidPolicy.Fail;

    /// <summary>Under Skip, the largest share of images that may be skipped before the run fails.</summary>
    public double MaxSkippedFraction { get; init; } = 0.05;

    /// <summary>Pixel budget checked from the header before decoding.</summary>
    public ImageLimits Limits { get; init; } = new();

    /// <summary>Parallel decode/encode workers.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Which slice of the dataset this run processes.</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.Single;

    /// <summary>S3 endpoint and addressing for s3:// sources and outputs.</summary>
    public S3StorageSettings S3 { get; init; } = S3StorageSettings.Default;

    /// <summary>Scratch folder for downloaded/extracted sources; null uses the default.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Largest label file read (bytes), checked from its size before reading.</summary>
    public long MaxLabelBytes { get; init; } = InputBudgets.MaxLabelBytes;

    /// <summary>Most boxes in one image.</summary>
    public int MaxBoxesPerImage { get; init; } = InputBudgets.MaxBoxesPerImage;

    /// <summary>Most findings listed in report.json (counts stay exact).</summary>
    public int MaxFindings { get; init; } = InputBudgets.MaxReportedFindings;

    /// <summary>Largest archive download (bytes); null keeps the source default (environment or <see cref="InputBudgets"/>).</summary>
    public long? MaxDownloadBytes { get; init; }

    /// <summary>Largest extracted size (bytes); null keeps the source default.</summary>
    public long? MaxExtractedBytes { get; init; }

    /// <summary>Largest ratio of extracted to archive bytes.</summary>
    public int MaxExtractionRatio { get; init; } = InputBudgets.MaxExtractionRatio;

    /// <summary>Bytes the scratch folder may hold (the Job's emptyDir sizeLimit); null when unknown.</summary>
    public long? ScratchBytes { get; init; }

    /// <summary>Expected SHA-256 (lower-case hex) of an http(s) archive; null when not checked.</summary>
    public string? ArchiveSha256 { get; init; }

    /// <summary>Skip images whose bytes equal an earlier image's (off only for benchmarks that repeat a source).</summary>
    public bool DetectDuplicates { get; init; } = true;

    /// <summary>How far outside [0,1] a label value may stray and still be clamped.</summary>
    public double LabelTolerance { get; init; } = 1e-3;

    /// <summary>The settings recorded in manifest.json (everything that changes the bytes produced).</summary>
    public IReadOnlyDictionary<string, string> ManifestSettings(string classNamesSource, bool computedSplit) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["imageSize"] = Letterbox.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["padColor"] = Letterbox.PadColor,
        ["jpegQuality"] = Letterbox.JpegQuality.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["validationFraction"] = Split.ValidationFraction.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        ["seed"] = Split.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["testSplit"] = Split.Test.ToString(),
        ["split"] = computedSplit ? "computed" : "source",
        ["onInvalid"] = OnInvalid.ToString(),
        ["maxPixels"] = Limits.MaxPixels.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["classNames"] = classNamesSource,
        ["labelTolerance"] = LabelTolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The run stopped because of the data or the policy (exit code 1); the message names file and line.</summary>
public sealed class PrepareFailedException(string message) : Exception(message);
