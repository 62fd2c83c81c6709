using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Pipeline;

/// <summary>
/// Repeats every file of another tree <c>n</c> times under distinct names (<c>x.jpg</c> → <c>x~r002.jpg</c>), without
/// copying, so a benchmark can run a small dataset at scale. Root files (classes.txt) appear once.
/// </summary>
public sealed class RepeatedSourceTree : ISourceTree
{
    private readonly ISourceTree _inner;

    /// <summary>Wraps <paramref name="inner"/>, repeating it <paramref name="times"/> times.</summary>
    public RepeatedSourceTree(ISourceTree inner, int times)
    {
        _inner = inner;
        Files = [.. inner.Files.SelectMany(f => f.RelativePath.Contains('/')
                ? Enumerable.Range(0, times).Select(k => f with { RelativePath = Rename(f.RelativePath, k) })
                : [f])
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public string Description => _inner.Description + " (repeated)";

    /// <inheritdoc />
    public IReadOnlyList<SourceFile> Files { get; }

    /// <inheritdoc />
    public Task<byte[]> ReadAllBytesAsync(string relativePath, CancellationToken ct) => _inner.ReadAllBytesAsync(Original(relativePath), ct);

    /// <inheritdoc />
    public Task<Stream> OpenAsync(string relativePath, CancellationToken ct) => _inner.OpenAsync(Original(relativePath), ct);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private static string Rename(string path, int copy)
    {
        var extension = Path.GetExtension(path);
        return $"{path[..^extension.Length]}~r{copy:D3}{extension}";
    }

    private static string Original(string path)
    {
        var marker = path.LastIndexOf("~r", StringComparison.Ordinal);
        return marker < 0 ? path : path[..marker] + Path.GetExtension(path);
    }
}
