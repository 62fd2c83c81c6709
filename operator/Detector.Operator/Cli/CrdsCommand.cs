using System.CommandLine;

namespace Detector.Operator.Cli;

/// <summary>`detector crds`: Prints (or writes) the generated CustomResourceDefinitions.</summary>
public static class CrdsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("crds", "Prints (or writes) the generated CustomResourceDefinitions.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("detector crds: not implemented yet");
            return 2;
        });
        return command;
    }
}
