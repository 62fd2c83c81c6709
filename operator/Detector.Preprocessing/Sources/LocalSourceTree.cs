namespace Detector.Preprocessing.Sources;

/// <summary>A folder on the local disk. Optionally owns a scratch folder that is deleted on dispose (extracted archives).</summary>
public sealed class LocalSourceTree : ISourceTree
{
    private readonly string _root;
    private readonly string? _ownedScratch;
    private readonly Dictionary<string, SourceFile> _byPath;

    private LocalSourceTree(string root, string description, string? ownedScratch)
    {
        // The source folder itself may be a link (a mounted volume); what is inside it is walked without following links.
        var full = Path.GetFullPath(root);
        _root = Directory.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        _ownedScratch = ownedScratch;
        Description = description;
        (var files, var refused) = LocalTreeWalker.Walk(_root);
        Files = files;
        Refused = refused;
        _byPath = Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public IReadOnlyList<SourceFile> Files { get; }

    /// <inheritdoc />
    public IReadOnlyList<SourceRefusal> Refused { get; }

    /// <summary>The folder the relative paths start from.</summary>
    public string Root => _root;

    /// <summary>Opens a folder; throws <see cref="DirectoryNotFoundException"/> naming it when it does not exist.</summary>
    public static LocalSourceTree Open(string folder, string? description = null)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"dataset source folder '{folder}' does not exist");
        return new LocalSourceTree(folder, description ?? folder, ownedScratch: null);
    }

    /// <summary>A tree over <paramref name="root"/> that deletes <paramref name="scratch"/> (which contains it) when disposed.</summary>
    internal static LocalSourceTree OpenOwned(string root, string description, string scratch) => new(root, description, scratch);

    /// <inheritdoc />
    public Task<byte[]> ReadAllBytesAsync(string relativePath, CancellationToken ct) => File.ReadAllBytesAsync(PathOf(relativePath), ct);

    /// <inheritdoc />
    public Task<Stream> OpenAsync(string relativePath, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(PathOf(relativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_ownedScratch is not null && Directory.Exists(_ownedScratch))
            Directory.Delete(_ownedScratch, recursive: true);
        return ValueTask.CompletedTask;
    }

    private string PathOf(string relativePath)
    {
        // Only listed files can be opened, so a caller's path can never reach outside the tree.
        if (!_byPath.ContainsKey(relativePath))
            throw new FileNotFoundException($"'{relativePath}' is not in {Description}", relativePath);
        return Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar));
    }
}
