using Detector.Operator.Api.V1Alpha1;
using Detector.Preprocessing.Outputs;
using k8s.Models;

namespace Detector.RuntimeBench;

/// <summary>
/// Pure: the objects of a run with N objects. Dataset <c>data-NNNN</c> and TrainingRun <c>train-NNNN</c> (on that
/// Dataset) for each index; every third Dataset (index % 3 == 2) stays Preparing, so its TrainingRun waits; the others
/// are Prepared and their TrainingRuns create a training job that stays InProgress.
/// </summary>
public static class Scenario
{
    /// <summary>The role the TrainingRuns pass to SageMaker.</summary>
    public const string RoleArn = "arn:aws:iam::123456789012:role/detector-bench-sagemaker";

    /// <summary>The classes of every Dataset (and of its manifest).</summary>
    public static readonly IReadOnlyList<string> Classes = ["fish", "jellyfish", "penguin"];

    /// <summary>The name of Dataset <paramref name="index"/>.</summary>
    public static string DatasetName(int index) => $"data-{index:D4}";

    /// <summary>The name of TrainingRun <paramref name="index"/>.</summary>
    public static string TrainingRunName(int index) => $"train-{index:D4}";

    /// <summary>Whether Dataset <paramref name="index"/> stays Preparing (and TrainingRun <paramref name="index"/> waits).</summary>
    public static bool Waits(int index) => index % 3 == 2;

    /// <summary>How many TrainingRuns of <paramref name="objects"/> get a training job.</summary>
    public static int ExpectedTrainingJobs(int objects) => Enumerable.Range(0, objects).Count(i => !Waits(i));

    /// <summary>The index encoded in a Dataset name, or null for another name.</summary>
    public static int? DatasetIndex(string name) =>
        name.StartsWith("data-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;

    /// <summary>Dataset <paramref name="index"/>: reads an (absent) S3 prefix, writes into the bench bucket.</summary>
    public static Dataset NewDataset(string ns, string bucket, int index) => new()
    {
        Metadata = new V1ObjectMeta { Name = DatasetName(index), NamespaceProperty = ns },
        Spec = new DatasetSpec
        {
            // Never read: the bench plays the Job controller and writes manifest.json as `detector prepare` does last.
            Source = new DatasetSource { S3 = new S3Source { Uri = $"s3://{bucket}/raw/{DatasetName(index)}/" } },
            Classes = [.. Classes],
            Output = new DatasetOutput { S3 = new S3Output { Uri = $"s3://{bucket}/prepared" } },
        },
    };

    /// <summary>TrainingRun <paramref name="index"/> on Dataset <paramref name="index"/>, with the defaults a user leaves alone.</summary>
    public static TrainingRun NewTrainingRun(string ns, string bucket, int index) => new()
    {
        Metadata = new V1ObjectMeta { Name = TrainingRunName(index), NamespaceProperty = ns },
        Spec = new TrainingRunSpec
        {
            DatasetRef = DatasetName(index),
            RoleArn = RoleArn,
            Output = new ArtifactOutput { S3 = new S3Output { Uri = $"s3://{bucket}/models/" } },
        },
    };

    /// <summary>The manifest.json a finished prepare Job leaves in the Dataset's output prefix.</summary>
    public static DatasetManifest Manifest(DateTimeOffset now) => new()
    {
        ToolVersion = "bench",
        Classes = [.. Classes],
        Splits = new Dictionary<string, SplitManifest>
        {
            ["train"] = new() { Images = 150, Boxes = 700, Rec = "train.rec", Idx = "train.idx", Lst = "train.lst",
                BoxesPerClass = new Dictionary<string, long> { ["fish"] = 500, ["jellyfish"] = 50, ["penguin"] = 150 } },
            ["validation"] = new() { Images = 40, Boxes = 200, Rec = "validation.rec", Idx = "validation.idx", Lst = "validation.lst",
                BoxesPerClass = new Dictionary<string, long> { ["fish"] = 140, ["jellyfish"] = 10, ["penguin"] = 50 } },
        },
        LabelWidth = 12,
        ContentHash = "bench",
        CreatedAt = now,
    };
}
