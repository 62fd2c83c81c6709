using System.Net;
using System.Net.Http.Headers;

namespace Detector.Preprocessing.Sources;

/// <summary>Downloads an archive to a file with a size limit, then extracts it safely into a local tree.</summary>
internal static class ArchiveDownloader
{
    /// <summary>
    /// Downloads <paramref name="request"/> into a fresh folder under the work directory, extracts it and returns a tree
    /// (rooted inside the archive's single top-level folder if it has one) that deletes the folder when disposed.
    /// </summary>
    public static async Task<ISourceTree> DownloadAndExtractAsync(
        HttpClient http, HttpRequestMessage request, string description, SourceOptions options,
        Func<HttpResponseMessage, Exception?> classifyFailure, CancellationToken ct)
    {
        var scratch = Path.Combine(options.WorkDirectory, "source-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(scratch);
        try
        {
            var archive = Path.Combine(scratch, "archive");
            var (size, sha256) = await DownloadAsync(http, request, archive, description, options.EffectiveDownloadLimit, classifyFailure, ct);
            if (options.ArchiveSha256 is { } expected && !string.Equals(expected, sha256, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{description}: SHA-256 mismatch: expected {expected.ToLowerInvariant()}, downloaded {sha256} ({size} bytes)");
            var format = await SniffAsync(archive) ?? throw new InvalidDataException($"{description} is neither a zip nor a tar.gz archive (it starts with {await HeadAsync(archive)})");
            var extracted = Path.Combine(scratch, "extracted");
            await ArchiveExtractor.ExtractAsync(archive, format, extracted, new ExtractionLimits(options.ExtractionLimit(size), options.MaxEntries), ct, description);
            File.Delete(archive); // the emptyDir holds both otherwise
            return LocalSourceTree.OpenOwned(SingleTopFolder(extracted) ?? extracted, description, scratch);
        }
        catch
        {
            Directory.Delete(scratch, recursive: true);
            throw;
        }
    }

    /// <summary>The only top-level folder, ignoring macOS "__MACOSX" metadata; null when files or several folders are on top.</summary>
    internal static string? SingleTopFolder(string extracted)
    {
        var entries = Directory.EnumerateFileSystemEntries(extracted)
            .Where(e => Path.GetFileName(e) != "__MACOSX")
            .ToList();
        return entries is [var only] && Directory.Exists(only) ? only : null;
    }

    /// <summary>Downloads to <paramref name="path"/>; returns the size and the lower-case hex SHA-256 of what arrived.</summary>
    private static async Task<(long Size, string Sha256)> DownloadAsync(
        HttpClient http, HttpRequestMessage request, string path, string description, long maxBytes,
        Func<HttpResponseMessage, Exception?> classifyFailure, CancellationToken ct)
    {
        HttpResponseMessage sent;
        try
        {
            sent = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            // Refused connections, DNS failures, TLS errors and refused addresses: name the source, keep the innermost reason.
            var reason = e.InnerException is RefusedAddressException refused ? refused.Message : e.Message;
            throw new HttpRequestException($"downloading {description} failed: {reason}", e);
        }
        using var response = sent;
        if (classifyFailure(response) is { } failure)
            throw failure;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"downloading {description} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        if (response.Content.Headers.ContentLength is { } announced && announced > maxBytes)
            throw new InvalidDataException($"{description} is {announced} bytes, more than the download limit of {maxBytes} bytes (--max-download-bytes, or the Dataset's spec.scratchSize)");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            // Counted as it arrives: Content-Length may be absent or wrong.
            total += read;
            if (total > maxBytes)
                throw new InvalidDataException($"{description} is larger than the download limit of {maxBytes} bytes (--max-download-bytes, or the Dataset's spec.scratchSize)");
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<string> HeadAsync(string path)
    {
        var head = new byte[8];
        await using var file = File.OpenRead(path);
        var n = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        return n == 0 ? "nothing: it is empty" : "0x" + Convert.ToHexString(head, 0, n);
    }

    private static async Task<ArchiveFormat?> SniffAsync(string path)
    {
        var head = new byte[4];
        await using var file = File.OpenRead(path);
        var n = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        return ArchiveExtractor.Sniff(head.AsSpan(0, n));
    }

    /// <summary>A GET with optional Basic auth.</summary>
    public static HttpRequestMessage Get(Uri url, KaggleCredentials? basic = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (basic is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{basic.Username}:{basic.Key}")));
        return request;
    }

    /// <summary>True for the status codes that mean "who are you" / "not you".</summary>
    public static bool IsAuthFailure(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
