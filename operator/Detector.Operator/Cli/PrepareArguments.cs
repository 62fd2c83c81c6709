using System.Globalization;
using Detector.Preprocessing;
using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Storage;

namespace Detector.Operator.Cli;

/// <summary>The command line was wrong (exit code 2); the message names the option.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Turns prepare's raw option values into <see cref="PrepareOptions"/> (pure). Values arrive as strings so every
/// malformed value becomes a usage error (exit 2) naming the option, never a data failure (exit 1).
/// </summary>
public static class PrepareArguments
{
    /// <summary>Parses; <paramref name="get"/> returns an option's value (by its long name) or null when absent.</summary>
    public static PrepareOptions Parse(Func<string, string?> get, S3StorageSettings environmentS3)
    {
        var source = get("--source") ?? throw new UsageException("--source is required (a folder, file://, s3://, https archive or kaggle:owner/name)");
        var output = Parse("--output", get("--output") ?? throw new UsageException("--output is required (a folder, file:// or s3://bucket/prefix)"), StorageUri.Parse);
        var letterbox = new LetterboxOptions(
            Int(get, "--image-size", 512, 32, 4096),
            get("--pad-color") ?? "#727272",
            Int(get, "--jpeg-quality", 95, 1, 100));
        Parse("--pad-color", letterbox.PadColor, LetterboxOptions.ParseColor);
        var split = new SplitOptions(
            Double(get, "--validation-fraction", 0.2, 0, 1, exclusive: true),
            Int(get, "--seed", 42, int.MinValue, int.MaxValue),
            Enum(get, "--test-split", TestSplitPolicy.Ignore));
        return new PrepareOptions
        {
            Source = source,
            Output = output,
            Classes = get("--classes"),
            Letterbox = letterbox,
            Split = split,
            OnInvalid = Enum(get, "--on-invalid", InvalidPolicy.Fail),
            MaxSkippedFraction = Double(get, "--max-skipped-fraction", 0.05, 0, 1, exclusive: false),
            Limits = new ImageLimits(
                MaxPixels: Long(get, "--max-pixels", new ImageLimits().MaxPixels),
                MaxMetadataBytes: Long(get, "--max-image-metadata-bytes", InputBudgets.MaxImageMetadataBytes),
                MaxImageBytes: Long(get, "--max-image-bytes", InputBudgets.MaxImageBytes)),
            MaxLabelBytes = Long(get, "--max-label-bytes", InputBudgets.MaxLabelBytes),
            MaxBoxesPerImage = Int(get, "--max-boxes-per-image", InputBudgets.MaxBoxesPerImage, 1, 100_000),
            MaxFindings = Int(get, "--max-findings", InputBudgets.MaxReportedFindings, 0, 10_000_000),
            MaxDownloadBytes = get("--max-download-bytes") is null ? null : Long(get, "--max-download-bytes", 0),
            MaxExtractedBytes = get("--max-extracted-bytes") is null ? null : Long(get, "--max-extracted-bytes", 0),
            MaxExtractionRatio = Int(get, "--max-extraction-ratio", InputBudgets.MaxExtractionRatio, 1, 1_000_000),
            ScratchBytes = get("--scratch-bytes") is null ? null : Long(get, "--scratch-bytes", 0),
            ArchiveSha256 = Sha256(get("--sha256")),
            Workers = Int(get, "--workers", Environment.ProcessorCount, 1, 1024),
            Shard = get("--shard") is { } shard ? Parse("--shard", shard, ShardSpec.Parse) : ShardSpec.Single,
            S3 = S3Settings(get, environmentS3),
            WorkDirectory = get("--work-dir"),
        };
    }

    /// <summary>S3 settings: the environment, overridden by --s3-endpoint-url and --s3-force-path-style.</summary>
    public static S3StorageSettings S3Settings(Func<string, string?> get, S3StorageSettings environment)
    {
        var settings = environment;
        if (get("--s3-endpoint-url") is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out _))
                throw new UsageException($"--s3-endpoint-url '{endpoint}' is not an absolute URL");
            // A custom endpoint is an S3-compatible store: path style and checksums-when-required are the safe defaults.
            settings = settings with { ServiceUrl = endpoint, ForcePathStyle = true, ChecksumWhenRequired = true };
        }
        if (get("--s3-force-path-style") is { } pathStyle)
            settings = settings with { ForcePathStyle = Parse("--s3-force-path-style", pathStyle, v => bool.Parse(v)) };
        return settings;
    }

    private static string? Sha256(string? raw)
    {
        if (raw is null)
            return null;
        if (raw.Length != 64 || !raw.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            throw new UsageException($"--sha256 '{Preprocessing.Reporting.TerminalText.Escape(raw)}' must be 64 lower-case hex digits");
        return raw;
    }

    internal static int Int(Func<string, string?> get, string name, int fallback, int min, int max)
    {
        var raw = get(name);
        if (raw is null)
            return fallback;
        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new UsageException($"{name} '{raw}' must be a whole number from {min} to {max}");
        return value;
    }

    private static long Long(Func<string, string?> get, string name, long fallback)
    {
        var raw = get(name);
        if (raw is null)
            return fallback;
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            throw new UsageException($"{name} '{raw}' must be a positive whole number");
        return value;
    }

    private static double Double(Func<string, string?> get, string name, double fallback, double min, double max, bool exclusive)
    {
        var raw = get(name);
        if (raw is null)
            return fallback;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || (exclusive ? value <= min || value >= max : value < min || value > max))
            throw new UsageException($"{name} '{raw}' must be a number {(exclusive ? "between" : "from")} {min} {(exclusive ? "and" : "to")} {max}{(exclusive ? " (exclusive)" : "")}");
        return value;
    }

    private static T Enum<T>(Func<string, string?> get, string name, T fallback) where T : struct, System.Enum
    {
        var raw = get(name);
        if (raw is null)
            return fallback;
        if (!System.Enum.TryParse<T>(raw, ignoreCase: true, out var value) || !System.Enum.IsDefined(value) || int.TryParse(raw, out _))
            throw new UsageException($"{name} '{raw}' must be one of {string.Join(", ", System.Enum.GetNames<T>())}");
        return value;
    }

    private static T Parse<T>(string name, string raw, Func<string, T> parse)
    {
        try
        {
            return parse(raw);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{name}: {e.Message}");
        }
    }
}
