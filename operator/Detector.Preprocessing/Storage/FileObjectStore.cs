using System.Runtime.CompilerServices;

namespace Detector.Preprocessing.Storage;

/// <summary><see cref="IObjectStore"/> over the local file system (file:// and plain paths).</summary>
public sealed class FileObjectStore : IObjectStore
{
    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(StorageUri uri, CancellationToken ct)
    {
        if (!File.Exists(uri.Key))
            throw new ObjectNotFoundException(uri);
        return Task.FromResult<Stream>(new FileStream(uri.Key, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(StorageUri uri, CancellationToken ct) => Task.FromResult(File.Exists(uri.Key));

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObject> ListAsync(StorageUri prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        if (!Directory.Exists(prefix.Key))
            yield break;
        var files = Directory.EnumerateFiles(prefix.Key, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(prefix.Key, f).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            ct.ThrowIfCancellationRequested();
            yield return new StoredObject(prefix.Join(relative), relative, new FileInfo(full).Length);
        }
    }

    /// <inheritdoc />
    public Task<IObjectWriter> CreateWriterAsync(StorageUri uri, string contentType, CancellationToken ct) =>
        Task.FromResult<IObjectWriter>(new FileWriter(uri.Key));

    /// <inheritdoc />
    public async Task PutAsync(StorageUri uri, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        await using var writer = new FileWriter(uri.Key);
        await writer.Stream.WriteAsync(content, ct);
        await writer.CompleteAsync(ct);
    }

    /// <inheritdoc />
    public async Task ConcatenateAsync(IReadOnlyList<StorageUri> parts, StorageUri target, CancellationToken ct)
    {
        await using var writer = new FileWriter(target.Key);
        foreach (var part in parts)
        {
            await using var input = await OpenReadAsync(part, ct);
            await input.CopyToAsync(writer.Stream, ct);
        }
        await writer.CompleteAsync(ct);
    }

    /// <inheritdoc />
    public Task DeletePrefixAsync(StorageUri prefix, CancellationToken ct)
    {
        if (Directory.Exists(prefix.Key))
            Directory.Delete(prefix.Key, recursive: true);
        else if (File.Exists(prefix.Key))
            File.Delete(prefix.Key);
        return Task.CompletedTask;
    }

    /// <summary>Writes to a temporary file beside the target and renames on completion, so readers never see half a file.</summary>
    private sealed class FileWriter : IObjectWriter
    {
        private readonly string _target;
        private readonly string _temp;
        private readonly FileStream _stream;
        private bool _completed;

        public FileWriter(string target)
        {
            _target = target;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            _temp = target + ".partial-" + Guid.NewGuid().ToString("N")[..8];
            _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        }

        public Stream Stream => _stream;

        public async Task CompleteAsync(CancellationToken ct)
        {
            await _stream.FlushAsync(ct);
            await _stream.DisposeAsync();
            File.Move(_temp, _target, overwrite: true);
            _completed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync();
            if (!_completed && File.Exists(_temp))
                File.Delete(_temp);
        }
    }
}
