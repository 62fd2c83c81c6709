using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Sources;

/// <summary>An S3 prefix, listed once when opened and streamed object by object (no local copy).</summary>
public sealed class S3SourceTree : ISourceTree
{
    private readonly IObjectStore _store;
    private readonly StorageUri _prefix;
    private readonly bool _ownsStore;
    private readonly Dictionary<string, SourceFile> _byPath;

    private S3SourceTree(IObjectStore store, StorageUri prefix, IReadOnlyList<SourceFile> files, bool ownsStore)
    {
        _store = store;
        _prefix = prefix;
        _ownsStore = ownsStore;
        Files = files;
        _byPath = files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string Description => _prefix.ToString();

    /// <inheritdoc />
    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>Lists <paramref name="prefix"/>; throws <see cref="DirectoryNotFoundException"/> naming it when nothing is there.</summary>
    public static async Task<S3SourceTree> OpenAsync(IObjectStore store, StorageUri prefix, bool ownsStore, CancellationToken ct)
    {
        var files = new List<SourceFile>();
        try
        {
            await foreach (var o in store.ListAsync(prefix, ct))
            {
                // Zero-byte keys ending in '/' are folder markers made by consoles and tools, not files.
                if (!o.RelativePath.EndsWith('/'))
                    files.Add(new SourceFile(o.RelativePath, o.Size));
            }
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            throw StorageErrors.Named($"listing dataset source {prefix}", e);
        }
        if (files.Count == 0)
            throw new DirectoryNotFoundException($"dataset source {prefix} holds no objects");
        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.RelativePath, b.RelativePath));
        return new S3SourceTree(store, prefix, files, ownsStore);
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadAllBytesAsync(string relativePath, CancellationToken ct)
    {
        var file = Find(relativePath);
        try
        {
            await using var stream = await _store.OpenReadAsync(_prefix.Join(relativePath), ct);
            using var copy = new MemoryStream(checked((int)file.Size));
            await stream.CopyToAsync(copy, ct);
            return copy.ToArray();
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            throw StorageErrors.Named(_prefix.Join(relativePath).ToString(), e);
        }
    }

    /// <inheritdoc />
    public Task<Stream> OpenAsync(string relativePath, CancellationToken ct)
    {
        Find(relativePath);
        return _store.OpenReadAsync(_prefix.Join(relativePath), ct);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_ownsStore && _store is IDisposable disposable)
            disposable.Dispose();
        return ValueTask.CompletedTask;
    }

    private SourceFile Find(string relativePath) =>
        _byPath.TryGetValue(relativePath, out var file)
            ? file
            : throw new FileNotFoundException($"'{relativePath}' is not in {Description}", relativePath);
}
