using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Detector.Preprocessing.Storage;

/// <summary>
/// <see cref="IObjectStore"/> over S3 or an S3-compatible store. A prefix is treated like a folder (as in
/// <see cref="FileObjectStore"/>): listing <c>s3://b/data</c> lists keys under <c>data/</c>, not <c>data-old/</c>.
/// </summary>
public sealed partial class S3ObjectStore : IObjectStore, IDisposable
{
    /// <summary>Part size of streaming uploads (S3's minimum is 5 MiB; 8 MiB keeps requests few).</summary>
    public const int DefaultPartSize = 8 << 20;

    private const int DeleteBatchSize = 1000;

    private readonly IAmazonS3 _client;
    private readonly S3StorageSettings _settings;
    private readonly int _partSize;

    /// <summary>Wraps a client (owned: disposed with the store).</summary>
    /// <param name="client">The S3 client, usually from <see cref="S3ClientFactory.Create"/>.</param>
    /// <param name="settings">The settings the client was made with (decides whether uploads use aws-chunked encoding).</param>
    /// <param name="partSize">Part size of streaming uploads; at least 5 MiB.</param>
    public S3ObjectStore(IAmazonS3 client, S3StorageSettings settings, int partSize = DefaultPartSize)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        if (partSize < ConcatenationPlan.MinPartSize)
            throw new ArgumentOutOfRangeException(nameof(partSize), $"part size must be at least {ConcatenationPlan.MinPartSize} bytes (S3's minimum)");
        _client = client;
        _settings = settings;
        _partSize = partSize;
    }

    /// <summary>Keys per ListObjectsV2 page (S3 caps it at 1000); tests lower it to exercise pagination.</summary>
    public int ListPageSize { get; init; } = 1000;

    /// <summary>False when the store stores aws-chunked bodies verbatim, so uploads must send plain bodies.</summary>
    private bool UseChunkEncoding => !_settings.ChecksumWhenRequired;

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(StorageUri uri, CancellationToken ct)
    {
        RequireS3(uri);
        try
        {
            var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = uri.Bucket, Key = uri.Key }, ct);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (IsNotFound(e))
        {
            throw new ObjectNotFoundException(uri);
        }
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(StorageUri uri, CancellationToken ct) => await SizeOrNullAsync(uri, ct) is not null;

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObject> ListAsync(StorageUri prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        RequireS3(prefix);
        var folder = AsFolder(prefix.Key);
        await foreach (var o in ListKeysAsync(prefix.Bucket, folder, ct))
        {
            var relative = o.Key[folder.Length..];
            yield return new StoredObject(prefix.Join(relative), relative, o.Size ?? 0);
        }
    }

    /// <inheritdoc />
    public Task<IObjectWriter> CreateWriterAsync(StorageUri uri, string contentType, CancellationToken ct)
    {
        RequireS3(uri);
        return Task.FromResult<IObjectWriter>(new S3MultipartWriter(_client, uri, contentType, _partSize, UseChunkEncoding));
    }

    /// <inheritdoc />
    public async Task PutAsync(StorageUri uri, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        RequireS3(uri);
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = uri.Bucket,
            Key = uri.Key,
            ContentType = contentType,
            InputStream = AsStream(content),
            UseChunkEncoding = UseChunkEncoding,
        }, ct);
    }

    /// <inheritdoc />
    public async Task DeletePrefixAsync(StorageUri prefix, CancellationToken ct)
    {
        RequireS3(prefix);
        var batch = new List<KeyVersion>(DeleteBatchSize);
        // The key itself (an object named like the folder) goes too, mirroring FileObjectStore deleting a file.
        if (prefix.Key.Length > 0 && !prefix.Key.EndsWith('/') && await SizeOrNullAsync(prefix, ct) is not null)
            batch.Add(new KeyVersion { Key = prefix.Key });
        // Collect before deleting: deleting while paginating could make continuation tokens skip keys on some stores.
        var keys = new List<string>();
        await foreach (var o in ListKeysAsync(prefix.Bucket, AsFolder(prefix.Key), ct))
            keys.Add(o.Key);
        foreach (var key in keys)
        {
            batch.Add(new KeyVersion { Key = key });
            if (batch.Count == DeleteBatchSize)
                await DeleteBatchAsync(prefix.Bucket, batch, ct);
        }
        if (batch.Count > 0)
            await DeleteBatchAsync(prefix.Bucket, batch, ct);
    }

    /// <summary>Disposes the client.</summary>
    public void Dispose() => _client.Dispose();

    private async Task DeleteBatchAsync(string bucket, List<KeyVersion> batch, CancellationToken ct)
    {
        var response = await _client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = [.. batch], Quiet = true }, ct);
        batch.Clear();
        if (response.DeleteErrors is { Count: > 0 } errors)
            throw new IOException($"could not delete {errors.Count} objects from s3://{bucket}, e.g. {errors[0].Key}: {errors[0].Code} {errors[0].Message}");
    }

    private async IAsyncEnumerable<S3Object> ListKeysAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        string? token = null;
        do
        {
            var page = await _client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = bucket,
                Prefix = prefix,
                MaxKeys = ListPageSize,
                ContinuationToken = token,
            }, ct);
            foreach (var o in page.S3Objects ?? [])
                yield return o;
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    private async Task<long?> SizeOrNullAsync(StorageUri uri, CancellationToken ct)
    {
        RequireS3(uri);
        try
        {
            var head = await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = uri.Bucket, Key = uri.Key }, ct);
            return head.ContentLength;
        }
        catch (AmazonS3Exception e) when (IsNotFound(e))
        {
            return null;
        }
    }

    internal static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static string AsFolder(string key) => key.Length == 0 || key.EndsWith('/') ? key : key + "/";

    private static bool IsNotFound(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode is "NoSuchKey" or "NotFound";

    private static void RequireS3(StorageUri uri)
    {
        if (!uri.IsS3)
            throw new ArgumentException($"{uri} is not an s3:// location", nameof(uri));
    }

    /// <summary>The object's body; disposing it also releases the HTTP response.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => _inner.Read(buffer);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => _inner.ReadAsync(buffer, offset, count, ct);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => _inner.ReadAsync(buffer, ct);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
