using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>Sample runs, Datasets and inputs shared by the TrainingRun and TuningRun tests.</summary>
public static class RunSamples
{
    /// <summary>The namespace of the samples.</summary>
    public const string Namespace = "vision";

    /// <summary>The Dataset the samples train on.</summary>
    public const string DatasetName = "aquarium";

    /// <summary>The region of the samples.</summary>
    public const string Region = "us-east-1";

    /// <summary>A fixed clock reading.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    /// <summary>The inputs of the ready sample Dataset.</summary>
    public static DatasetInputs Inputs { get; } = new(DatasetName, "s3://prepared/datasets/aquarium-0123456789/train.rec",
        "s3://prepared/datasets/aquarium-0123456789/validation.rec", 7, 152, 112, "sha256:abc");

    /// <summary>A valid TrainingRun on the sample Dataset.</summary>
    public static TrainingRun TrainingRun(Func<TrainingRunSpec, TrainingRunSpec>? edit = null, string name = "aquarium-ssd")
    {
        var spec = new TrainingRunSpec
        {
            DatasetRef = DatasetName,
            RoleArn = "arn:aws:iam::123456789012:role/detector-vision-sagemaker",
            Output = new ArtifactOutput { S3 = new S3Output { Uri = "s3://models/vision/" } },
            Tags = new Dictionary<string, string> { ["team"] = "vision" },
        };
        return new TrainingRun { Metadata = Meta(name, "7a1c2a4e-0000-4000-8000-000000000002"), Spec = edit is null ? spec : edit(spec) };
    }

    /// <summary>A valid TuningRun on the sample Dataset, tuning the learning rate and the optimizer.</summary>
    public static TuningRun TuningRun(Func<TuningRunSpec, TuningRunSpec>? edit = null, string name = "aquarium-hpo")
    {
        var spec = new TuningRunSpec
        {
            DatasetRef = DatasetName,
            RoleArn = "arn:aws:iam::123456789012:role/detector-vision-sagemaker",
            Output = new ArtifactOutput { S3 = new S3Output { Uri = "s3://models/tuning/" } },
            Ranges = new TuningRanges
            {
                Continuous = [new ContinuousRange { Name = "learningRate", MinValue = 0.0001, MaxValue = 0.05, Scaling = "Logarithmic" }],
                Categorical = [new CategoricalRange { Name = "optimizer", Values = ["sgd", "adam"] }],
            },
            MaxTrainingJobs = 4,
            MaxParallelTrainingJobs = 2,
        };
        return new TuningRun { Metadata = Meta(name, "7a1c2a4e-0000-4000-8000-000000000003"), Spec = edit is null ? spec : edit(spec) };
    }

    /// <summary>The sample Dataset, Ready with outputs and counts (or just created, when <paramref name="ready"/> is false).</summary>
    public static Dataset Dataset(bool ready = true) => new()
    {
        Metadata = Meta(DatasetName, "3f1c2a4e-0000-4000-8000-000000000001"),
        Spec = new DatasetSpec
        {
            Source = new DatasetSource { S3 = new S3Source { Uri = "s3://raw/aquarium/" } },
            Output = new DatasetOutput { S3 = new S3Output { Uri = "s3://prepared/datasets" } },
        },
        Status = !ready ? null : new DatasetStatus
        {
            Phase = "Ready",
            ObservedGeneration = 1,
            Conditions = Conditions.Set([], Conditions.Ready, true, "Prepared", "Prepared", 1, Now),
            ClassNames = ["fish", "jellyfish", "penguin", "puffin", "shark", "starfish", "stingray"],
            Counts = new DatasetCounts { Images = 190, TrainImages = 152, ValidationImages = 38, Boxes = 900 },
            Outputs = new DatasetOutputs { Prefix = "s3://prepared/datasets/aquarium-0123456789/", TrainRec = Inputs.TrainRecUri, ValidationRec = Inputs.ValidationRecUri },
            LabelWidth = 112,
            ContentHash = "sha256:abc",
        },
    };

    private static V1ObjectMeta Meta(string name, string uid) => new() { Name = name, NamespaceProperty = Namespace, Uid = uid, Generation = 1 };
}
