using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Detector.Preprocessing.Storage;
using Detector.Testing;

namespace Detector.Preprocessing.Tests.Storage;

/// <summary>Round trips through a real S3 server (s3rver) with the settings S3-compatible stores need.</summary>
public sealed class S3ObjectStoreTests
{
    private const int MiB = 1 << 20;

    [SkippableFact]
    public async Task PutAsync_SmallObject_ReadsBackByteForByte()
    {
        var (store, bucket) = await NewStoreAsync();
        var content = RandomBytes(100_000, seed: 1);
        var uri = StorageUri.Parse($"s3://{bucket}/put/object.bin");

        await store.PutAsync(uri, content, "application/octet-stream", CancellationToken.None);

        Assert.Equal(content, await ReadAllAsync(store, uri));
    }

    [SkippableFact]
    public async Task CreateWriterAsync_ElevenMiBInOddChunks_UploadsMultipartByteForByte()
    {
        var (store, bucket, recorder) = await NewRecordedStoreAsync();
        var content = RandomBytes(11 * MiB, seed: 2);
        var uri = StorageUri.Parse($"s3://{bucket}/multipart/eleven.bin");

        await using (var writer = await store.CreateWriterAsync(uri, "application/octet-stream", CancellationToken.None))
        {
            // Odd chunk sizes cross part boundaries mid-write.
            for (var offset = 0; offset < content.Length; offset += 777_777)
                await writer.Stream.WriteAsync(content.AsMemory(offset, Math.Min(777_777, content.Length - offset)));
            Assert.Equal(1, recorder.Count("UploadPartAsync")); // the first 8 MiB went out while the caller was still writing
            Assert.False(await store.ExistsAsync(uri, CancellationToken.None));
            await writer.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(content, await ReadAllAsync(store, uri));
        Assert.Equal(2, recorder.Count("UploadPartAsync")); // 8 MiB + 3 MiB
        Assert.Equal(1, recorder.Count("CompleteMultipartUploadAsync"));
    }

    [SkippableFact]
    public async Task CreateWriterAsync_SmallerThanOnePart_UsesSinglePutByteForByte()
    {
        var (store, bucket, recorder) = await NewRecordedStoreAsync();
        var content = RandomBytes(3 * MiB + 5, seed: 3);
        var uri = StorageUri.Parse($"s3://{bucket}/single/small.bin");

        await using (var writer = await store.CreateWriterAsync(uri, "application/octet-stream", CancellationToken.None))
        {
            await writer.Stream.WriteAsync(content);
            await writer.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(content, await ReadAllAsync(store, uri));
        Assert.Equal(0, recorder.Count("InitiateMultipartUploadAsync"));
    }

    [SkippableFact]
    public async Task CreateWriterAsync_DisposedWithoutComplete_LeavesNoObject()
    {
        var (store, bucket, recorder) = await NewRecordedStoreAsync();
        var uri = StorageUri.Parse($"s3://{bucket}/aborted/big.bin");

        await using (var writer = await store.CreateWriterAsync(uri, "application/octet-stream", CancellationToken.None))
            await writer.Stream.WriteAsync(RandomBytes(17 * MiB, seed: 4)); // two parts already sent

        Assert.False(await store.ExistsAsync(uri, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.OpenReadAsync(uri, CancellationToken.None));
        Assert.Equal(1, recorder.Count("AbortMultipartUploadAsync"));
        Assert.Equal(0, recorder.Count("CompleteMultipartUploadAsync"));
    }

    [SkippableFact]
    public async Task OpenReadAsync_MissingKey_ThrowsObjectNotFoundNamingIt()
    {
        var (store, bucket) = await NewStoreAsync();
        var uri = StorageUri.Parse($"s3://{bucket}/nothing/here.bin");

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.OpenReadAsync(uri, CancellationToken.None));

        Assert.Contains($"s3://{bucket}/nothing/here.bin", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListAsync_MorePagesThanPageSize_ListsEveryKeyUnderTheFolderInOrder()
    {
        var (store, bucket) = await NewStoreAsync(listPageSize: 3);
        var expected = Enumerable.Range(0, 10).Select(i => $"f{i:D2}.txt").Append("sub/deep.txt").ToList();
        foreach (var name in expected)
            await store.PutAsync(StorageUri.Parse($"s3://{bucket}/data/{name}"), new byte[] { 1, 2, 3 }, "text/plain", CancellationToken.None);
        await store.PutAsync(StorageUri.Parse($"s3://{bucket}/data-other/x.txt"), new byte[] { 1 }, "text/plain", CancellationToken.None);

        var listed = await ToListAsync(store.ListAsync(StorageUri.Parse($"s3://{bucket}/data"), CancellationToken.None));

        Assert.Equal(expected, listed.Select(o => o.RelativePath));
        Assert.All(listed, o => Assert.Equal(3, o.Size));
        Assert.Equal($"s3://{bucket}/data/sub/deep.txt", listed[^1].Uri.ToString());
    }

    [SkippableFact]
    public async Task DeletePrefixAsync_FolderWithManyKeys_DeletesOnlyThatFolder()
    {
        var (store, bucket) = await NewStoreAsync(listPageSize: 4);
        for (var i = 0; i < 9; i++)
            await store.PutAsync(StorageUri.Parse($"s3://{bucket}/gone/k{i}"), new byte[] { 9 }, "text/plain", CancellationToken.None);
        var kept = StorageUri.Parse($"s3://{bucket}/gone-not/keep");
        await store.PutAsync(kept, new byte[] { 7 }, "text/plain", CancellationToken.None);

        await store.DeletePrefixAsync(StorageUri.Parse($"s3://{bucket}/gone/"), CancellationToken.None);

        Assert.Empty(await ToListAsync(store.ListAsync(StorageUri.Parse($"s3://{bucket}/gone"), CancellationToken.None)));
        Assert.True(await store.ExistsAsync(kept, CancellationToken.None));
    }

    [SkippableFact]
    public async Task DeletePrefixAsync_MissingPrefix_IsNotAnError()
    {
        var (store, bucket) = await NewStoreAsync();

        await store.DeletePrefixAsync(StorageUri.Parse($"s3://{bucket}/never/"), CancellationToken.None);
    }

    internal static async Task<(S3ObjectStore Store, string Bucket)> NewStoreAsync(int listPageSize = 1000)
    {
        var server = S3rverServer.Shared;
        var bucket = await server.CreateUniqueBucketAsync();
        return (new S3ObjectStore(server.CreateClient(), server.Settings) { ListPageSize = listPageSize }, bucket);
    }

    internal static async Task<(S3ObjectStore Store, string Bucket, RecordingS3Client Recorder)> NewRecordedStoreAsync(bool emulateCopyPart = false)
    {
        var server = S3rverServer.Shared;
        var bucket = await server.CreateUniqueBucketAsync();
        var (client, recorder) = RecordingS3Client.Wrap(server.CreateClient(), emulateCopyPart);
        return (new S3ObjectStore(client, server.Settings), bucket, recorder);
    }

    internal static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    internal static async Task<byte[]> ReadAllAsync(IObjectStore store, StorageUri uri)
    {
        await using var stream = await store.OpenReadAsync(uri, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }
}
