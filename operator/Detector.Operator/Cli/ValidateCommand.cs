using System.CommandLine;
using Detector.Operator.Policy;
using Detector.Operator.Validation;

namespace Detector.Operator.Cli;

/// <summary>`detector validate`: validates manifests offline against the CRD schemas, semantic rules and namespace policy.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Option<string[]>("--filename", "-f")
        {
            Description = "Manifest files or folders (*.yaml, *.yml, *.json, recursively); repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var policyFile = new Option<FileInfo?>("--policy") { Description = "Namespace policy file (YAML or JSON) to check roles, S3 prefixes, service accounts and http hosts against (the chart's policy.yaml)." };
        var command = new Command("validate", "Validates manifests offline against the CRD schemas, semantic rules and namespace policy.");
        command.Options.Add(files);
        command.Options.Add(policyFile);
        command.SetAction(parseResult =>
        {
            NamespacePolicy? policy = null;
            if (parseResult.GetValue(policyFile) is { } policyPath)
            {
                try
                {
                    policy = NamespacePolicy.Load(policyPath.FullName);
                }
                catch (Exception e) when (e is FormatException or IOException)
                {
                    Console.Error.WriteLine($"detector validate: {e.Message}");
                    return 2;
                }
            }
            var (paths, missing) = Expand(parseResult.GetValue(files) ?? []);
            foreach (var path in missing) Console.Out.WriteLine($"{path}: no such file or folder");
            var (objects, problems) = (0, missing.Count);
            foreach (var path in paths)
            {
                var report = ManifestValidation.Validate(path, File.ReadAllText(path), policy);
                objects += report.Checked;
                problems += report.Problems.Count;
                foreach (var problem in report.Problems) Console.Out.WriteLine(problem);
            }
            if (problems > 0)
            {
                Console.Out.WriteLine($"{problems} problem(s) in {objects} Detector object(s) from {paths.Count} file(s)");
                return 1;
            }
            Console.Out.WriteLine($"{objects} Detector object(s) in {paths.Count} file(s) valid");
            return 0;
        });
        return command;
    }

    private static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var argument in arguments)
        {
            if (File.Exists(argument)) files.Add(argument);
            else if (Directory.Exists(argument))
                files.AddRange(Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories)
                    .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json")
                    .Order(StringComparer.Ordinal));
            else missing.Add(argument);
        }
        return (files, missing);
    }
}
