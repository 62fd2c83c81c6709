using Detector.Preprocessing.Sources;
using Detector.Preprocessing.Storage;
using Detector.Testing;

namespace Detector.Preprocessing.Tests.Sources;

public sealed class LocalAndS3SourceTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("local-source-tests-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task OpenAsync_MissingLocalFolder_ThrowsNamingIt()
    {
        var missing = Path.Combine(_work, "no-such-dataset");

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => DatasetSources.OpenAsync(missing, new SourceOptions(), CancellationToken.None));

        Assert.Contains($"'{missing}' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_LocalFolder_ListsRecursivelyInOrdinalOrderWithSlashes()
    {
        foreach (var (name, text) in new[] { ("labels/b.txt", "bb"), ("images/B.jpg", "B"), ("images/a.jpg", "aaa"), ("classes.txt", "fish") })
        {
            var path = Path.Combine(_work, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text);
        }

        await using var tree = await DatasetSources.OpenAsync("file://" + _work, new SourceOptions(), CancellationToken.None);

        Assert.Equal(["classes.txt", "images/B.jpg", "images/a.jpg", "labels/b.txt"], tree.Files.Select(f => f.RelativePath));
        Assert.Equal(3, tree.Files[2].Size);
        await using var stream = await tree.OpenAsync("labels/b.txt", CancellationToken.None);
        Assert.Equal("bb", await new StreamReader(stream).ReadToEndAsync());
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => tree.ReadAllBytesAsync("../etc/passwd", CancellationToken.None));
        Assert.Contains("'../etc/passwd' is not in", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_work)); // a user's folder is never deleted on dispose
    }

    [SkippableFact]
    public async Task OpenAsync_S3Prefix_ListsAndStreamsObjectsThroughS3rver()
    {
        var server = S3rverServer.Shared;
        var bucket = await server.CreateUniqueBucketAsync();
        using (var store = new S3ObjectStore(server.CreateClient(), server.Settings))
        {
            await store.PutAsync(StorageUri.Parse($"s3://{bucket}/raw/aquarium/images/a.jpg"), "AAA"u8.ToArray(), "image/jpeg", CancellationToken.None);
            await store.PutAsync(StorageUri.Parse($"s3://{bucket}/raw/aquarium/labels/a.txt"), "0 0.5 0.5 0.1 0.1"u8.ToArray(), "text/plain", CancellationToken.None);
            await store.PutAsync(StorageUri.Parse($"s3://{bucket}/raw/aquarium/classes.txt"), "fish"u8.ToArray(), "text/plain", CancellationToken.None);
            await store.PutAsync(StorageUri.Parse($"s3://{bucket}/raw/aquarium-other/x.txt"), "x"u8.ToArray(), "text/plain", CancellationToken.None);
        }

        await using var tree = await DatasetSources.OpenAsync($"s3://{bucket}/raw/aquarium", new SourceOptions { S3 = server.Settings, WorkDirectory = _work }, CancellationToken.None);

        Assert.Equal(["classes.txt", "images/a.jpg", "labels/a.txt"], tree.Files.Select(f => f.RelativePath));
        Assert.Equal("0 0.5 0.5 0.1 0.1"u8.ToArray(), await tree.ReadAllBytesAsync("labels/a.txt", CancellationToken.None));
        Assert.Equal($"s3://{bucket}/raw/aquarium", tree.Description);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work)); // streamed, no local copy
    }

    [SkippableFact]
    public async Task OpenAsync_EmptyS3Prefix_ThrowsNamingIt()
    {
        var server = S3rverServer.Shared;
        var bucket = await server.CreateUniqueBucketAsync();

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => DatasetSources.OpenAsync($"s3://{bucket}/nothing", new SourceOptions { S3 = server.Settings }, CancellationToken.None));

        Assert.Contains($"s3://{bucket}/nothing holds no objects", error.Message, StringComparison.Ordinal);
    }
}
