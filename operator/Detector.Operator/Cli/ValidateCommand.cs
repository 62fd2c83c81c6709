using System.CommandLine;

namespace Detector.Operator.Cli;

/// <summary>`detector validate`: Validates manifests offline against the CRD schemas and semantic rules.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("validate", "Validates manifests offline against the CRD schemas and semantic rules.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("detector validate: not implemented yet");
            return 2;
        });
        return command;
    }
}
