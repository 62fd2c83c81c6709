using Amazon.S3;

namespace Detector.Preprocessing.Storage;

/// <summary><see cref="IObjectStore"/> over S3 (or an S3-compatible store).</summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    /// <summary>Part size of streaming uploads (S3's minimum is 5 MiB; 8 MiB keeps requests few).</summary>
    public const int DefaultPartSize = 8 << 20;

    private readonly IAmazonS3 _client;
    private readonly S3StorageSettings _settings;

    /// <summary>Wraps a client (owned: disposed with the store).</summary>
    public S3ObjectStore(IAmazonS3 client, S3StorageSettings settings)
    {
        _client = client;
        _settings = settings;
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(StorageUri uri, CancellationToken ct) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<bool> ExistsAsync(StorageUri uri, CancellationToken ct) => throw new NotImplementedException();

    /// <inheritdoc />
    public IAsyncEnumerable<StoredObject> ListAsync(StorageUri prefix, CancellationToken ct) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<IObjectWriter> CreateWriterAsync(StorageUri uri, string contentType, CancellationToken ct) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task PutAsync(StorageUri uri, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task ConcatenateAsync(IReadOnlyList<StorageUri> parts, StorageUri target, CancellationToken ct) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task DeletePrefixAsync(StorageUri prefix, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>Disposes the client.</summary>
    public void Dispose() => _client.Dispose();
}
