using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Detector.Preprocessing.Sources;
using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace Detector.Operator.Cli;

/// <summary>`detector bench`: Benchmarks that print figures (bench prepare) and make their inputs (bench upscale).</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks that print figures (bench prepare) and make their inputs (bench upscale).");
        command.Subcommands.Add(CreatePrepare());
        command.Subcommands.Add(CreateUpscale());
        command.Subcommands.Add(BenchHostile.Create());
        command.Subcommands.Add(BenchHostile.CreateExec());
        return command;
    }

    private static Command CreatePrepare()
    {
        var source = new Option<string>("--source") { Description = "Local YOLO dataset folder", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "Repeat the source's images virtually N times", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--image-size") { Description = "Letterbox size", DefaultValueFactory = _ => 512 };
        var workers = new Option<int>("--workers") { Description = "Workers (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var baseline = new Option<bool>("--baseline")
        {
            Description = "Also run the full-decode ImageSharp pipeline on the same images and print its figures and the ratio",
            DefaultValueFactory = _ => true,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Print prepare's log lines to stderr, with the seconds since the run started" };
        var command = new Command("prepare", "Runs prepare into a temporary folder and prints one JSON line of throughput and peak memory.")
        {
            source, repeat, size, workers, baseline, verbose,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(repeat) < 1 || parse.GetValue(workers) < 1)
            {
                Console.Error.WriteLine("detector bench prepare: --repeat and --workers must be at least 1");
                return 2;
            }
            var run = new BenchRun(parse.GetValue(source)!, parse.GetValue(repeat), parse.GetValue(size), parse.GetValue(workers), parse.GetValue(verbose));
            var figures = await RunAsync(run, JpegCodec.Auto, ct);
            if (parse.GetValue(baseline))
            {
                // Ours first: it pays the shared start-up (JIT of the pipeline), so the ratio errs against us.
                var reference = await RunAsync(run, JpegCodec.ImageSharp, ct);
                figures["baseline"] = reference;
                figures["speedupOverBaseline"] = Math.Round((double)figures["imagesPerSecond"] / (double)reference["imagesPerSecond"], 2);
            }
            Console.Out.WriteLine(JsonSerializer.Serialize(figures));
            return 0;
        });
        return command;
    }

    /// <summary>What one bench run prepares.</summary>
    /// <param name="Source">Local YOLO folder.</param>
    /// <param name="Repeat">Virtual repetitions of its images.</param>
    /// <param name="ImageSize">Letterbox size.</param>
    /// <param name="Workers">Parallel workers.</param>
    /// <param name="Verbose">Print prepare's log to stderr.</param>
    public sealed record BenchRun(string Source, int Repeat, int ImageSize, int Workers, bool Verbose = false);

    /// <summary>Prepares the run's source (repeated) with <paramref name="codec"/> into a temp folder that is deleted afterwards.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(BenchRun run, JpegCodec codec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var output = Path.Combine(Path.GetTempPath(), "detector-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var options = new PrepareOptions
            {
                Source = run.Source,
                Output = StorageUri.Parse(output),
                Letterbox = new LetterboxOptions(Size: run.ImageSize) { Codec = codec },
                OnInvalid = InvalidPolicy.Skip,
                MaxSkippedFraction = 1,
                Workers = run.Workers,
                // Repeated copies are byte-identical on purpose; duplicate detection would skip them all.
                DetectDuplicates = run.Repeat == 1,
            };
            await using var tree = new RepeatedSourceTree(LocalSourceTree.Open(run.Source), run.Repeat);
            var peakReset = ResetPeakRss();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var (jitBefore, jitMethodsBefore, gcPauseBefore) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount(), GC.GetTotalPauseDuration());
            var watch = Stopwatch.StartNew();
            Action<string> log = run.Verbose ? line => Console.Error.WriteLine($"[{watch.Elapsed.TotalSeconds,7:F3}s] {line}") : _ => { };
            var result = await new PrepareRunner(options, TimeProvider.System, log).RunAsync(tree, new FileObjectStore(), ct);
            var seconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            // CPU seconds make runs on a shared, overloaded machine comparable: images per CPU-second × cores is the quiet-machine ceiling.
            var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            return new Dictionary<string, object>
            {
                ["jpegCodec"] = JpegCodecs.Resolve(codec).ToString(),
                ["images"] = result.Summary.Images,
                ["seconds"] = Math.Round(seconds, 3),
                ["imagesPerSecond"] = Math.Round(result.Summary.Images / seconds, 1),
                ["megapixelsPerSecond"] = Math.Round(result.Summary.SourcePixels / 1e6 / seconds, 1),
                ["cpuSeconds"] = Math.Round(cpuSeconds, 3),
                ["imagesPerCpuSecond"] = Math.Round(result.Summary.Images / cpuSeconds, 1),
                // Fixed costs that do not scale with the images: time in the JIT compiler and in GC pauses during the run.
                ["jitSeconds"] = Math.Round((JitInfo.GetCompilationTime() - jitBefore).TotalSeconds, 3),
                ["jitMethods"] = JitInfo.GetCompiledMethodCount() - jitMethodsBefore,
                ["gcPauseSeconds"] = Math.Round((GC.GetTotalPauseDuration() - gcPauseBefore).TotalSeconds, 3),
                // Since this run started when the kernel allowed a reset, else since the process started.
                ["peakRssMb"] = Math.Round(PeakRssBytes() / 1048576.0, 1),
                ["peakRssSince"] = peakReset ? "run" : "process",
                ["workers"] = run.Workers,
                ["imageSize"] = run.ImageSize,
                ["cores"] = Environment.ProcessorCount,
            };
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }

    private static Command CreateUpscale()
    {
        var source = new Option<string>("--source") { Description = "Local YOLO dataset folder", Required = true };
        var output = new Option<string>("--output") { Description = "Folder to write the upscaled dataset to", Required = true };
        var megapixels = new Option<double>("--megapixels") { Description = "Pixels per image after upscaling, in millions", DefaultValueFactory = _ => 12 };
        var command = new Command("upscale",
            "Writes a copy of a YOLO dataset whose images are upscaled to camera size (the 'large photos' benchmark set); labels are normalized, so they carry over.")
        {
            source, output, megapixels,
        };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(megapixels) is not (> 0 and <= 40))
            {
                Console.Error.WriteLine("detector bench upscale: --megapixels must be in (0, 40]");
                return Task.FromResult(2);
            }
            var written = Upscale(parse.GetValue(source)!, parse.GetValue(output)!, parse.GetValue(megapixels), ct);
            Console.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["images"] = written, ["output"] = parse.GetValue(output)! }));
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="output"/>, JPEG images upscaled (bicubic, quality 90, EXIF kept).</summary>
    public static int Upscale(string source, string output, double megapixels, CancellationToken ct)
    {
        var files = Directory.GetFiles(source, "*", SearchOption.AllDirectories);
        var images = 0;
        Parallel.ForEach(files, new ParallelOptions { CancellationToken = ct }, file =>
        {
            var target = Path.Combine(output, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!Path.GetExtension(file).ToLowerInvariant().StartsWith(".jp", StringComparison.Ordinal))
            {
                File.Copy(file, target, overwrite: true);
                return;
            }
            using var image = Image.Load(file);
            var factor = Math.Sqrt(megapixels * 1e6 / ((double)image.Width * image.Height));
            image.Mutate(x => x.Resize((int)Math.Round(image.Width * factor), (int)Math.Round(image.Height * factor), KnownResamplers.Bicubic));
            image.SaveAsJpeg(target, new JpegEncoder { Quality = 90 });
            Interlocked.Increment(ref images);
        });
        return images;
    }

    // Writing 5 to clear_refs resets VmHWM (Linux ≥ 4.0), so each run reports its own peak.
    private static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static long PeakRssBytes()
    {
        // VmHWM is the kernel's peak resident set; PeakWorkingSet64 reports the same on Linux but is the portable fallback.
        const string status = "/proc/self/status";
        if (File.Exists(status))
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
