using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Detector.Operator.Cli;

/// <summary>
/// <c>detector bench hostile</c>: runs every case of <see cref="HostileCorpus"/> with the default budgets, each in its own
/// process, and prints one JSON line per case (class, exit code, expected code, wall seconds, peak RSS) and a verdict
/// against the limits of issue 15 (10 s, 300 MB).
/// </summary>
public static class BenchHostile
{
    /// <summary>Wall-time limit per case.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>Peak RSS limit per case.</summary>
    public const long RssLimitBytes = 300L * 1000 * 1000;

    /// <summary>Builds <c>bench hostile</c>.</summary>
    public static Command Create()
    {
        var only = new Option<string?>("--case") { Description = "Run only the cases whose name contains this text" };
        var command = new Command("hostile", "Runs the hostile-input corpus, one process per case, and prints wall time and peak RSS per bomb class.") { only };
        command.SetAction(async (parse, ct) =>
        {
            var root = Path.Combine(Path.GetTempPath(), "detector-bench-hostile-" + Guid.NewGuid().ToString("N")[..8]);
            var failures = 0;
            try
            {
                await using var runner = new HostileRunner(root);
                foreach (var hostile in HostileCorpus.All.Where(c => parse.GetValue(only) is not { } filter || c.Name.Contains(filter, StringComparison.Ordinal)))
                {
                    // Twice the limit before the kill, so an overrun is measured rather than cut off.
                    var outcome = await runner.RunAsync(hostile, HostileRunner.SelfCommand(), measure: true, TimeLimit * 2, ct);
                    var ok = outcome.ExitCode == hostile.ExpectedExit && outcome.Seconds <= TimeLimit.TotalSeconds
                        && outcome.PeakRssBytes is { } rss && rss <= RssLimitBytes && outcome.StrayEntries.Count == 0;
                    failures += ok ? 0 : 1;
                    Console.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                    {
                        ["case"] = hostile.Name,
                        ["class"] = hostile.BombClass,
                        ["exit"] = outcome.ExitCode,
                        ["expectedExit"] = hostile.ExpectedExit,
                        ["seconds"] = Math.Round(outcome.Seconds, 2),
                        ["peakRssMb"] = outcome.PeakRssBytes is { } peak ? Math.Round(peak / 1e6, 1) : null,
                        ["ok"] = ok,
                        ["message"] = CommandErrors.OneLine(outcome.Output.TrimEnd().Split('\n')[^1]),
                    }));
                }
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
            Console.Out.WriteLine(failures == 0
                ? $"every case ended with its documented exit code within {TimeLimit.TotalSeconds} s and {RssLimitBytes / 1e6} MB"
                : $"{failures} case(s) missed their exit code, {TimeLimit.TotalSeconds} s or {RssLimitBytes / 1e6} MB");
            return failures == 0 ? ExitCodes.Success : ExitCodes.DataFailure;
        });
        return command;
    }

    /// <summary>
    /// The hidden <c>bench hostile-exec -- &lt;command…&gt;</c>: runs prepare or validate in this process and ends with
    /// the peak RSS line <see cref="HostileRunner.PeakMarker"/> on stderr.
    /// </summary>
    public static Command CreateExec()
    {
        var rest = new Argument<string[]>("command") { Arity = ArgumentArity.OneOrMore, Description = "prepare … or validate …" };
        var command = new Command("hostile-exec", "Runs one command and reports its peak RSS (used by bench hostile).") { rest };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            var inner = new RootCommand { PrepareCommand.Create(), ValidateCommand.Create() };
            var code = await inner.Parse(parse.GetValue(rest) ?? []).InvokeAsync(cancellationToken: ct);
            await Console.Out.FlushAsync(ct);
            Console.Error.WriteLine(HostileRunner.PeakMarker + BenchCommand.PeakRssBytes().ToString(CultureInfo.InvariantCulture));
            return code;
        });
        return command;
    }
}
