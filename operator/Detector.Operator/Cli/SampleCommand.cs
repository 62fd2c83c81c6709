using System.CommandLine;
using Detector.Preprocessing.Sample;

namespace Detector.Operator.Cli;

/// <summary>`detector sample`: Writes a small sample YOLO dataset for the quick start.</summary>
public static class SampleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("sample", "Writes a small sample YOLO dataset for the quick start.");
        var output = new Option<string>("--output") { Description = "Folder to write (created if missing)", Required = true };
        command.Options.Add(output);
        command.SetAction(parse => CommandErrors.RunAsync("sample", parse.GetValue(output), verbose: false, () =>
        {
            var folder = parse.GetValue(output)!;
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Console.Error.WriteLine($"detector sample: '{CommandErrors.OneLine(folder)}' is not empty; choose a new folder");
                return Task.FromResult(ExitCodes.UsageError);
            }
            var files = SampleDataset.Write(folder);
            Console.Out.WriteLine($"Wrote {files.Count(f => f.StartsWith("images/", StringComparison.Ordinal))} images with labels and classes.txt " +
                $"({string.Join(", ", SampleDataset.Classes)}) to {CommandErrors.OneLine(folder)}");
            Console.Out.WriteLine($"Next: detector prepare --source {CommandErrors.OneLine(folder)} --output out/");
            return Task.FromResult(ExitCodes.Success);
        }, Console.Error));
        return command;
    }
}
