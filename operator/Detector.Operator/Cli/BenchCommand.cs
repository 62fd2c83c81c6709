using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Detector.Preprocessing.Sources;
using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Storage;

namespace Detector.Operator.Cli;

/// <summary>`detector bench`: Benchmarks that print figures (e.g. bench prepare).</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks that print figures (e.g. bench prepare).");
        command.Subcommands.Add(CreatePrepare());
        return command;
    }

    private static Command CreatePrepare()
    {
        var source = new Option<string>("--source") { Description = "Local YOLO dataset folder", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "Repeat the source's images virtually N times", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--image-size") { Description = "Letterbox size", DefaultValueFactory = _ => 512 };
        var workers = new Option<int>("--workers") { Description = "Workers (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("prepare", "Runs prepare into a temporary folder and prints one JSON line of throughput and peak memory.")
        {
            source, repeat, size, workers,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(repeat) < 1 || parse.GetValue(workers) < 1)
            {
                Console.Error.WriteLine("detector bench prepare: --repeat and --workers must be at least 1");
                return 2;
            }
            var figures = await RunAsync(parse.GetValue(source)!, parse.GetValue(repeat), parse.GetValue(size), parse.GetValue(workers), ct);
            Console.Out.WriteLine(JsonSerializer.Serialize(figures));
            return 0;
        });
        return command;
    }

    /// <summary>Prepares <paramref name="sourceFolder"/> (repeated) into a temp folder that is deleted afterwards.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(string sourceFolder, int repeat, int imageSize, int workers, CancellationToken ct)
    {
        var output = Path.Combine(Path.GetTempPath(), "detector-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var options = new PrepareOptions
            {
                Source = sourceFolder,
                Output = StorageUri.Parse(output),
                Letterbox = new LetterboxOptions(Size: imageSize),
                OnInvalid = InvalidPolicy.Skip,
                MaxSkippedFraction = 1,
                Workers = workers,
                // Repeated copies are byte-identical on purpose; duplicate detection would skip them all.
                DetectDuplicates = repeat == 1,
            };
            await using var tree = new RepeatedSourceTree(LocalSourceTree.Open(sourceFolder), repeat);
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = await new PrepareRunner(options, TimeProvider.System, _ => { }).RunAsync(tree, new FileObjectStore(), ct);
            var seconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            // CPU seconds make runs on a shared, overloaded machine comparable: images per CPU-second × cores is the quiet-machine ceiling.
            var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            return new Dictionary<string, object>
            {
                ["images"] = result.Summary.Images,
                ["seconds"] = Math.Round(seconds, 3),
                ["imagesPerSecond"] = Math.Round(result.Summary.Images / seconds, 1),
                ["megapixelsPerSecond"] = Math.Round(result.Summary.SourcePixels / 1e6 / seconds, 1),
                ["cpuSeconds"] = Math.Round(cpuSeconds, 3),
                ["imagesPerCpuSecond"] = Math.Round(result.Summary.Images / cpuSeconds, 1),
                ["peakRssMb"] = Math.Round(PeakRssBytes() / 1048576.0, 1),
                ["workers"] = workers,
                ["imageSize"] = imageSize,
                ["cores"] = Environment.ProcessorCount,
            };
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }

    private static long PeakRssBytes()
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
