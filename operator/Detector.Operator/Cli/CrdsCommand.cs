using System.CommandLine;
using Detector.Operator.Crds;

namespace Detector.Operator.Cli;

/// <summary>`detector crds`: prints (or writes) the generated CustomResourceDefinitions.</summary>
public static class CrdsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var outputDir = new Option<DirectoryInfo?>("--output-dir")
        {
            Description = "Write one file per kind (<plural>.detector.dev.yaml) into this folder instead of printing.",
        };
        var command = new Command("crds", "Prints (or writes) the generated CustomResourceDefinitions.");
        command.Options.Add(outputDir);
        command.SetAction(parseResult =>
        {
            var crds = CrdGenerator.All;
            if (parseResult.GetValue(outputDir) is not { } dir)
            {
                Console.Out.Write(CrdGenerator.ToYaml(crds));
                return 0;
            }
            dir.Create();
            foreach (var crd in crds)
            {
                var path = Path.Combine(dir.FullName, CrdGenerator.FileName(crd));
                File.WriteAllText(path, CrdGenerator.ToYaml(crd));
                Console.Error.WriteLine($"Wrote {path}");
            }
            return 0;
        });
        return command;
    }
}
