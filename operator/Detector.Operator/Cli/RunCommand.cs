using System.CommandLine;

namespace Detector.Operator.Cli;

/// <summary>`detector run`: Runs the operator: watches the Detector kinds and reconciles them.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("run", "Runs the operator: watches the Detector kinds and reconciles them.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("detector run: not implemented yet");
            return 2;
        });
        return command;
    }
}
