using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Layout;
using Detector.Preprocessing.Outputs;
using Detector.Preprocessing.Reporting;
using Detector.Preprocessing.Sources;
using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Pipeline;

/// <summary>What a run produced: the summed figures, and the manifest for a single run (null for a shard).</summary>
/// <param name="Summary">Counts and findings.</param>
/// <param name="Manifest">manifest.json as written, or null for a shard run.</param>
public sealed record PrepareResult(RunSummary Summary, DatasetManifest? Manifest);

/// <summary>
/// The I/O shell of `detector prepare`: opens the source, plans (pure), then per split decodes/letterboxes/encodes in
/// parallel with bounded in-flight work while one writer appends records in stable order to streaming outputs.
/// </summary>
public sealed class PrepareRunner(PrepareOptions options, TimeProvider time, Action<string> log, bool progressBar = false)
{
    /// <summary>Runs the preparation; throws <see cref="PrepareFailedException"/> on a data or policy failure.</summary>
    public async Task<PrepareResult> RunAsync(CancellationToken ct)
    {
        var sourceOptions = SourceOptions.FromEnvironment() with
        {
            S3 = options.S3, MaxExtractionRatio = options.MaxExtractionRatio, ScratchBytes = options.ScratchBytes, ArchiveSha256 = options.ArchiveSha256,
        };
        if (options.WorkDirectory is { } work)
            sourceOptions = sourceOptions with { WorkDirectory = work };
        if (options.MaxDownloadBytes is { } download)
            sourceOptions = sourceOptions with { MaxDownloadBytes = download };
        if (options.MaxExtractedBytes is { } extracted)
            sourceOptions = sourceOptions with { MaxExtractedBytes = extracted };
        await using var tree = await DatasetSources.OpenAsync(options.Source, sourceOptions, ct);
        var store = ObjectStores.For(options.Output, options.S3);
        try
        {
            return await RunAsync(tree, store, ct);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>Runs against an already opened source and output store (tests, bench).</summary>
    public async Task<PrepareResult> RunAsync(ISourceTree tree, IObjectStore store, CancellationToken ct)
    {
        var plan = await PlanAsync(tree, ct);
        var shard = options.Shard;
        var summary = new RunSummary
        {
            Classes = plan.Classes, ShardIndex = shard.Index, ShardCount = shard.Count,
            // Signed URLs and user info never reach the manifest.
            Source = SourceLocation.Redact(options.Source), ClassNamesSource = plan.ClassNamesSource.ToString(), ComputedSplit = plan.Splits.Computed,
            Settings = options.ManifestSettings(plan.ClassNamesSource.ToString(), plan.Splits.Computed),
            MaxFindings = options.MaxFindings,
        };
        if (shard.Index == 0)
            RecordLayoutFindings(plan, summary);
        log($"Planned {plan.Splits.Train.Count} train and {plan.Splits.Validation.Count} validation images from {tree.Description} " +
            $"({plan.Layout.Kind} layout, {plan.Classes.Count} classes from {plan.ClassNamesSource}, split {(plan.Splits.Computed ? "computed from seed" : "from the source")})" +
            (shard.IsSingle ? "" : $", shard {shard.Index}/{shard.Count}"));
        log(JpegCodecs.Describe(options.Letterbox.Codec));

        if (shard.IsSingle)
            // A stale manifest beside half-replaced .rec files would claim completeness: remove it before writing anything.
            await store.DeletePrefixAsync(options.Output.Join("manifest.json"), ct);
        var total = SplitNames.All.Sum(s => plan.ItemsFor(s, shard).LongCount());
        using var hash = shard.IsSingle ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        using (var meter = new ProgressMeter(total, time, progressBar ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10), log, progressBar))
        {
            // 16 bytes of SHA-256 per image and a reference to its plan item: the only per-image state kept while streaming.
            var duplicates = new Dictionary<UInt128, PlannedItem>();
            foreach (var split in SplitNames.All)
                await RunSplitAsync(tree, store, plan, split, summary, duplicates, hash, meter, ct);
        }
        SkipPolicy.CheckSkippedFraction(summary, options.OnInvalid, options.MaxSkippedFraction);

        if (shard.IsSingle)
            SkipPolicy.CheckSplitsNotEmpty(summary);
        if (!shard.IsSingle)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(summary, RunSummary.JsonOptions);
            await store.PutAsync(options.Output.Join(shard.SummaryName), json, "application/json", ct);
            return new(summary, null);
        }
        var manifest = await OutputFinalizer.WriteAsync(store, options.Output, summary, Convert.ToHexStringLower(hash!.GetHashAndReset()),
            summary.Source, summary.Settings, time, ct);
        return new(summary, manifest);
    }

