using System.Net;
using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Sources;

/// <summary>
/// Opens a dataset source: a local path, file://, s3://bucket/prefix, http(s)://….zip|.tar.gz|.tgz, or a Kaggle
/// dataset (<c>kaggle:owner/name</c> or <c>kaggle://owner/name</c>).
/// </summary>
public static class DatasetSources
{
    /// <summary>Opens <paramref name="source"/>; archives are downloaded and safely extracted under the work directory.</summary>
    public static async Task<ISourceTree> OpenAsync(string source, SourceOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var location = SourceLocation.Parse(source);
        switch (location.Kind)
        {
            case SourceKind.Local:
                return LocalSourceTree.Open(location.LocalPath!);
            case SourceKind.S3:
                var store = new S3ObjectStore(S3ClientFactory.Create(options.S3), options.S3);
                try
                {
                    return await S3SourceTree.OpenAsync(store, location.S3!, ownsStore: true, ct);
                }
                catch
                {
                    store.Dispose();
                    throw;
                }
            case SourceKind.Http:
                return await WithHttpAsync(options, http => ArchiveDownloader.DownloadAndExtractAsync(
                    http, ArchiveDownloader.Get(location.Url!), location.ToString(), options, _ => null, ct));
            default:
                return await OpenKaggleAsync(location, options, ct);
        }
    }

    private static async Task<ISourceTree> OpenKaggleAsync(SourceLocation location, SourceOptions options, CancellationToken ct)
    {
        var credentials = options.KaggleCredentials ?? KaggleCredentialResolver.Resolve();
        var slug = $"{location.KaggleOwner}/{location.KaggleDataset}";
        var url = new Uri($"{options.KaggleApiBase.TrimEnd('/')}/datasets/download/{slug}");
        Exception? Classify(HttpResponseMessage response) => response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new KaggleException(
                $"Kaggle refused the credentials of user '{credentials.Username}' for dataset {slug} (HTTP {(int)response.StatusCode}): " +
                "check KAGGLE_USERNAME/KAGGLE_KEY or kaggle.json, and that the account accepted the dataset's terms"),
            HttpStatusCode.NotFound => new KaggleException($"Kaggle dataset {slug} does not exist (HTTP 404): check the owner/name in kaggle:{slug}"),
            _ => null,
        };
        // The checksum belongs to an http(s) archive; Kaggle builds its zip on demand.
        return await WithHttpAsync(options, http => ArchiveDownloader.DownloadAndExtractAsync(
            http, ArchiveDownloader.Get(url, credentials), $"kaggle:{slug}", options with { ArchiveSha256 = null }, Classify, ct));
    }

    /// <summary>Runs with the injected client, or a client made (and disposed) for this call.</summary>
    private static async Task<T> WithHttpAsync<T>(SourceOptions options, Func<HttpClient, Task<T>> action)
    {
        if (options.HttpClient is not null)
            return await action(options.HttpClient);
        using var http = options.HttpMessageHandler is not null
            ? new HttpClient(options.HttpMessageHandler, disposeHandler: false)
            : new HttpClient(options.AllowLoopback
                ? new SocketsHttpHandler()
                // Redirects go through the same callback, so a redirect to 169.254.169.254 is refused too.
                : new SocketsHttpHandler { ConnectCallback = DownloadAddressPolicy.ConnectAsync });
        // Big archives take long; the caller's CancellationToken bounds the download instead.
        http.Timeout = Timeout.InfiniteTimeSpan;
        return await action(http);
    }
}
