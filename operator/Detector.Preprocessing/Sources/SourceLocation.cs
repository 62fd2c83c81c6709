using System.Text.RegularExpressions;
using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Sources;

/// <summary>What kind of place a dataset source string names.</summary>
public enum SourceKind
{
    /// <summary>A local folder (plain path or file://).</summary>
    Local,

    /// <summary>An S3 prefix (s3://bucket/prefix).</summary>
    S3,

    /// <summary>A zip or tar.gz behind http(s)://.</summary>
    Http,

    /// <summary>A Kaggle dataset (kaggle:owner/name or kaggle://owner/name).</summary>
    Kaggle,
}

/// <summary>A parsed dataset source. Exactly the members that fit <see cref="Kind"/> are set.</summary>
public sealed partial record SourceLocation(SourceKind Kind, string? LocalPath = null, StorageUri? S3 = null, Uri? Url = null,
    string? KaggleOwner = null, string? KaggleDataset = null)
{
    /// <summary>Parses a source string; throws <see cref="FormatException"/> naming it and the accepted forms.</summary>
    public static SourceLocation Parse(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        source = source.Trim();
        if (source.StartsWith("kaggle:", StringComparison.OrdinalIgnoreCase))
        {
            var slug = source["kaggle:".Length..];
            slug = slug.StartsWith("//", StringComparison.Ordinal) ? slug[2..] : slug;
            var match = KaggleSlug().Match(slug);
            if (!match.Success)
                throw new FormatException($"'{source}' is not a Kaggle dataset: use kaggle:owner/dataset-name");
            return new(SourceKind.Kaggle, KaggleOwner: match.Groups["owner"].Value, KaggleDataset: match.Groups["name"].Value);
        }
        if (source.StartsWith("s3://", StringComparison.Ordinal))
            return new(SourceKind.S3, S3: StorageUri.Parse(source));
        if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var url))
                throw new FormatException($"'{Redact(source)}' is not a valid URL");
            return new(SourceKind.Http, Url: url);
        }
        if (source.StartsWith("file://", StringComparison.Ordinal) || !source.Contains("://", StringComparison.Ordinal))
            return new(SourceKind.Local, LocalPath: StorageUri.Parse(source).Key);
        throw new FormatException(
            $"'{Redact(source)}' is not a dataset source: use a local path, file://, s3://bucket/prefix, https://…/data.zip|.tar.gz, or kaggle:owner/name");
    }

    /// <summary>A URL without its query string and user info, which may carry signatures or passwords.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.IsAbsoluteUri && !u.IsFile
            ? $"{u.Scheme}://{u.Authority[(u.Authority.IndexOf('@') + 1)..]}{u.AbsolutePath}"
            : url.Split('?')[0];

    /// <summary>A safe description for logs and errors.</summary>
    public override string ToString() => Kind switch
    {
        SourceKind.Local => LocalPath!,
        SourceKind.S3 => S3!.ToString(),
        SourceKind.Http => Redact(Url!.OriginalString),
        _ => $"kaggle:{KaggleOwner}/{KaggleDataset}",
    };

    [GeneratedRegex(@"^(?<owner>[A-Za-z0-9][A-Za-z0-9_.-]*)/(?<name>[A-Za-z0-9][A-Za-z0-9_.-]*)/?$")]
    private static partial Regex KaggleSlug();
}
