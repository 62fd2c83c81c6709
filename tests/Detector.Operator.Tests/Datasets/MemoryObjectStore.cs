using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Detector.Preprocessing.Outputs;
using Detector.Preprocessing.Storage;

namespace Detector.Operator.Tests.Datasets;

/// <summary>An <see cref="IObjectStore"/> in memory, keyed by URI: enough for the reconciler (read manifest, delete a prefix).</summary>
public sealed class MemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    /// <summary>URIs of the stored objects.</summary>
    public IReadOnlyCollection<string> Keys => [.. _objects.Keys];

    /// <summary>Stores a manifest as <c>detector prepare</c> would.</summary>
    public void PutManifest(string manifestUri, DatasetManifest manifest) =>
        _objects[manifestUri] = JsonSerializer.SerializeToUtf8Bytes(manifest, DatasetManifest.JsonOptions);

    /// <summary>Stores raw bytes.</summary>
    public void Put(string uri, byte[] bytes) => _objects[uri] = bytes;

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(StorageUri uri, CancellationToken ct) =>
        _objects.TryGetValue(uri.ToString(), out var bytes) ? Task.FromResult<Stream>(new MemoryStream(bytes)) : throw new ObjectNotFoundException(uri);

    /// <inheritdoc />
    public Task<bool> ExistsAsync(StorageUri uri, CancellationToken ct) => Task.FromResult(_objects.ContainsKey(uri.ToString()));

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObject> ListAsync(StorageUri prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        var start = prefix.ToString();
        foreach (var (key, bytes) in _objects.Where(o => o.Key.StartsWith(start, StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal))
            yield return new StoredObject(StorageUri.Parse(key), key[start.Length..], bytes.Length);
    }

    /// <inheritdoc />
    public Task<IObjectWriter> CreateWriterAsync(StorageUri uri, string contentType, CancellationToken ct) => throw new NotSupportedException();

    /// <inheritdoc />
    public Task PutAsync(StorageUri uri, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        _objects[uri.ToString()] = content.ToArray();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ConcatenateAsync(IReadOnlyList<StorageUri> parts, StorageUri target, CancellationToken ct) => throw new NotSupportedException();

    /// <inheritdoc />
    public Task DeletePrefixAsync(StorageUri prefix, CancellationToken ct)
    {
        foreach (var key in _objects.Keys.Where(k => k.StartsWith(prefix.ToString(), StringComparison.Ordinal)))
            _objects.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
