using Detector.AwsModelGen;

// dotnet run --project tools/Detector.AwsModelGen [-- --models DIR] [--operations FILE] [--output DIR] [--check]
// Regenerates operator/Detector.Operator/Aws/Model/*.cs; --check only reports differences (exit 1 when there are any).
try
{
    var options = Arguments.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(Arguments.Usage);
        return 0;
    }

    var files = GeneratedFiles.Generate(options.Operations, options.Models);
    if (options.Check)
    {
        var problems = GeneratedFiles.Differences(options.Output, files);
        foreach (var problem in problems)
            Console.Error.WriteLine(problem);
        Console.WriteLine(problems.Count == 0
            ? $"{files.Count} files in {options.Output} are up to date"
            : $"{problems.Count} differences; regenerate with `{ModelGenerator.Command}`");
        return problems.Count == 0 ? 0 : 1;
    }

    var (written, deleted) = GeneratedFiles.Write(options.Output, files);
    Console.WriteLine($"{files.Count} files in {options.Output}: {written} written, {deleted} stale deleted, {files.Count - written} unchanged");
    return 0;
}
catch (GeneratorException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
