using Amazon.S3;
using Amazon.S3.Model;

namespace Detector.Preprocessing.Storage;

/// <summary>
/// Streams an object to S3 while the caller writes: bytes fill a part buffer; a full buffer is uploaded in the background
/// while the caller fills the other one, so memory stays at two parts and writing waits only when both are busy.
/// An object smaller than one part is sent with a single PutObject. Disposing without completing aborts the upload.
/// </summary>
internal sealed class S3MultipartWriter : IObjectWriter
{
    private readonly IAmazonS3 _client;
    private readonly StorageUri _uri;
    private readonly string _contentType;
    private readonly bool _useChunkEncoding;
    private readonly int _partSize;
    private readonly byte[]?[] _buffers;
    private readonly List<PartETag> _etags = [];
    private readonly WriteStream _stream;
    private int _current;
    private int _filled;
    private string? _uploadId;
    private Task? _inFlight;
    private bool _completed;

    public S3MultipartWriter(IAmazonS3 client, StorageUri uri, string contentType, int partSize, bool useChunkEncoding)
    {
        _client = client;
        _uri = uri;
        _contentType = contentType;
        _useChunkEncoding = useChunkEncoding;
        _partSize = partSize;
        // The second buffer is allocated only once a first part is full: small objects cost one part of memory.
        _buffers = [GC.AllocateUninitializedArray<byte>(partSize), null];
        _stream = new WriteStream(this);
    }

    public Stream Stream => _stream;

    public async Task CompleteAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_uploadId is null)
        {
            // Smaller than one part: one request, no multipart bookkeeping.
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _uri.Bucket,
                Key = _uri.Key,
                ContentType = _contentType,
                InputStream = new MemoryStream(_buffers[_current]!, 0, _filled, writable: false),
                UseChunkEncoding = _useChunkEncoding,
            }, ct);
        }
        else
        {
            if (_filled > 0)
                await SubmitCurrentAsync(ct);
            await WaitInFlightAsync();
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _uri.Bucket,
                Key = _uri.Key,
                UploadId = _uploadId,
                PartETags = [.. _etags.OrderBy(e => e.PartNumber)],
            }, ct);
        }
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed || _uploadId is null)
        {
            _completed = true;
            return;
        }
        _completed = true;
        try
        {
            await WaitInFlightAsync();
        }
        catch (Exception)
        {
            // The upload is being abandoned; its part's failure does not matter any more.
        }
        try
        {
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _uri.Bucket, Key = _uri.Key, UploadId = _uploadId });
        }
        catch (AmazonS3Exception)
        {
            // Best effort: the object never became visible either way; a bucket lifecycle rule reaps stray parts.
        }
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        while (data.Length > 0)
        {
            var buffer = _buffers[_current] ??= GC.AllocateUninitializedArray<byte>(_partSize);
            var n = Math.Min(buffer.Length - _filled, data.Length);
            data.Span[..n].CopyTo(buffer.AsSpan(_filled));
            _filled += n;
            data = data[n..];
            if (_filled == buffer.Length)
                await SubmitCurrentAsync(ct);
        }
    }

    /// <summary>Starts uploading the current buffer after the previous upload finished, and switches buffers.</summary>
    private async Task SubmitCurrentAsync(CancellationToken ct)
    {
        await WaitInFlightAsync();
        _uploadId ??= (await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _uri.Bucket,
            Key = _uri.Key,
            ContentType = _contentType,
        }, ct)).UploadId;
        _inFlight = UploadPartAsync(_etags.Count + 1, _buffers[_current]!, _filled, ct);
        _current = 1 - _current;
        _filled = 0;
    }

    private async Task UploadPartAsync(int partNumber, byte[] buffer, int length, CancellationToken ct)
    {
        if (partNumber > ConcatenationPlan.MaxParts)
            throw new IOException($"{_uri} needs more than {ConcatenationPlan.MaxParts} parts: raise the part size");
        var response = await _client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _uri.Bucket,
            Key = _uri.Key,
            UploadId = _uploadId,
            PartNumber = partNumber,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
            PartSize = length,
            UseChunkEncoding = _useChunkEncoding,
        }, ct);
        _etags.Add(new PartETag(partNumber, response.ETag));
    }

    private async Task WaitInFlightAsync()
    {
        var task = _inFlight;
        _inFlight = null;
        if (task is not null)
            await task;
    }

    /// <summary>The write-only stream handed to the caller.</summary>
    private sealed class WriteStream(S3MultipartWriter writer) : Stream
    {
        private long _position;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _position;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        // Synchronous writes block on the upload; callers on hot paths should use WriteAsync.
        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            await writer.WriteAsync(buffer, ct);
            _position += buffer.Length;
        }
    }
}
