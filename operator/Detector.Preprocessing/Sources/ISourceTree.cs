namespace Detector.Preprocessing.Sources;

/// <summary>
/// A dataset's raw files, wherever they come from (local folder, S3 prefix, extracted archive). Paths are relative,
/// '/'-separated, and <see cref="Files"/> is sorted ordinally so every consumer sees the same order.
/// </summary>
public interface ISourceTree : IAsyncDisposable
{
    /// <summary>Where the files come from, for logs and errors (no secrets).</summary>
    string Description { get; }

    /// <summary>Every file, ordinal order by <see cref="SourceFile.RelativePath"/>.</summary>
    IReadOnlyList<SourceFile> Files { get; }

    /// <summary>Entries that were not listed because following them is unsafe (links out of the tree, devices, FIFOs).</summary>
    IReadOnlyList<SourceRefusal> Refused => [];

    /// <summary>Reads a whole file; throws <see cref="FileNotFoundException"/> naming it when it is not in the tree.</summary>
    Task<byte[]> ReadAllBytesAsync(string relativePath, CancellationToken ct);

    /// <summary>Opens a file for streaming; throws <see cref="FileNotFoundException"/> naming it when it is not in the tree.</summary>
    Task<Stream> OpenAsync(string relativePath, CancellationToken ct);
}

/// <summary>A file in an <see cref="ISourceTree"/>: '/'-separated path relative to the tree's root, and its size in bytes.</summary>
public sealed record SourceFile(string RelativePath, long Size);

/// <summary>An entry of a source left out of <see cref="ISourceTree.Files"/>, with why (e.g. "a symbolic link to '/etc/passwd'").</summary>
public sealed record SourceRefusal(string RelativePath, string Reason);
