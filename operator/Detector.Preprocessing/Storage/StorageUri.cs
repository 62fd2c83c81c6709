namespace Detector.Preprocessing.Storage;

/// <summary>
/// A location in object storage or on the local disk: <c>s3://bucket/key</c>, <c>file:///abs/path</c>, or a plain path.
/// Keys use '/' separators; a prefix is a key that ends in '/' by convention only.
/// </summary>
public sealed record StorageUri
{
    /// <summary>"s3" or "file".</summary>
    public string Scheme { get; }

    /// <summary>The bucket (s3) or empty (file).</summary>
    public string Bucket { get; }

    /// <summary>The object key (s3) or absolute local path (file).</summary>
    public string Key { get; }

    private StorageUri(string scheme, string bucket, string key) => (Scheme, Bucket, Key) = (scheme, bucket, key);

    /// <summary>True for s3:// locations.</summary>
    public bool IsS3 => Scheme == "s3";

    /// <summary>Parses s3://, file:// or a plain (relative or absolute) path; throws <see cref="FormatException"/> naming the input.</summary>
    public static StorageUri Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith("s3://", StringComparison.Ordinal))
        {
            var rest = value["s3://".Length..];
            var slash = rest.IndexOf('/');
            var bucket = slash < 0 ? rest : rest[..slash];
            if (bucket.Length == 0)
                throw new FormatException($"'{value}' is not an S3 URI: the bucket is missing");
            return new("s3", bucket, slash < 0 ? "" : rest[(slash + 1)..]);
        }
        if (value.StartsWith("file://", StringComparison.Ordinal))
            return new("file", "", Path.GetFullPath(Uri.UnescapeDataString(value["file://".Length..])));
        if (value.Contains("://", StringComparison.Ordinal))
            throw new FormatException($"'{value}' is not a storage location: use s3://bucket/prefix, file:///path or a local path");
        return new("file", "", Path.GetFullPath(value));
    }

    /// <summary>A child location: key joined with a relative path using '/'.</summary>
    public StorageUri Join(string relative)
    {
        relative = relative.TrimStart('/');
        if (IsS3)
            return new(Scheme, Bucket, Key.Length == 0 ? relative : Key.TrimEnd('/') + "/" + relative);
        return new(Scheme, Bucket, Path.Combine(Key, relative.Replace('/', Path.DirectorySeparatorChar)));
    }

    /// <inheritdoc />
    public override string ToString() => IsS3 ? $"s3://{Bucket}/{Key}" : "file://" + Key;
}
