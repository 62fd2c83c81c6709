using System.CommandLine;
using Detector.Operator.Policy;

namespace Detector.Operator.Cli;

/// <summary>`detector admission-policies`: prints (or writes) the chart's generated ValidatingAdmissionPolicies.</summary>
public static class AdmissionPoliciesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--output")
        {
            Description = $"Write the Helm template to this file (normally {AdmissionPolicyTemplate.ChartPath}) instead of printing.",
        };
        var command = new Command("admission-policies",
            "Prints the Helm template of the ValidatingAdmissionPolicies that enforce the namespace policy, generated from the C# rule table.");
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var text = AdmissionPolicyTemplate.Render();
            if (parseResult.GetValue(output) is not { } file)
            {
                Console.Out.Write(text);
                return 0;
            }
            File.WriteAllText(file.FullName, text);
            Console.Error.WriteLine($"Wrote {file.FullName}");
            return 0;
        });
        return command;
    }
}
