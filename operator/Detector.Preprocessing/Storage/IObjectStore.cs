namespace Detector.Preprocessing.Storage;

/// <summary>
/// Object storage as the pipeline needs it: stream in, stream out (multipart while writing for S3), list, concatenate
/// server-side, delete. Implementations: <see cref="FileObjectStore"/> (file://) and S3ObjectStore (s3://).
/// </summary>
public interface IObjectStore
{
    /// <summary>Opens an object for reading; throws <see cref="ObjectNotFoundException"/> when it does not exist.</summary>
    Task<Stream> OpenReadAsync(StorageUri uri, CancellationToken ct);

    /// <summary>True when the object exists.</summary>
    Task<bool> ExistsAsync(StorageUri uri, CancellationToken ct);

    /// <summary>Lists every object under a prefix (recursively), in ordinal key order.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(StorageUri prefix, CancellationToken ct);

    /// <summary>
    /// Starts writing an object. Bytes written to <see cref="IObjectWriter.Stream"/> are uploaded as they come (bounded
    /// memory); the object appears only after <see cref="IObjectWriter.CompleteAsync"/>. Disposing without completing aborts.
    /// </summary>
    Task<IObjectWriter> CreateWriterAsync(StorageUri uri, string contentType, CancellationToken ct);

    /// <summary>Writes a whole small object at once.</summary>
    Task PutAsync(StorageUri uri, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct);

    /// <summary>Makes <paramref name="target"/> the concatenation of <paramref name="parts"/> in order (S3: upload-part-copy).</summary>
    Task ConcatenateAsync(IReadOnlyList<StorageUri> parts, StorageUri target, CancellationToken ct);

    /// <summary>Deletes every object under a prefix; a missing prefix is not an error.</summary>
    Task DeletePrefixAsync(StorageUri prefix, CancellationToken ct);
}

/// <summary>An object found by <see cref="IObjectStore.ListAsync"/>.</summary>
public sealed record StoredObject(StorageUri Uri, string RelativePath, long Size);

/// <summary>A streaming upload in progress.</summary>
public interface IObjectWriter : IAsyncDisposable
{
    /// <summary>Write the object's bytes here, in order.</summary>
    Stream Stream { get; }

    /// <summary>Finishes the upload; the object becomes visible.</summary>
    Task CompleteAsync(CancellationToken ct);
}

/// <summary>The object does not exist.</summary>
public sealed class ObjectNotFoundException(StorageUri uri) : IOException($"{uri} does not exist")
{
    /// <summary>The missing object.</summary>
    public StorageUri Uri { get; } = uri;
}
