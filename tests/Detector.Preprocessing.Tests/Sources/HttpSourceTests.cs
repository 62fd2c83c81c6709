using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

/// <summary>http(s) archives downloaded from a loopback server, extracted safely and listed.</summary>
public sealed class HttpSourceTests : IDisposable
{
    private static readonly (string, string)[] s_dataset =
    [
        ("aquarium/classes.txt", "fish\nshark\n"),
        ("aquarium/images/b.jpg", "BBBB"),
        ("aquarium/images/a.jpg", "AAA"),
        ("aquarium/labels/a.txt", "0 0.5 0.5 0.2 0.2\n"),
    ];

    private readonly string _work = Directory.CreateTempSubdirectory("http-source-tests-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("/data/aquarium.zip")]
    [InlineData("/data/aquarium.tar.gz")]
    [InlineData("/data/aquarium.tgz?X-Amz-Signature=secret")]
    public async Task OpenAsync_GoodArchiveWithSingleTopFolder_ListsFilesInsideItInOrder(string path)
    {
        var body = path.Contains(".zip", StringComparison.Ordinal) ? ArchiveBuilder.ZipFiles(s_dataset) : ArchiveBuilder.TarGzFiles(s_dataset);
        await using var server = LoopbackHttpServer.Start(c => LoopbackHttpServer.WriteAsync(c, body));

        await using var tree = await DatasetSources.OpenAsync(server.BaseUrl + path, Options(), CancellationToken.None);

        Assert.Equal(["classes.txt", "images/a.jpg", "images/b.jpg", "labels/a.txt"], tree.Files.Select(f => f.RelativePath));
        Assert.Equal(4, tree.Files.Single(f => f.RelativePath == "images/b.jpg").Size);
        Assert.Equal("AAA"u8.ToArray(), await tree.ReadAllBytesAsync("images/a.jpg", CancellationToken.None));
        Assert.DoesNotContain("secret", tree.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ArchiveWithSeveralTopEntries_IsRootedAtTheTop()
    {
        var body = ArchiveBuilder.ZipFiles(("images/a.jpg", "A"), ("labels/a.txt", "0 0.5 0.5 0.1 0.1"));
        await using var server = LoopbackHttpServer.Start(c => LoopbackHttpServer.WriteAsync(c, body));

        await using var tree = await DatasetSources.OpenAsync(server.BaseUrl + "/x.zip", Options(), CancellationToken.None);

        Assert.Equal(["images/a.jpg", "labels/a.txt"], tree.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public async Task DisposeAsync_ExtractedTree_DeletesItsScratchFolder()
    {
        var body = ArchiveBuilder.ZipFiles(("a.txt", "A"));
        await using var server = LoopbackHttpServer.Start(c => LoopbackHttpServer.WriteAsync(c, body));

        var tree = await DatasetSources.OpenAsync(server.BaseUrl + "/x.zip", Options(), CancellationToken.None);
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(_work));
        await tree.DisposeAsync();

        Assert.Empty(Directory.EnumerateFileSystemEntries(_work));
    }

    [Fact]
    public async Task OpenAsync_NotFound_ThrowsNamingUrlAndStatus()
    {
        await using var server = LoopbackHttpServer.Start(c =>
        {
            c.Response.StatusCode = 404;
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => DatasetSources.OpenAsync(server.BaseUrl + "/missing.zip", Options(), CancellationToken.None));

        Assert.Contains("/missing.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work));
    }

    [Fact]
    public async Task OpenAsync_LargerThanDownloadLimit_Refuses()
    {
        var body = new byte[100_000];
        await using var server = LoopbackHttpServer.Start(c => LoopbackHttpServer.WriteAsync(c, body));

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => DatasetSources.OpenAsync(server.BaseUrl + "/big.zip", Options() with { MaxDownloadBytes = 50_000 }, CancellationToken.None));

        Assert.Contains("download limit of 50000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NotAnArchive_ThrowsNamingTheUrl()
    {
        await using var server = LoopbackHttpServer.Start(c => LoopbackHttpServer.WriteAsync(c, "<html>login</html>"u8.ToArray(), "text/html"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => DatasetSources.OpenAsync(server.BaseUrl + "/page.zip", Options(), CancellationToken.None));

        Assert.Contains("/page.zip is neither a zip nor a tar.gz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_HostileArchive_RefusesAndCleansUp()
    {
        var body = ArchiveBuilder.ZipFiles(("../../evil.sh", "rm -rf /"));
        await using var server = LoopbackHttpServer.Start(c => LoopbackHttpServer.WriteAsync(c, body));

        var error = await Assert.ThrowsAsync<UnsafeArchiveException>(
            () => DatasetSources.OpenAsync(server.BaseUrl + "/evil.zip", Options(), CancellationToken.None));

        Assert.Contains("'../../evil.sh'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work));
    }

    // The server is on 127.0.0.1, which real downloads refuse (see DownloadAddressPolicyTests).
    private SourceOptions Options() => new() { WorkDirectory = _work, AllowLoopback = true };
}
