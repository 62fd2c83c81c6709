using System.CommandLine;

namespace Detector.Operator.Cli;

/// <summary>`detector sample`: Writes a small sample YOLO dataset for the quick start.</summary>
public static class SampleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("sample", "Writes a small sample YOLO dataset for the quick start.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("detector sample: not implemented yet");
            return 2;
        });
        return command;
    }
}
