using Amazon.S3;
using Amazon.S3.Model;

namespace Detector.Preprocessing.Storage;

public sealed partial class S3ObjectStore
{
    /// <summary>
    /// Concatenates with a multipart upload. Pieces of at least 5 MiB are copied server-side (UploadPartCopy); smaller pieces
    /// are downloaded and uploaded, glued together until they reach S3's 5 MiB part minimum (see <see cref="ConcatenationPlan"/>),
    /// so memory stays under about 10 MiB. Stores without UploadPartCopy (s3rver answers NotImplemented) get the same bytes by
    /// download and upload of each piece. Sources must be in the target's bucket or readable by the same client.
    /// </summary>
    public async Task ConcatenateAsync(IReadOnlyList<StorageUri> parts, StorageUri target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parts);
        RequireS3(target);
        var sizes = new List<long>(parts.Count);
        foreach (var part in parts)
            sizes.Add(await SizeOrNullAsync(part, ct) ?? throw new ObjectNotFoundException(part));
        var plan = ConcatenationPlan.Build(sizes);
        if (plan.Count == 0)
        {
            await PutAsync(target, ReadOnlyMemory<byte>.Empty, "application/octet-stream", ct);
            return;
        }
        var uploadId = (await _client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = target.Bucket, Key = target.Key }, ct)).UploadId;
        var completed = false;
        try
        {
            var etags = new List<PartETag>(plan.Count);
            var copySupported = true;
            for (var i = 0; i < plan.Count; i++)
            {
                string? etag = null;
                if (plan[i].IsCopy && copySupported)
                {
                    etag = await TryCopyPartAsync(parts, plan[i].Ranges[0], sizes, target, uploadId, i + 1, ct);
                    copySupported = etag is not null;
                }
                etag ??= await UploadAssembledPartAsync(parts, plan[i], target, uploadId, i + 1, ct);
                etags.Add(new PartETag(i + 1, etag));
            }
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = target.Bucket,
                Key = target.Key,
                UploadId = uploadId,
                PartETags = etags,
            }, ct);
            completed = true;
        }
        finally
        {
            if (!completed)
                await TryAbortAsync(target, uploadId);
        }
    }

    /// <summary>Copies a range server-side; null when the store does not implement UploadPartCopy.</summary>
    private async Task<string?> TryCopyPartAsync(
        IReadOnlyList<StorageUri> parts, SourceRange range, IReadOnlyList<long> sizes, StorageUri target, string uploadId, int partNumber, CancellationToken ct)
    {
        var source = parts[range.Source];
        var request = new CopyPartRequest
        {
            SourceBucket = source.Bucket,
            SourceKey = source.Key,
            DestinationBucket = target.Bucket,
            DestinationKey = target.Key,
            UploadId = uploadId,
            PartNumber = partNumber,
        };
        // A whole object needs no range header (some stores reject ranges on small objects).
        if (range.Offset != 0 || range.Length != sizes[range.Source])
        {
            request.FirstByte = range.Offset;
            request.LastByte = range.Offset + range.Length - 1;
        }
        try
        {
            return (await _client.CopyPartAsync(request, ct)).ETag;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NotImplemented")
        {
            return null;
        }
    }

    /// <summary>Downloads the plan's ranges into one buffer and uploads it as a part.</summary>
    private async Task<string> UploadAssembledPartAsync(
        IReadOnlyList<StorageUri> parts, PlannedPart part, StorageUri target, string uploadId, int partNumber, CancellationToken ct)
    {
        // A copy part that falls back here can be up to 5 GiB; stream it through a temporary file rather than memory.
        await using var buffer = part.Length <= 2 * ConcatenationPlan.MinPartSize
            ? (Stream)new MemoryStream((int)part.Length)
            : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        foreach (var range in part.Ranges)
        {
            var source = parts[range.Source];
            using var response = await _client.GetObjectAsync(new GetObjectRequest
            {
                BucketName = source.Bucket,
                Key = source.Key,
                ByteRange = new ByteRange(range.Offset, range.Offset + range.Length - 1),
            }, ct);
            var before = buffer.Length;
            await response.ResponseStream.CopyToAsync(buffer, ct);
            if (buffer.Length - before != range.Length)
                throw new IOException($"{source} returned {buffer.Length - before} bytes for a range of {range.Length}: it changed during concatenation?");
        }
        buffer.Position = 0;
        var uploaded = await _client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = target.Bucket,
            Key = target.Key,
            UploadId = uploadId,
            PartNumber = partNumber,
            InputStream = buffer,
            PartSize = buffer.Length,
            UseChunkEncoding = UseChunkEncoding,
        }, ct);
        return uploaded.ETag;
    }

    private async Task TryAbortAsync(StorageUri target, string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = target.Bucket, Key = target.Key, UploadId = uploadId });
        }
        catch (AmazonS3Exception)
        {
            // Best effort: the target never became visible; stray parts are reaped by a bucket lifecycle rule.
        }
    }
}
