namespace Detector.AwsModelGen;

/// <summary>The command line, with defaults found from the repository root (the folder holding Detector.sln).</summary>
public sealed record Arguments(string Operations, string Models, string Output, bool Check, bool Help)
{
    /// <summary>The help text.</summary>
    public const string Usage = """
        Usage: dotnet run --project tools/Detector.AwsModelGen -- [options]
          --operations FILE  operations list (default operator/Detector.Operator/Aws/Model/aws-operations.txt)
          --models DIR       AWS API models (default $DETECTOR_SHARED_DIR/aws-models, else shared/aws-models above the repo)
          --output DIR       where the .cs files go (default: the operations list's folder)
          --check            write nothing; list differences and exit 1 if there are any
        """;

    /// <summary>Parses the arguments; an unknown or incomplete option is a <see cref="GeneratorException"/>.</summary>
    public static Arguments Parse(string[] args)
    {
        string? operations = null, models = null, output = null;
        bool check = false, help = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new GeneratorException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--operations": operations = Value(); break;
                case "--models": models = Value(); break;
                case "--output": output = Value(); break;
                case "--check": check = true; break;
                case "-h" or "--help": help = true; break;
                default: throw new GeneratorException($"unknown argument '{args[i]}' (see --help)");
            }
        }

        if (help)
            return new Arguments("", "", "", false, true);
        var root = operations is null || models is null ? RepositoryRoot() : "";
        operations ??= GeneratedFiles.DefaultOperations(root);
        models ??= DefaultModels(root);
        output ??= Path.GetDirectoryName(Path.GetFullPath(operations))!;
        if (!Directory.Exists(models))
            throw new GeneratorException($"--models: {models} is not a folder (pass the aws-models folder of ../shared)");
        if (!Directory.Exists(output))
            throw new GeneratorException($"--output: {output} is not a folder");
        return new Arguments(operations, models, output, check, false);
    }

    // Like the tests' SharedData: $DETECTOR_SHARED_DIR, else the first shared/aws-models above the repository root
    // (worktrees live a level deeper than the main checkout).
    private static string DefaultModels(string root)
    {
        if (Environment.GetEnvironmentVariable("DETECTOR_SHARED_DIR") is { Length: > 0 } shared)
            return Path.Combine(shared, "aws-models");
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "aws-models")))
                return Path.Combine(dir.FullName, "shared", "aws-models");
        throw new GeneratorException($"no shared/aws-models above {root}; pass --models or set DETECTOR_SHARED_DIR");
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Detector.sln")))
                    return dir.FullName;
        throw new GeneratorException("Detector.sln not found above the current folder; pass --operations and --models");
    }
}
