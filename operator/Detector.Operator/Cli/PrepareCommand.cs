using System.CommandLine;

namespace Detector.Operator.Cli;

/// <summary>`detector prepare`: Prepares a YOLO dataset: letterbox, SSD labels, MXNet RecordIO, upload.</summary>
public static class PrepareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("prepare", "Prepares a YOLO dataset: letterbox, SSD labels, MXNet RecordIO, upload.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("detector prepare: not implemented yet");
            return 2;
        });
        return command;
    }
}
