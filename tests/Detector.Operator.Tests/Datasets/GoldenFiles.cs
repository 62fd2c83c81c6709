using System.Text.Json.Nodes;
using Detector.Testing;
using k8s;

namespace Detector.Operator.Tests.Datasets;

/// <summary>
/// Golden files under tests/Detector.Operator.Tests/Golden: the test compares a value's JSON with the checked-in file;
/// with UPDATE_GOLDEN=1 it rewrites the file instead, and the diff is reviewed like code.
/// </summary>
public static class GoldenFiles
{
    /// <summary>The folder of the golden files in the source tree.</summary>
    public static string Directory { get; } = Path.Combine(SharedData.RepositoryRoot, "tests", "Detector.Operator.Tests", "Golden");

    /// <summary>Asserts that <paramref name="value"/> serialises (as the Kubernetes client sends it) to the golden file.</summary>
    public static void AssertJson(string fileName, object value)
    {
        var actual = JsonNode.Parse(KubernetesJson.Serialize(value))!.ToJsonString(new() { WriteIndented = true }) + "\n";
        var path = Path.Combine(Directory, fileName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