    private async Task<PreparePlan> PlanAsync(ISourceTree tree, CancellationToken ct)
    {
        var paths = tree.Files.Select(f => f.RelativePath).ToList();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in tree.Files.Where(f => f.RelativePath is "classes.txt" or "data.yaml" or "data.yml"))
        {
            if (file.Size > InputBudgets.MaxClassFileBytes)
                throw new PrepareFailedException($"{tree.Description}: {file.RelativePath} is {file.Size:N0} bytes, more than the limit of {InputBudgets.MaxClassFileBytes:N0} for a class-name file");
            texts[file.RelativePath] = PreparePlanner.DecodeText(await tree.ReadAllBytesAsync(file.RelativePath, ct));
        }
        try
        {
            var plan = PreparePlanner.Plan(paths, name => texts.GetValueOrDefault(name), options);
            // Symlinks, devices, FIFOs and loops in a local source were never listed; they are reported like unsupported files.
            return tree.Refused.Count == 0 ? plan : plan with { LayoutFindings = [.. tree.Refused.Select(r => new Finding(
                r.RelativePath, null, IssueCodes.UnsupportedFile, r.Reason, FindingEffect.SkippedItem, IsInvalidInput: true)), .. plan.LayoutFindings] };
        }
        catch (DatasetLayoutException e)
        {
            throw new PrepareFailedException($"{tree.Description}: {e.Message}");
        }
    }

    private void RecordLayoutFindings(PreparePlan plan, RunSummary summary)
    {
        foreach (var finding in plan.LayoutFindings)
        {
            SkipPolicy.Apply(finding, options.OnInvalid);
            summary.Record(finding);
            if (finding.Code == IssueCodes.UnsupportedFile)
            {
                summary.Images++;
                summary.SkippedImages++;
            }
            else if (finding.Code == IssueCodes.IgnoredTestSplit)
                summary.IgnoredTestImages++;
        }
    }

    private async Task RunSplitAsync(ISourceTree tree, IObjectStore store, PreparePlan plan, TargetSplit split, RunSummary summary,
        Dictionary<UInt128, PlannedItem> duplicates, IncrementalHash? hash, ProgressMeter meter, CancellationToken ct)
    {
        var tally = summary.Split(SplitNames.Of(split));
        var sizes = tree.Files.ToDictionary(f => f.RelativePath, f => f.Size, StringComparer.Ordinal);
        await using var output = await SplitOutputWriter.OpenAsync(store, options.Output, split, options.Shard, hash, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Math.Max(1, options.Workers);
        // Bounded twice: at most `workers` items decode at once, and at most 2×workers finished items wait for the writer.
        var inFlight = Channel.CreateBounded<Task<ItemOutcome>>(new BoundedChannelOptions(workers * 2) { SingleReader = true, SingleWriter = true });
        using var slots = new SemaphoreSlim(workers);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in plan.ItemsFor(split, options.Shard))
                {
                    await slots.WaitAsync(stop.Token);
                    var work = Task.Run(async () =>
                    {
                        try { return await ProcessAsync(tree, sizes, item, plan.Classes.Count, stop.Token); }
                        finally { slots.Release(); }
                    }, stop.Token);
                    await inFlight.Writer.WriteAsync(work, stop.Token);
                }
                inFlight.Writer.Complete();
            }
            catch (Exception e)
            {
                inFlight.Writer.Complete(e);
            }
        }, stop.Token);

        try
        {
            await foreach (var work in inFlight.Reader.ReadAllAsync(stop.Token))
            {
                var outcome = await work;
                tally.Planned++;
                summary.Images++;
                await AcceptAsync(outcome, summary, tally, duplicates, output, ct);
                meter.Advance();
            }
            await producer;
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAny(producer);
            throw;
        }
        await output.CompleteAsync(ct);
        tally.RecBytes = output.RecBytes;
    }

    private async Task<ItemOutcome> ProcessAsync(ISourceTree tree, IReadOnlyDictionary<string, long> sizes, PlannedItem item, int classCount, CancellationToken ct)
    {
        // Sizes come from the listing: a budget is checked before a byte is read.
        var imageSize = sizes.GetValueOrDefault(item.Image.ImagePath);
        if (imageSize > options.Limits.MaxImageBytes)
            return ItemProcessor.Refuse(item, new(item.Image.ImagePath, null, ImageRejectionCodes.FileTooLarge,
                $"{imageSize:N0} bytes exceeds the image file limit of {options.Limits.MaxImageBytes:N0} (--max-image-bytes)", FindingEffect.SkippedItem, IsInvalidInput: true));
        if (item.Image.LabelPath is { } labelFile && sizes.GetValueOrDefault(labelFile) is var labelSize && labelSize > options.MaxLabelBytes)
            return ItemProcessor.Refuse(item, new(labelFile, null, IssueCodes.LabelFileTooLarge,
                $"{labelSize:N0} bytes exceeds the label file limit of {options.MaxLabelBytes:N0} (--max-label-bytes): image skipped", FindingEffect.SkippedItem, IsInvalidInput: true));
        var bytes = await tree.ReadAllBytesAsync(item.Image.ImagePath, ct);
        var labels = item.Image.LabelPath is { } labelPath ? PreparePlanner.DecodeText(await tree.ReadAllBytesAsync(labelPath, ct)) : null;
        return ItemProcessor.Process(item, bytes, labels, classCount, options);
    }

    private async Task AcceptAsync(ItemOutcome outcome, RunSummary summary, SplitTally tally, Dictionary<UInt128, PlannedItem> duplicates,
        SplitOutputWriter output, CancellationToken ct)
    {
        var path = outcome.Item.Image.ImagePath;
        var findings = outcome.Findings;
        var key = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(outcome.ContentHash);
        if (options.DetectDuplicates && !outcome.Rejected && !duplicates.TryAdd(key, outcome.Item))
        {
            var first = duplicates[key];
            findings = [new Finding(path, null, IssueCodes.Duplicate, $"same bytes as {first.Image.ImagePath}: skipped", FindingEffect.SkippedItem, IsInvalidInput: true)];
            outcome = outcome with { Payload = null, Rejected = true, Background = false, OmittedDroppedBoxes = new Dictionary<string, long>() };
        }
        foreach (var finding in findings)
        {
            SkipPolicy.Apply(finding, options.OnInvalid);
            summary.Record(finding);
            if (finding.Code == IssueCodes.DegenerateBox) summary.DegenerateBoxes++;
            else if (finding.Effect == FindingEffect.DroppedBox) summary.InvalidBoxes++;
            else if (finding.Code == IssueCodes.NoBoxes) summary.ImagesWithoutBoxes++;
        }
        foreach (var (code, count) in outcome.OmittedDroppedBoxes)
        {
            // Only reached under Skip: under Fail the first listed issue has stopped the run.
            summary.CountOmitted(code, count);
            summary.InvalidBoxes += count;
        }
        if (outcome.Rejected) summary.SkippedImages++;
        summary.SourcePixels += outcome.SourcePixels;
        if (outcome.Background) summary.BackgroundImages++;
        if (outcome.Payload is null)
            return;
        await output.WriteAsync(outcome.Item.Id, outcome.Payload, outcome.Label!, path, ct);
        tally.Packed++;
        tally.Boxes += outcome.Boxes.Count;
        tally.LabelWidth = Math.Max(tally.LabelWidth, outcome.Label!.Length);
        foreach (var box in outcome.Boxes)
        {
            tally.BoxesPerClass[box.ClassId]++;
            summary.CountBoxSize(box, options.Letterbox.Size);
        }
    }
}
