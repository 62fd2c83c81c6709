using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Detector.Preprocessing.Outputs;
using Detector.Preprocessing.RecordIO;
using Detector.Preprocessing.Reporting;
using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Pipeline;

/// <summary>
/// `detector prepare merge`: concatenates the shards' part files into one .rec/.idx/.lst per split (server-side for
/// S3), rebases .idx offsets, then writes report, preview and manifest exactly as a single run would.
/// </summary>
public sealed class MergeRunner(StorageUri output, int shards, TimeProvider time, Action<string> log)
{
    /// <summary>Merges; throws <see cref="PrepareFailedException"/> naming a missing part.</summary>
    public async Task<DatasetManifest> RunAsync(IObjectStore store, InvalidPolicy onInvalid, double maxSkippedFraction, CancellationToken ct)
    {
        var specs = Enumerable.Range(0, shards).Select(i => new ShardSpec(i, shards)).ToList();
        var summaries = new List<RunSummary>();
        foreach (var spec in specs)
            summaries.Add(await ReadSummaryAsync(store, spec, ct));
        var summary = RunSummary.Sum(summaries);
        SkipPolicy.CheckSkippedFraction(summary, onInvalid, maxSkippedFraction);
        SkipPolicy.CheckSplitsNotEmpty(summary);

        await store.DeletePrefixAsync(output.Join("manifest.json"), ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var split in SplitNames.All)
        {
            var name = SplitNames.Of(split);
            var recParts = specs.Select(s => output.Join(SplitNames.FileName(split, ".rec", s))).ToList();
            await store.ConcatenateAsync(recParts, output.Join(name + ".rec"), ct);
            await store.ConcatenateAsync([.. specs.Select(s => output.Join(SplitNames.FileName(split, ".lst", s)))], output.Join(name + ".lst"), ct);
            await WriteRebasedIdxAsync(store, split, specs, summaries, ct);
            // SHA-256 does not compose, so the content hash reads the parts back once, streaming.
            foreach (var part in recParts)
            {
                await using var stream = await store.OpenReadAsync(part, ct);
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                    hash.AppendData(buffer, 0, read);
            }
            log($"Merged {shards} parts of {name} into {output.Join(name + ".rec")}");
        }
        var first = summaries[0];
        var manifest = await OutputFinalizer.WriteAsync(store, output, summary, Convert.ToHexStringLower(hash.GetHashAndReset()),
            first.Source, first.Settings, time, ct);
        await store.DeletePrefixAsync(output.Join("parts/"), ct);
        return manifest;
    }

    private async Task WriteRebasedIdxAsync(IObjectStore store, TargetSplit split, List<ShardSpec> specs, List<RunSummary> summaries, CancellationToken ct)
    {
        await using var writer = await store.CreateWriterAsync(output.Join(SplitNames.Of(split) + ".idx"), "text/plain", ct);
        long offset = 0;
        for (var i = 0; i < specs.Count; i++)
        {
            await using var stream = await store.OpenReadAsync(output.Join(SplitNames.FileName(split, ".idx", specs[i])), ct);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var rebased = IndexFiles.RebaseIdx(await reader.ReadToEndAsync(ct), offset);
            await writer.Stream.WriteAsync(new UTF8Encoding(false).GetBytes(rebased), ct);
            offset += summaries[i].Splits.GetValueOrDefault(SplitNames.Of(split))?.RecBytes ?? 0;
        }
        await writer.CompleteAsync(ct);
    }

    private async Task<RunSummary> ReadSummaryAsync(IObjectStore store, ShardSpec spec, CancellationToken ct)
    {
        var uri = output.Join(spec.SummaryName);
        if (!await store.ExistsAsync(uri, ct))
            throw new PrepareFailedException($"{uri} is missing: shard {spec.Index}/{spec.Count} has not finished (run prepare --shard {spec.Index}/{spec.Count})");
        await using var stream = await store.OpenReadAsync(uri, ct);
        return await JsonSerializer.DeserializeAsync<RunSummary>(stream, RunSummary.JsonOptions, ct)
            ?? throw new PrepareFailedException($"{uri} is empty");
    }
}
