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
        var verbose = new Option<bool>("--verbose") { Description = "Print the stack trace of a failure after its one-line message" };
        var command = new Command("validate", "Validates manifests offline against the CRD schemas, semantic rules and namespace policy.");
        command.Options.Add(files);
        command.Options.Add(policyFile);
        command.Options.Add(verbose);
        command.SetAction(parseResult => CommandErrors.RunAsync("validate", null, parseResult.GetValue(verbose), () =>
        {
            NamespacePolicy? policy = null;
            if (parseResult.GetValue(policyFile) is { } policyPath)
            {
                try
                {
                    // The policy file gets the same size budget as manifests (its YAML parse has the depth and alias budgets).
                    if (TooLarge(policyPath.FullName) is { } tooLarge)
                        throw new FormatException($"{policyPath.FullName}: {tooLarge}");
                    policy = NamespacePolicy.Load(policyPath.FullName);
                }
                catch (Exception e) when (e is FormatException or IOException)
                {
                    Console.Error.WriteLine($"detector validate: {CommandErrors.OneLine(e.Message)}");
                    return Task.FromResult(ExitCodes.UsageError);
                }
            }
            var (paths, missing) = Expand(parseResult.GetValue(files) ?? []);
            foreach (var path in missing) Console.Out.WriteLine($"{CommandErrors.OneLine(path)}: no such file or folder");
            var (objects, problems) = (0, missing.Count);
            foreach (var path in paths)
            {
                var report = TooLarge(path) is { } tooLarge
                    ? new ManifestReport(0, 0, [new(path, "(file)", new FieldError("", tooLarge))])
                    : ManifestValidation.Validate(path, File.ReadAllText(path), policy);
                objects += report.Checked;
                problems += report.Problems.Count;
                foreach (var problem in report.Problems) Console.Out.WriteLine(CommandErrors.OneLine(problem.ToString()));
            }
            if (problems > 0)
            {
                Console.Out.WriteLine($"{problems} problem(s) in {objects} Detector object(s) from {paths.Count} file(s)");
                return Task.FromResult(ExitCodes.DataFailure);
            }
            Console.Out.WriteLine($"{objects} Detector object(s) in {paths.Count} file(s) valid");
            return Task.FromResult(ExitCodes.Success);
        }, Console.Error));
        return command;
    }

    // Checked from the size before a byte is read: a manifest is a few kilobytes, the API server takes at most 3 MB per object.
    private static string? TooLarge(string path)
    {
        var length = new FileInfo(path).Length;
        return length > Preprocessing.InputBudgets.MaxYamlBytes
            ? $"{length:N0} bytes, more than the limit of {Preprocessing.InputBudgets.MaxYamlBytes:N0} for a manifest file"
            : null;
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
