using Detector.AwsModelGen;
using Detector.Operator.Aws;
using Detector.Testing;

namespace Detector.Operator.Tests.Aws;

/// <summary>
/// Aws/Model is exactly what tools/Detector.AwsModelGen writes from the AWS models and aws-operations.txt: the records
/// cannot drift from the model by hand, and a model refresh is one command.
/// </summary>
public class ModelConformanceTests
{
    private static string ModelFolder => Path.Combine(SharedData.RepositoryRoot, "operator", "Detector.Operator", "Aws", "Model");

    [SkippableFact]
    public void CheckedInRecords_AreTheGeneratorsOutput()
    {
        var models = Path.GetDirectoryName(SharedData.SageMakerModel)!;
        var files = GeneratedFiles.Generate(GeneratedFiles.DefaultOperations(SharedData.RepositoryRoot), models);

        var problems = GeneratedFiles.Differences(ModelFolder, files);

        Assert.True(problems.Count == 0,
            $"Aws/Model is not the generator's output; regenerate with `{ModelGenerator.Command}`:\n" + string.Join('\n', problems));
        Assert.Contains("TrainingJobs.cs", files.Keys);
    }

    [Fact]
    public void EveryRecordFile_IsGenerated()
    {
        // A hand-written file here would escape the regenerate-and-diff check above.
        var handWritten = Directory.EnumerateFiles(ModelFolder, "*.cs")
            .Where(path => File.ReadLines(path).FirstOrDefault()?.StartsWith(ModelGenerator.Marker, StringComparison.Ordinal) != true)
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(handWritten);
    }

    [Fact]
    public void OperationsList_IsWhatTheClientInterfacesOffer()
    {
        var list = OperationsList.Parse(File.ReadAllText(GeneratedFiles.DefaultOperations(SharedData.RepositoryRoot)), "aws-operations.txt");
        string[] Operations(params Type[] interfaces) =>
            [.. interfaces.SelectMany(i => i.GetInterfaces().Append(i)).Distinct().SelectMany(i => i.GetMethods())
                .Select(m => m.Name[..^"Async".Length]).Order(StringComparer.Ordinal)];
        string[] Listed(string model) =>
            [.. list.Groups.Where(g => g.Model == model).SelectMany(g => g.Operations).Order(StringComparer.Ordinal)];

        Assert.Equal(Operations(typeof(ISageMaker)), Listed("sagemaker-2017-07-24"));
        Assert.Equal(Operations(typeof(ISageMakerRuntime)), Listed("sagemaker-runtime-2017-05-13"));
    }
}
