using System.Net;
using System.Text;
using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

/// <summary>Kaggle downloads against a loopback fake of the Kaggle API that checks HTTP Basic auth.</summary>
public sealed class KaggleSourceTests : IDisposable
{
    private static readonly KaggleCredentials s_good = new("alice", "k3y");
    private readonly string _work = Directory.CreateTempSubdirectory("kaggle-source-tests-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("kaggle:alice/aquarium")]
    [InlineData("kaggle://alice/aquarium")]
    public async Task OpenAsync_ValidCredentials_DownloadsAndExtractsTheDatasetZip(string source)
    {
        await using var server = FakeKaggle(out var requests);

        await using var tree = await DatasetSources.OpenAsync(source, Options(server, s_good), CancellationToken.None);

        Assert.Equal(["classes.txt", "images/a.jpg"], tree.Files.Select(f => f.RelativePath));
        Assert.Equal(["/api/v1/datasets/download/alice/aquarium"], requests);
        Assert.Equal("kaggle:alice/aquarium", tree.Description);
    }

    [Fact]
    public async Task OpenAsync_KaggleRedirectsToStorage_FollowsWithoutSendingTheKeyThere()
    {
        var zip = ArchiveBuilder.ZipFiles(("classes.txt", "fish"));
        string? authAtStorage = "not requested";
        await using var server = LoopbackHttpServer.Start(async context =>
        {
            if (context.Request.Url!.AbsolutePath.StartsWith("/storage/", StringComparison.Ordinal))
            {
                authAtStorage = context.Request.Headers["Authorization"];
                await LoopbackHttpServer.WriteAsync(context, zip, "application/zip");
                return;
            }
            // Kaggle answers the API call with a redirect to a signed storage URL.
            context.Response.StatusCode = (int)HttpStatusCode.Found;
            context.Response.RedirectLocation = "/storage/aquarium.zip?sig=1";
        });

        await using var tree = await DatasetSources.OpenAsync("kaggle:alice/aquarium", Options(server, s_good), CancellationToken.None);

        Assert.Equal(["classes.txt"], tree.Files.Select(f => f.RelativePath));
        Assert.Null(authAtStorage);
    }

    [Fact]
    public async Task OpenAsync_WrongKey_ThrowsCredentialsErrorWithoutTheKey()
    {
        await using var server = FakeKaggle(out _);

        var error = await Assert.ThrowsAsync<KaggleException>(
            () => DatasetSources.OpenAsync("kaggle:alice/aquarium", Options(server, s_good with { Key = "wrong" }), CancellationToken.None));

        Assert.Contains("refused the credentials of user 'alice'", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("KAGGLE_USERNAME/KAGGLE_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_UnknownDataset_ThrowsNotFoundNamingIt()
    {
        await using var server = FakeKaggle(out _);

        var error = await Assert.ThrowsAsync<KaggleException>(
            () => DatasetSources.OpenAsync("kaggle:alice/nope", Options(server, s_good), CancellationToken.None));

        Assert.Contains("alice/nope does not exist (HTTP 404)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kaggle:alice", "kaggle:owner/dataset-name")]
    [InlineData("kaggle:alice/a/b", "kaggle:owner/dataset-name")]
    [InlineData("kaggle:../etc", "kaggle:owner/dataset-name")]
    public async Task OpenAsync_MalformedSlug_ThrowsFormatExceptionNamingIt(string source, string hint)
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => DatasetSources.OpenAsync(source, new SourceOptions(), CancellationToken.None));

        Assert.Contains(source, error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Serves /api/v1/datasets/download/alice/aquarium to alice:k3y only, 404 for other datasets.</summary>
    private static LoopbackHttpServer FakeKaggle(out List<string> requests)
    {
        var seen = new List<string>();
        requests = seen;
        var zip = ArchiveBuilder.ZipFiles(("aquarium/classes.txt", "fish"), ("aquarium/images/a.jpg", "A"));
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:k3y"));
        return LoopbackHttpServer.Start(async context =>
        {
            lock (seen)
                seen.Add(context.Request.Url!.AbsolutePath);
            if (context.Request.Headers["Authorization"] != expectedAuth)
            {
                context.Response.StatusCode = (int)HttpStatusCode.Unauthorized;
                return;
            }
            if (context.Request.Url!.AbsolutePath != "/api/v1/datasets/download/alice/aquarium")
            {
                context.Response.StatusCode = (int)HttpStatusCode.NotFound;
                return;
            }
            await LoopbackHttpServer.WriteAsync(context, zip, "application/zip");
        });
    }

    private SourceOptions Options(LoopbackHttpServer server, KaggleCredentials credentials) => new()
    {
        WorkDirectory = _work,
        AllowLoopback = true,
        KaggleApiBase = server.BaseUrl + "/api/v1/",
        KaggleCredentials = credentials,
    };
}
