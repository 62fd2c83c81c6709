using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Sample;
using Detector.Preprocessing.Storage;
using Detector.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Preprocessing.Tests.EndToEnd;

public class ShardMergeTests
{
    [Fact]
    public async Task ShardsThenMerge_ThreeShards_ByteIdenticalToSingleRun()
    {
        var source = PrepareHarness.TempFolder("sample");
        SampleDataset.Write(source, trainImages: 14, validationImages: 7);
        var single = StorageUri.Parse(PrepareHarness.TempFolder("single"));
        var sharded = StorageUri.Parse(PrepareHarness.TempFolder("sharded"));
        var store = new FileObjectStore();

        var singleResult = await PrepareHarness.RunAsync(PrepareHarness.Options(source, single));
        for (var i = 0; i < 3; i++)
            await PrepareHarness.RunAsync(PrepareHarness.Options(source, sharded) with { Shard = new ShardSpec(i, 3) });
        var merged = await new MergeRunner(sharded, 3, new FakeTimeProvider(), _ => { }).RunAsync(store, InvalidPolicy.Skip, 1, CancellationToken.None);

        foreach (var file in new[] { "train.rec", "train.idx", "train.lst", "validation.rec", "validation.idx", "validation.lst" })
            Assert.Equal(await PrepareHarness.ReadAsync(store, single.Join(file)), await PrepareHarness.ReadAsync(store, sharded.Join(file)));
        Assert.Equal(singleResult.Manifest!.ContentHash, merged.ContentHash);
        Assert.Equal(singleResult.Manifest.LabelWidth, merged.LabelWidth);
        Assert.False(Directory.Exists(Path.Combine(sharded.Key, "parts")));
    }

    [SkippableFact]
    public async Task ShardsThenMerge_OnS3_ByteIdenticalToSingleRun()
    {
        var server = S3rverServer.Shared;
        var bucket = await server.CreateUniqueBucketAsync("shards");
        using var store = new S3ObjectStore(server.CreateClient(), server.Settings);
        var source = PrepareHarness.TempFolder("sample");
        SampleDataset.Write(source, trainImages: 10, validationImages: 5);
        var single = StorageUri.Parse($"s3://{bucket}/single");
        var sharded = StorageUri.Parse($"s3://{bucket}/sharded");

        await PrepareHarness.RunAsync(PrepareHarness.Options(source, single), store);
        for (var i = 0; i < 3; i++)
            await PrepareHarness.RunAsync(PrepareHarness.Options(source, sharded) with { Shard = new ShardSpec(i, 3) }, store);
        await new MergeRunner(sharded, 3, new FakeTimeProvider(), _ => { }).RunAsync(store, InvalidPolicy.Skip, 1, CancellationToken.None);

        foreach (var file in new[] { "train.rec", "train.idx", "train.lst", "validation.rec", "validation.idx", "validation.lst" })
            Assert.Equal(await PrepareHarness.ReadAsync(store, single.Join(file)), await PrepareHarness.ReadAsync(store, sharded.Join(file)));
        Assert.True(await store.ExistsAsync(sharded.Join("manifest.json"), CancellationToken.None));
    }

    [Fact]
    public async Task Merge_MissingShard_FailsNamingIt()
    {
        var source = PrepareHarness.TempFolder("sample");
        SampleDataset.Write(source, trainImages: 4, validationImages: 2);
        var sharded = StorageUri.Parse(PrepareHarness.TempFolder("sharded"));
        await PrepareHarness.RunAsync(PrepareHarness.Options(source, sharded) with { Shard = new ShardSpec(0, 2) });

        var error = await Assert.ThrowsAsync<PrepareFailedException>(() =>
            new MergeRunner(sharded, 2, new FakeTimeProvider(), _ => { }).RunAsync(new FileObjectStore(), InvalidPolicy.Skip, 1, CancellationToken.None));

        Assert.Contains("shard 1/2", error.Message);
    }
}
