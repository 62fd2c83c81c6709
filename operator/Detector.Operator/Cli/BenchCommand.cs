using System.CommandLine;

namespace Detector.Operator.Cli;

/// <summary>`detector bench`: Benchmarks that print figures (e.g. bench prepare).</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks that print figures (e.g. bench prepare).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("detector bench: not implemented yet");
            return 2;
        });
        return command;
    }
}
