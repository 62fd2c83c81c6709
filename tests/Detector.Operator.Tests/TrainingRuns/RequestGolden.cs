using System.Text.Json.Nodes;
using Detector.Operator.Aws;
using Detector.Operator.Tests.Datasets;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>Golden files of SageMaker requests as the client puts them on the wire (UPDATE_GOLDEN=1 rewrites them).</summary>
public static class RequestGolden
{
    /// <summary>Asserts that <paramref name="request"/> serializes (with <see cref="AwsJson"/>) to the golden file.</summary>
    public static void AssertJson(string fileName, object request)
    {
        var actual = JsonNode.Parse(AwsJson.Serialize(request))!.ToJsonString(new() { WriteIndented = true }) + "\n";
        var path = Path.Combine(GoldenFiles.Directory, fileName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
