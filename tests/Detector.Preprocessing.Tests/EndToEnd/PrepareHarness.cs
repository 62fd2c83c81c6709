using System.Text.Json;
using Detector.Preprocessing.Sources;
using Detector.Preprocessing.Outputs;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.RecordIO;
using Detector.Preprocessing.Reporting;
using Detector.Preprocessing.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Preprocessing.Tests.EndToEnd;

/// <summary>Runs prepare in-process against a local folder and reads outputs back.</summary>
internal static class PrepareHarness
{
    public static PrepareOptions Options(string source, StorageUri output, InvalidPolicy policy = InvalidPolicy.Skip) => new()
    {
        Source = source,
        Output = output,
        OnInvalid = policy,
        MaxSkippedFraction = 1,
        Workers = 2,
    };

    public static async Task<PrepareResult> RunAsync(PrepareOptions options, IObjectStore? store = null)
    {
        await using var tree = LocalSourceTree.Open(options.Source);
        return await new PrepareRunner(options, new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z")), _ => { })
            .RunAsync(tree, store ?? new FileObjectStore(), CancellationToken.None);
    }

    public static async Task<byte[]> ReadAsync(IObjectStore store, StorageUri uri)
    {
        await using var stream = await store.OpenReadAsync(uri, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public static async Task<List<UnpackedRecord>> ReadRecordsAsync(IObjectStore store, StorageUri rec)
    {
        using var stream = new MemoryStream(await ReadAsync(store, rec));
        return [.. new RecordIOReader(stream).ReadAll().Select(p => ImageRecord.Unpack(p))];
    }

    public static async Task<PrepareReport> ReadReportAsync(IObjectStore store, StorageUri output) =>
        JsonSerializer.Deserialize<PrepareReport>(await ReadAsync(store, output.Join("report.json")))!;

    public static async Task<DatasetManifest> ReadManifestAsync(IObjectStore store, StorageUri output) =>
        JsonSerializer.Deserialize<DatasetManifest>(await ReadAsync(store, output.Join("manifest.json")))!;

    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "detector-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
