using System.CommandLine;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Storage;

namespace Detector.Operator.Cli;

/// <summary>`detector prepare`: Prepares a YOLO dataset: letterbox, SSD labels, MXNet RecordIO, upload.</summary>
public static class PrepareCommand
{
    /// <summary>Exit code for a data or policy failure.</summary>
    public const int DataFailure = ExitCodes.DataFailure;

    /// <summary>Exit code for a usage error.</summary>
    public const int UsageError = ExitCodes.UsageError;

    private static readonly (string Name, string Description)[] s_options =
    [
        ("--source", "Dataset source: folder, file://, s3://bucket/prefix, https archive (.zip/.tar.gz) or kaggle:owner/name"),
        ("--output", "Output location: folder, file:// or s3://bucket/prefix"),
        ("--classes", "Class names a,b,c (overrides classes.txt / data.yaml)"),
        ("--image-size", "Letterbox canvas side in pixels (default 512)"),
        ("--pad-color", "Padding colour #rrggbb (default #727272)"),
        ("--jpeg-quality", "JPEG quality 1-100 (default 95)"),
        ("--validation-fraction", "Validation share when the split is computed (default 0.2)"),
        ("--seed", "Seed of the computed split (default 42)"),
        ("--test-split", "What to do with a test split: Ignore (default), Train or Validation"),
        ("--on-invalid", "Fail (default: exit 1 naming file and line) or Skip (report and continue)"),
        ("--max-skipped-fraction", "Under Skip, the largest share of images that may be skipped (default 0.05)"),
        ("--max-pixels", "Pixel budget per image, checked from the header before decoding (default 40000000)"),
        ("--workers", "Parallel decode/encode workers (default: all cores)"),
        ("--shard", "Process shard i/N into part files (then run prepare merge)"),
        ("--s3-endpoint-url", "S3-compatible endpoint (MinIO, s3rver)"),
        ("--s3-force-path-style", "true to address buckets path-style"),
        ("--work-dir", "Scratch folder for downloaded archives"),
        ("--scratch-bytes", "Bytes the scratch folder may hold (the Job's emptyDir sizeLimit); bounds download plus extraction"),
        ("--sha256", "Expected SHA-256 (64 lower-case hex digits) of an http(s) archive, checked before extraction"),
        ("--max-image-bytes", "Largest image file read, in bytes (default 134217728)"),
        ("--max-image-metadata-bytes", "Largest image metadata (JPEG APPn/COM, PNG ancillary chunks), in bytes (default 8388608)"),
        ("--max-label-bytes", "Largest label file read, in bytes (default 1048576)"),
        ("--max-boxes-per-image", "Most boxes in one image (default 1000)"),
        ("--max-findings", "Most findings listed in report.json; counts stay exact (default 10000)"),
        ("--max-download-bytes", "Largest archive download, in bytes (default 53687091200, or --scratch-bytes)"),
        ("--max-extracted-bytes", "Largest total extracted size, in bytes (default 107374182400)"),
        ("--max-extraction-ratio", "Largest ratio of extracted to archive bytes (default 100; 64 MiB are always allowed)"),
    ];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("prepare", "Prepares a YOLO dataset: letterbox, SSD labels, MXNet RecordIO, upload.");
        // Every value is parsed by PrepareArguments so that any malformed command line exits 2 (the parser's own errors exit 1,
        // which the Dataset controller reads as a data failure): values are optional strings and stray tokens are checked here.
        var options = s_options.ToDictionary(o => o.Name, o => new Option<string?>(o.Name) { Description = o.Description, Arity = ArgumentArity.ZeroOrOne });
        foreach (var option in options.Values)
            command.Options.Add(option);
        var verbose = new Option<bool>("--verbose") { Description = "Print the stack trace of a failure after its one-line message" };
        command.Options.Add(verbose);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            if (parse.UnmatchedTokens.Count > 0)
            {
                Console.Error.WriteLine($"detector prepare: unknown argument '{CommandErrors.OneLine(parse.UnmatchedTokens[0])}' (see detector prepare --help)");
                return UsageError;
            }
            return await RunAsync(name => parse.GetValue(options[name]), ct, parse.GetValue(verbose));
        });
        command.Subcommands.Add(CreateMerge());
        return command;
    }

    /// <summary>Runs prepare with option values from <paramref name="get"/>; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(Func<string, string?> get, CancellationToken ct, bool verbose = false)
    {
        PrepareOptions options;
        try
        {
            options = PrepareArguments.Parse(get, S3StorageSettings.FromEnvironment());
        }
        catch (Exception e) when (e is UsageException or FormatException)
        {
            Console.Error.WriteLine($"detector prepare: {CommandErrors.OneLine(e.Message)}");
            return UsageError;
        }
        var bar = !Console.IsErrorRedirected;
        return await CommandErrors.RunAsync("prepare", $"{Preprocessing.Sources.SourceLocation.Redact(options.Source)} -> {options.Output}", verbose, async () =>
        {
            var result = await new PrepareRunner(options, TimeProvider.System, line => Log(line, bar), bar).RunAsync(ct);
            Console.Out.Write(PrepareSummaryText.Format(result.Summary, result.Manifest, options.Output, options.Shard));
            return ExitCodes.Success;
        }, Console.Error);
    }

    private static Command CreateMerge()
    {
        var output = new Option<string?>("--output") { Description = "Output location the shards wrote to", Arity = ArgumentArity.ZeroOrOne };
        var shards = new Option<string?>("--shards") { Description = "Number of shards N", Arity = ArgumentArity.ZeroOrOne };
        var onInvalid = new Option<string?>("--on-invalid") { Description = "Fail or Skip, as given to the shards", Arity = ArgumentArity.ZeroOrOne };
        var maxSkipped = new Option<string?>("--max-skipped-fraction") { Description = "As given to the shards (default 0.05)", Arity = ArgumentArity.ZeroOrOne };
        var endpoint = new Option<string?>("--s3-endpoint-url") { Description = "S3-compatible endpoint", Arity = ArgumentArity.ZeroOrOne };
        var pathStyle = new Option<string?>("--s3-force-path-style") { Description = "true to address buckets path-style", Arity = ArgumentArity.ZeroOrOne };
        var verbose = new Option<bool>("--verbose") { Description = "Print the stack trace of a failure after its one-line message" };
        var merge = new Command("merge", "Concatenates shard part files into one .rec/.idx/.lst per split and writes manifest, report and preview.")
        {
            output, shards, onInvalid, maxSkipped, endpoint, pathStyle, verbose,
        };
        merge.TreatUnmatchedTokensAsErrors = false;
        merge.SetAction(async (parse, ct) =>
        {
            if (parse.UnmatchedTokens.Count > 0)
            {
                Console.Error.WriteLine($"detector prepare merge: unknown argument '{CommandErrors.OneLine(parse.UnmatchedTokens[0])}'");
                return UsageError;
            }
            var values = new Dictionary<string, string?>
            {
                ["--output"] = parse.GetValue(output), ["--shards"] = parse.GetValue(shards), ["--on-invalid"] = parse.GetValue(onInvalid),
                ["--max-skipped-fraction"] = parse.GetValue(maxSkipped), ["--s3-endpoint-url"] = parse.GetValue(endpoint),
                ["--s3-force-path-style"] = parse.GetValue(pathStyle), ["--source"] = "(merge)",
            };
            return await MergeAsync(name => values.GetValueOrDefault(name), ct, parse.GetValue(verbose));
        });
        return merge;
    }

    /// <summary>Runs prepare merge with option values from <paramref name="get"/>; returns the exit code.</summary>
    public static async Task<int> MergeAsync(Func<string, string?> get, CancellationToken ct, bool verbose = false)
    {
        PrepareOptions options;
        int shards;
        try
        {
            options = PrepareArguments.Parse(get, S3StorageSettings.FromEnvironment());
            shards = PrepareArguments.Int(get, "--shards", -1, 1, 100_000);
            if (shards < 1)
                throw new UsageException("--shards is required");
        }
        catch (Exception e) when (e is UsageException or FormatException)
        {
            Console.Error.WriteLine($"detector prepare merge: {CommandErrors.OneLine(e.Message)}");
            return UsageError;
        }
        return await CommandErrors.RunAsync("prepare merge", options.Output.ToString(), verbose, async () =>
        {
            var store = ObjectStores.For(options.Output, options.S3);
            using var owned = store as IDisposable;
            var manifest = await new MergeRunner(options.Output, shards, TimeProvider.System, line => Log(line, bar: false))
                .RunAsync(store, options.OnInvalid, options.MaxSkippedFraction, ct);
            Console.Out.Write(PrepareSummaryText.Format(null, manifest, options.Output, ShardSpec.Single));
            return ExitCodes.Success;
        }, Console.Error);
    }

    private static void Log(string line, bool bar)
    {
        if (bar && line.StartsWith('\r'))
            Console.Error.Write(line);
        else
            Console.Error.WriteLine(CommandErrors.OneLine(line));
    }
}
