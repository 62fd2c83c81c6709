using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.FakeSageMakerTests;

/// <summary>Valid request bodies for the tests (as the operator would send them for the Object Detection image).</summary>
public static class SageMakerRequests
{
    /// <summary>The role every request uses.</summary>
    public const string Role = "arn:aws:iam::123456789012:role/detector-sagemaker";

    /// <summary>The built-in Object Detection image in us-east-1.</summary>
    public const string Image = "811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1";

    /// <summary>A CreateTrainingJob body.</summary>
    public static JsonObject TrainingJob(string name, string bucket = "data", bool spot = false) => new()
    {
        ["TrainingJobName"] = name,
        ["RoleArn"] = Role,
        ["AlgorithmSpecification"] = new JsonObject { ["TrainingImage"] = Image, ["TrainingInputMode"] = "File" },
        ["HyperParameters"] = new JsonObject { ["num_classes"] = "7", ["num_training_samples"] = "150", ["epochs"] = "30", ["learning_rate"] = "0.001" },
        ["InputDataConfig"] = new JsonArray(Channel("train", $"s3://{bucket}/aquarium/train/"), Channel("validation", $"s3://{bucket}/aquarium/validation/")),
        ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = $"s3://{bucket}/models" },
        ["ResourceConfig"] = new JsonObject { ["InstanceType"] = "ml.p3.2xlarge", ["InstanceCount"] = 1, ["VolumeSizeInGB"] = 50 },
        ["StoppingCondition"] = spot
            ? new JsonObject { ["MaxRuntimeInSeconds"] = 86_400, ["MaxWaitTimeInSeconds"] = 172_800 }
            : new JsonObject { ["MaxRuntimeInSeconds"] = 86_400 },
        ["EnableManagedSpotTraining"] = spot,
        ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "detector.dev/name", ["Value"] = "aquarium" }),
    };

    /// <summary>A CreateHyperParameterTuningJob body over the five tunable hyperparameters' valid ranges.</summary>
    public static JsonObject TuningJob(string name, int maxJobs = 4, int parallel = 2, string strategy = "Bayesian") => new()
    {
        ["HyperParameterTuningJobName"] = name,
        ["HyperParameterTuningJobConfig"] = new JsonObject
        {
            ["Strategy"] = strategy,
            ["HyperParameterTuningJobObjective"] = new JsonObject { ["Type"] = "Maximize", ["MetricName"] = "validation:mAP" },
            ["ResourceLimits"] = new JsonObject { ["MaxNumberOfTrainingJobs"] = maxJobs, ["MaxParallelTrainingJobs"] = parallel },
            ["ParameterRanges"] = new JsonObject
            {
                ["ContinuousParameterRanges"] = new JsonArray(
                    new JsonObject { ["Name"] = "learning_rate", ["MinValue"] = "0.0001", ["MaxValue"] = "0.5", ["ScalingType"] = "Logarithmic" }),
                ["IntegerParameterRanges"] = new JsonArray(new JsonObject { ["Name"] = "mini_batch_size", ["MinValue"] = "8", ["MaxValue"] = "64" }),
                ["CategoricalParameterRanges"] = new JsonArray(
                    new JsonObject { ["Name"] = "optimizer", ["Values"] = new JsonArray("sgd", "adam", "rmsprop") }),
            },
            ["TrainingJobEarlyStoppingType"] = "Off",
        },
        ["TrainingJobDefinition"] = new JsonObject
        {
            ["AlgorithmSpecification"] = new JsonObject { ["TrainingImage"] = Image, ["TrainingInputMode"] = "File" },
            ["RoleArn"] = Role,
            ["StaticHyperParameters"] = new JsonObject { ["num_classes"] = "7", ["num_training_samples"] = "150" },
            ["InputDataConfig"] = new JsonArray(Channel("train", "s3://data/aquarium/train/"), Channel("validation", "s3://data/aquarium/validation/")),
            ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = "s3://data/tuning" },
            ["ResourceConfig"] = new JsonObject { ["InstanceType"] = "ml.g5.xlarge", ["InstanceCount"] = 1, ["VolumeSizeInGB"] = 50 },
            ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 86_400 },
        },
    };

    /// <summary>A RecordIO channel.</summary>
    public static JsonObject Channel(string name, string uri) => new()
    {
        ["ChannelName"] = name,
        ["ContentType"] = "application/x-recordio",
        ["DataSource"] = new JsonObject
        {
            ["S3DataSource"] = new JsonObject { ["S3DataType"] = "S3Prefix", ["S3Uri"] = uri, ["S3DataDistributionType"] = "FullyReplicated" },
        },
    };
}
