using System.Text.Json.Nodes;

namespace Detector.AwsModelGen;

/// <summary>The file side of the generator: reads the list and models (within budgets), compares and writes the output folder.</summary>
public static class GeneratedFiles
{
    /// <summary>The operations list's name inside the output folder.</summary>
    public const string OperationsFileName = "aws-operations.txt";

    /// <summary>Largest operations list read (it names a few dozen operations).</summary>
    public const long MaxListBytes = 64 * 1024;

    /// <summary>Largest AWS model read (the SageMaker model is about 4 MB).</summary>
    public const long MaxModelBytes = 64L * 1024 * 1024;

    /// <summary>The operations list at the usual place under the repository root.</summary>
    public static string DefaultOperations(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "operator", "Detector.Operator", "Aws", "Model", OperationsFileName);

    /// <summary>Generates every file from the operations list and the models folder.</summary>
    public static SortedDictionary<string, string> Generate(string operationsFile, string modelsDirectory)
    {
        var list = OperationsList.Parse(ReadText(operationsFile, MaxListBytes), Path.GetFileName(operationsFile));
        return ModelGenerator.Generate(list, name =>
            JsonNode.Parse(ReadText(Path.Combine(modelsDirectory, name + ".json"), MaxModelBytes))
            ?? throw new GeneratorException($"{name}.json: empty model"));
    }

    /// <summary>One line per difference between <paramref name="files"/> and the folder: missing, changed or stale files.</summary>
    public static List<string> Differences(string directory, IReadOnlyDictionary<string, string> files)
    {
        var problems = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
                problems.Add($"{name}: missing");
            else if (File.ReadAllText(path) != text)
                problems.Add($"{name}: differs from the generator's output");
        }

        problems.AddRange(Stale(directory, files).Select(name => $"{name}: generated earlier but no longer produced"));
        return problems;
    }

    /// <summary>Writes changed files and deletes stale generated ones; returns (written, deleted).</summary>
    public static (int Written, int Deleted) Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        var written = 0;
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path) && File.ReadAllText(path) == text)
                continue;
            File.WriteAllText(path, text);
            written++;
        }

        var stale = Stale(directory, files).ToList();
        foreach (var name in stale)
            File.Delete(Path.Combine(directory, name));
        return (written, stale.Count);
    }

    // Generated files (by their first line) that the current list no longer produces.
    private static IEnumerable<string> Stale(string directory, IReadOnlyDictionary<string, string> files) =>
        Directory.EnumerateFiles(directory, "*.cs")
            .Where(path => !files.ContainsKey(Path.GetFileName(path)))
            .Where(path => File.ReadLines(path).FirstOrDefault()?.StartsWith(ModelGenerator.Marker, StringComparison.Ordinal) == true)
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string ReadText(string path, long budget)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new GeneratorException($"{path}: no such file");
        if (info.Length > budget)
            throw new GeneratorException($"{path}: {info.Length} bytes is over the {budget}-byte budget");
        return File.ReadAllText(path);
    }
}
