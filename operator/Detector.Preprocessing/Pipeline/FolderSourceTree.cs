using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Pipeline;

/// <summary>
/// A local folder as an <see cref="ISourceTree"/>. Used by bench and tests, and by prepare for local sources while
/// DatasetSources (prep-io) is not complete; it reads files straight from disk.
/// </summary>
public sealed class FolderSourceTree : ISourceTree
{
    private readonly string _root;

    /// <summary>Lists <paramref name="root"/> recursively (ordinal order).</summary>
    public FolderSourceTree(string root)
    {
        _root = Path.GetFullPath(root);
        if (!Directory.Exists(_root))
            throw new DirectoryNotFoundException($"source folder '{root}' does not exist");
        Files = [.. Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(f => new SourceFile(Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'), new FileInfo(f).Length))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public string Description => _root;

    /// <inheritdoc />
    public IReadOnlyList<SourceFile> Files { get; }

    /// <inheritdoc />
    public Task<byte[]> ReadAllBytesAsync(string relativePath, CancellationToken ct) => File.ReadAllBytesAsync(FullPath(relativePath), ct);

    /// <inheritdoc />
    public Task<Stream> OpenAsync(string relativePath, CancellationToken ct) => Task.FromResult<Stream>(File.OpenRead(FullPath(relativePath)));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string FullPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            throw new FileNotFoundException($"'{relativePath}' is not in {_root}", relativePath);
        return full;
    }
}

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
