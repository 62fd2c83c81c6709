using System.Collections.Concurrent;
using System.Reflection;
using Amazon.S3;
using Amazon.S3.Model;

namespace Detector.Preprocessing.Tests.Storage;

/// <summary>
/// Wraps a real <see cref="IAmazonS3"/> and records which operations were called, in order. Optionally emulates
/// UploadPartCopy (which s3rver answers NotImplemented) by a ranged GetObject plus UploadPart against the real server,
/// so the byte ranges our code asks for are checked end to end.
/// </summary>
public class RecordingS3Client : DispatchProxy
{
    private IAmazonS3 _inner = null!;
    private bool _emulateCopyPart;

    /// <summary>Operation names ("UploadPartAsync", ...), in call order.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Creates the proxy.</summary>
    public static (IAmazonS3 Client, RecordingS3Client Recorder) Wrap(IAmazonS3 inner, bool emulateCopyPart = false)
    {
        var client = Create<IAmazonS3, RecordingS3Client>();
        var recorder = (RecordingS3Client)(object)client;
        recorder._inner = inner;
        recorder._emulateCopyPart = emulateCopyPart;
        return (client, recorder);
    }

    /// <summary>How many times an operation was called.</summary>
    public int Count(string operation) => Calls.Count(c => c == operation);

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Enqueue(targetMethod.Name);
        if (_emulateCopyPart && targetMethod.Name == nameof(IAmazonS3.CopyPartAsync) && args?[0] is CopyPartRequest request)
            return EmulateCopyPartAsync(request, (CancellationToken)args[1]!);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private async Task<CopyPartResponse> EmulateCopyPartAsync(CopyPartRequest request, CancellationToken ct)
    {
        var get = new GetObjectRequest { BucketName = request.SourceBucket, Key = request.SourceKey };
        if (request.FirstByte is { } first)
            get.ByteRange = new ByteRange(first, request.LastByte!.Value);
        using var response = await _inner.GetObjectAsync(get, ct);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes, ct);
        bytes.Position = 0;
        var part = await _inner.UploadPartAsync(new UploadPartRequest
        {
            BucketName = request.DestinationBucket,
            Key = request.DestinationKey,
            UploadId = request.UploadId,
            PartNumber = request.PartNumber,
            InputStream = bytes,
            UseChunkEncoding = false,
        }, ct);
        return new CopyPartResponse { ETag = part.ETag, PartNumber = request.PartNumber };
    }
}
