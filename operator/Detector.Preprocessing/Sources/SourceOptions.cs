using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Sources;

/// <summary>How <see cref="DatasetSources.OpenAsync"/> reaches and unpacks a source.</summary>
public sealed record SourceOptions
{
    /// <summary>Default Kaggle API root.</summary>
    public const string DefaultKaggleApiBase = "https://www.kaggle.com/api/v1";

    /// <summary>Where archives are downloaded and extracted (the Job mounts an emptyDir here). Defaults to a temp folder.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "detector-sources");

    /// <summary>S3 settings for s3:// sources.</summary>
    public S3StorageSettings S3 { get; init; } = S3StorageSettings.Default;

    /// <summary>HTTP client for http(s) and Kaggle downloads; null creates one (disposed with the call).</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Handler for the created client when <see cref="HttpClient"/> is null (tests inject fakes here).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>Kaggle API root (env KAGGLE_API_BASE overrides the default in <see cref="FromEnvironment"/>).</summary>
    public string KaggleApiBase { get; init; } = DefaultKaggleApiBase;

    /// <summary>Explicit Kaggle credentials; null reads KAGGLE_USERNAME/KAGGLE_KEY or kaggle.json.</summary>
    public KaggleCredentials? KaggleCredentials { get; init; }

    /// <summary>Largest archive download accepted, in bytes.</summary>
    public long MaxDownloadBytes { get; init; } = InputBudgets.MaxDownloadBytes;

    /// <summary>Largest total extracted size accepted, in bytes (actual bytes written, not header claims).</summary>
    public long MaxExtractedBytes { get; init; } = InputBudgets.MaxExtractedBytes;

    /// <summary>Largest ratio of extracted to downloaded bytes (at least <see cref="InputBudgets.ExtractionRatioFloorBytes"/> are always allowed).</summary>
    public int MaxExtractionRatio { get; init; } = InputBudgets.MaxExtractionRatio;

    /// <summary>Bytes the work directory may hold (the Job's emptyDir sizeLimit); bounds download plus extraction. Null when unknown.</summary>
    public long? ScratchBytes { get; init; }

    /// <summary>Expected SHA-256 of an http(s) archive (lower-case hex), checked before extraction; null when not checked.</summary>
    public string? ArchiveSha256 { get; init; }

    /// <summary>
    /// Allows downloads from loopback and link-local addresses (tests and local development only; env
    /// DETECTOR_ALLOW_LOOPBACK_SOURCES=true). Off, a host resolving to one of them is refused after DNS resolution.
    /// </summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Most archive entries accepted.</summary>
    public int MaxEntries { get; init; } = InputBudgets.MaxArchiveEntries;

    /// <summary>The download limit after the scratch space is taken into account.</summary>
    public long EffectiveDownloadLimit => ScratchBytes is { } scratch ? Math.Min(MaxDownloadBytes, scratch) : MaxDownloadBytes;

    /// <summary>The extraction limit for an archive of <paramref name="archiveBytes"/> (pure): configured cap, ratio, and what the scratch space has left.</summary>
    public long ExtractionLimit(long archiveBytes)
    {
        var byRatio = Math.Max(InputBudgets.ExtractionRatioFloorBytes, archiveBytes > long.MaxValue / MaxExtractionRatio ? long.MaxValue : archiveBytes * MaxExtractionRatio);
        var limit = Math.Min(MaxExtractedBytes, byRatio);
        return ScratchBytes is { } scratch ? Math.Max(0, Math.Min(limit, scratch - archiveBytes)) : limit;
    }

    /// <summary>Overrides <see cref="MaxDownloadBytes"/>.</summary>
    public const string MaxDownloadBytesVariable = "DETECTOR_SOURCE_MAX_DOWNLOAD_BYTES";

    /// <summary>Overrides <see cref="MaxExtractedBytes"/>.</summary>
    public const string MaxExtractedBytesVariable = "DETECTOR_SOURCE_MAX_EXTRACTED_BYTES";

    /// <summary>Overrides <see cref="MaxEntries"/>.</summary>
    public const string MaxEntriesVariable = "DETECTOR_SOURCE_MAX_ENTRIES";

    /// <summary>Sets <see cref="AllowLoopback"/> (local development against a server on this machine).</summary>
    public const string AllowLoopbackVariable = "DETECTOR_ALLOW_LOOPBACK_SOURCES";

    /// <summary>Defaults plus what the process environment says (see <see cref="FromVariables"/>).</summary>
    public static SourceOptions FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Defaults plus S3 settings (<see cref="S3StorageSettings.FromVariables"/>), KAGGLE_API_BASE, DETECTOR_WORK_DIR and the
    /// DETECTOR_SOURCE_MAX_* limits; a malformed limit throws naming its variable.
    /// </summary>
    public static SourceOptions FromVariables(Func<string, string?> get)
    {
        var defaults = new SourceOptions();
        return new()
        {
            S3 = S3StorageSettings.FromVariables(get),
            KaggleApiBase = get("KAGGLE_API_BASE") is { Length: > 0 } kaggle ? kaggle : DefaultKaggleApiBase,
            WorkDirectory = get("DETECTOR_WORK_DIR") is { Length: > 0 } work ? work : defaults.WorkDirectory,
            MaxDownloadBytes = Positive(get, MaxDownloadBytesVariable) ?? defaults.MaxDownloadBytes,
            MaxExtractedBytes = Positive(get, MaxExtractedBytesVariable) ?? defaults.MaxExtractedBytes,
            MaxEntries = (int?)Positive(get, MaxEntriesVariable, int.MaxValue) ?? defaults.MaxEntries,
            AllowLoopback = string.Equals(get(AllowLoopbackVariable), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static long? Positive(Func<string, string?> get, string name, long max = long.MaxValue)
    {
        var value = get(name);
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (long.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 && n <= max)
            return n;
        throw new FormatException($"{name}='{value}' is not a positive whole number (at most {max})");
    }
}

/// <summary>Kaggle API credentials (username and API key, as in kaggle.json).</summary>
public sealed record KaggleCredentials(string Username, string Key)
{
    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"KaggleCredentials {{ Username = {Username} }}";
}
