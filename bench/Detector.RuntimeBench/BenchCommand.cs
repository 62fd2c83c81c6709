using System.CommandLine;

namespace Detector.RuntimeBench;

/// <summary>
/// <c>detector-runtime-bench</c>: the command line and its error boundary. Every failure is one line on stderr naming
/// what is missing or what did not happen; exit 1 for a failed run, 2 for a wrong command line, 130 when cancelled.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static RootCommand Create()
    {
        var objects = new Option<int>("--objects") { Description = "Datasets, and as many TrainingRuns; a third of each stays waiting.", DefaultValueFactory = _ => 300 };
        var settle = new Option<int>("--settle-seconds") { Description = "Seconds between the last SageMaker create and the idle window.", DefaultValueFactory = _ => 60 };
        var idle = new Option<int>("--idle-seconds") { Description = "Length of the idle window.", DefaultValueFactory = _ => 120 };
        var timeout = new Option<int>("--timeout-seconds") { Description = "How long the operator may take from the bulk apply to the last SageMaker create.", DefaultValueFactory = _ => 900 };
        var operatorPath = new Option<string?>("--operator") { Description = "The detector executable to measure (default: operator/Detector.Operator built in the bench's configuration)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the working folder (operator log, kubeconfig)." };
        var command = new RootCommand("Measures the operator (detector run, its own process) on a real kube-apiserver with the fake SageMaker: " +
            "time from a bulk apply to all SageMaker creates, then idle API requests/min, SageMaker calls/min, RSS and CPU. See docs/benchmarks.md.")
        {
            objects, settle, idle, timeout, operatorPath, keep,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var options = new BenchOptions
            {
                Objects = parsed.GetValue(objects),
                SettleSeconds = parsed.GetValue(settle),
                IdleSeconds = parsed.GetValue(idle),
                TimeoutSeconds = parsed.GetValue(timeout),
                OperatorPath = parsed.GetValue(operatorPath),
                Keep = parsed.GetValue(keep),
            };
            if (options.Problems() is [var first, ..])
            {
                Console.Error.WriteLine($"detector-runtime-bench: {first}");
                return 2;
            }
            return await RunAsync(options, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        try
        {
            await new RuntimeBench(options, Console.Out, Console.Error).RunAsync(ct);
            return 0;
        }
        catch (BenchException e)
        {
            Console.Error.WriteLine($"detector-runtime-bench: {e.Message}");
            return 1;
        }
        catch (Xunit.SkipException e)
        {
            // The shared test fixtures (s3rver, ../shared) say what is missing this way.
            Console.Error.WriteLine($"detector-runtime-bench: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("detector-runtime-bench: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"detector-runtime-bench: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" | ")}");
            return 1;
        }
    }
}
