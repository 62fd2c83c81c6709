using Detector.Preprocessing.Storage;
using static Detector.Preprocessing.Tests.Storage.S3ObjectStoreTests;

namespace Detector.Preprocessing.Tests.Storage;

/// <summary>Server-side concatenation through s3rver: copied big pieces, downloaded small ones, byte-identical result.</summary>
public sealed class S3ConcatenationTests
{
    private const int MiB = 1 << 20;

    [SkippableFact]
    public async Task ConcatenateAsync_BigPiecesWithUploadPartCopy_IsByteIdenticalAndCopiesServerSide()
    {
        var (store, bucket, recorder) = await NewRecordedStoreAsync(emulateCopyPart: true);
        var (parts, expected) = await PutPiecesAsync(store, bucket, [6 * MiB, 5 * MiB, 1234]);
        var target = StorageUri.Parse($"s3://{bucket}/out/all.rec");

        await store.ConcatenateAsync(parts, target, CancellationToken.None);

        Assert.Equal(expected, await ReadAllAsync(store, target));
        Assert.Equal(3, recorder.Count("CopyPartAsync"));
    }

    [SkippableFact]
    public async Task ConcatenateAsync_SmallPiecesBetweenBigOnes_GluesThemIntoValidPartsByteIdentical()
    {
        var (store, bucket, recorder) = await NewRecordedStoreAsync(emulateCopyPart: true);
        // 1 KiB and 2 MiB are below S3's 5 MiB part minimum, so they are downloaded and topped up with the next piece's head.
        var (parts, expected) = await PutPiecesAsync(store, bucket, [1024, 2 * MiB, 7 * MiB, 3 * MiB, 6 * MiB]);
        var target = StorageUri.Parse($"s3://{bucket}/out/mixed.rec");

        await store.ConcatenateAsync(parts, target, CancellationToken.None);

        Assert.Equal(expected, await ReadAllAsync(store, target));
        Assert.True(recorder.Count("CopyPartAsync") >= 1);
        Assert.True(recorder.Count("UploadPartAsync") >= 1);
    }

    [SkippableFact]
    public async Task ConcatenateAsync_StoreWithoutUploadPartCopy_FallsBackToDownloadAndUploadByteIdentical()
    {
        // Plain s3rver answers UploadPartCopy with NotImplemented.
        var (store, bucket, recorder) = await NewRecordedStoreAsync(emulateCopyPart: false);
        var (parts, expected) = await PutPiecesAsync(store, bucket, [5 * MiB + 1, 100, 5 * MiB]);
        var target = StorageUri.Parse($"s3://{bucket}/out/fallback.rec");

        await store.ConcatenateAsync(parts, target, CancellationToken.None);

        Assert.Equal(expected, await ReadAllAsync(store, target));
        Assert.Equal(1, recorder.Count("CopyPartAsync")); // tried once, then never again
    }

    [SkippableFact]
    public async Task ConcatenateAsync_MissingPiece_ThrowsObjectNotFoundNamingIt()
    {
        var (store, bucket, _) = await NewRecordedStoreAsync();
        var (parts, _) = await PutPiecesAsync(store, bucket, [10]);
        var missing = StorageUri.Parse($"s3://{bucket}/pieces/missing");

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(
            () => store.ConcatenateAsync([.. parts, missing], StorageUri.Parse($"s3://{bucket}/out/x"), CancellationToken.None));

        Assert.Equal(missing, error.Uri);
    }

    [SkippableFact]
    public async Task ConcatenateAsync_OnlyEmptyPieces_WritesEmptyObject()
    {
        var (store, bucket, _) = await NewRecordedStoreAsync();
        var (parts, _) = await PutPiecesAsync(store, bucket, [0, 0]);
        var target = StorageUri.Parse($"s3://{bucket}/out/empty");

        await store.ConcatenateAsync(parts, target, CancellationToken.None);

        Assert.Empty(await ReadAllAsync(store, target));
    }

    private static async Task<(List<StorageUri> Parts, byte[] Expected)> PutPiecesAsync(IObjectStore store, string bucket, int[] sizes)
    {
        var parts = new List<StorageUri>();
        var expected = new List<byte>();
        for (var i = 0; i < sizes.Length; i++)
        {
            var bytes = RandomBytes(sizes[i], seed: 100 + i);
            var uri = StorageUri.Parse($"s3://{bucket}/pieces/{i:D3}");
            await store.PutAsync(uri, bytes, "application/octet-stream", CancellationToken.None);
            parts.Add(uri);
            expected.AddRange(bytes);
        }
        return (parts, expected.ToArray());
    }
}
