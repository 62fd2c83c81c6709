using System.Text.Json.Serialization;
using k8s.Models;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>A SageMaker hyperparameter tuning job over the Object Detection algorithm, maximizing validation:mAP.</summary>
[ResourceNames(Plural, "tun")]
[PrinterColumn("Phase", "string", ".status.phase", Order = 1, Description = "Pending, Waiting, Tuning, Completed, Failed or Stopped.")]
[PrinterColumn("Completed", "integer", ".status.counters.completed", Order = 2, Description = "Training jobs completed.")]
[PrinterColumn("Running", "integer", ".status.counters.inProgress", Order = 3, Description = "Training jobs in progress.")]
[PrinterColumn("Best mAP", "number", ".status.bestTrainingJob.mAP", Order = 4, Description = "Validation mAP of the best training job.")]
[PrinterColumn("Live Best", "number", ".status.progress.bestMAP", Order = 5, Description = "Best validation:mAP so far, running trials included.")]
[PrinterColumn("Best Job", "string", ".status.bestTrainingJob.name", Order = 6, Priority = 1, Description = "The best training job.")]
[KubernetesEntity(Group = ApiGroup.Name, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
public sealed class TuningRun : CustomResource<TuningRunSpec, TuningRunStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "TuningRun";

    /// <summary>The plural resource name.</summary>
    public const string Plural = "tuningruns";

    /// <summary>Creates an empty TuningRun with apiVersion and kind set.</summary>
    public TuningRun() => Kind = KindName;
}

/// <summary>Desired state of a TuningRun. Any change starts a new tuning job.</summary>
public sealed record TuningRunSpec : ITrainingJobSpec
{
    /// <summary>Name of a Dataset in the same namespace; tuning waits until it is Ready.</summary>
    [Required, Length(1, Patterns.ObjectNameMaxLength), Pattern(Patterns.ObjectName)]
    [JsonPropertyName("datasetRef")] public string DatasetRef { get; init; } = "";

    /// <summary>IAM role SageMaker assumes; the namespace policy must allow it.</summary>
    [Required, Length(20, 2048), Pattern(Patterns.RoleArn)]
    [JsonPropertyName("roleArn")] public string RoleArn { get; init; } = "";

    /// <summary>Where the training jobs' model artifacts go.</summary>
    [Required] [JsonPropertyName("output")] public ArtifactOutput Output { get; init; } = new();

    /// <summary>The SSD network, the same for every training job.</summary>
    [JsonPropertyName("algorithm")] public ObjectDetectionAlgorithm Algorithm { get; init; } = new();

    /// <summary>Hyperparameters of every training job; a hyperparameter listed in ranges is tuned instead.</summary>
    [JsonPropertyName("hyperparameters")] public ObjectDetectionHyperparameters Hyperparameters { get; init; } = new();

    /// <summary>The metric to optimize.</summary>
    [JsonPropertyName("objective")] public TuningObjective Objective { get; init; } = new();

    /// <summary>The hyperparameters to tune and their ranges.</summary>
    [Required] [JsonPropertyName("ranges")] public TuningRanges Ranges { get; init; } = new();

    /// <summary>Search strategy: Bayesian (default), Random, Hyperband or Grid.</summary>
    [Enum("Bayesian", "Random", "Hyperband", "Grid")] [JsonPropertyName("strategy")] public string Strategy { get; init; } = "Bayesian";

    /// <summary>With strategy Hyperband: the epoch budget per training job.</summary>
    [JsonPropertyName("hyperband")] public HyperbandConfig? Hyperband { get; init; }

    /// <summary>Most training jobs in total (not with Grid, which tries every combination).</summary>
    [Minimum(1), Maximum(500)] [JsonPropertyName("maxTrainingJobs")] public int MaxTrainingJobs { get; init; } = 10;

    /// <summary>Most training jobs at the same time; at most maxTrainingJobs.</summary>
    [Minimum(1), Maximum(100)] [JsonPropertyName("maxParallelTrainingJobs")] public int MaxParallelTrainingJobs { get; init; } = 2;

    /// <summary>Longest time in seconds for the whole tuning job; none when unset.</summary>
    [Minimum(120), Maximum(15_552_000)] [JsonPropertyName("maxRuntimeSeconds")] public int? MaxRuntimeSeconds { get; init; }

    /// <summary>Off (default) or Auto: SageMaker stops training jobs that are unlikely to beat the best one.</summary>
    [Enum("Off", "Auto")] [JsonPropertyName("earlyStopping")] public string EarlyStopping { get; init; } = "Off";

    /// <summary>When the tuning job may finish before maxTrainingJobs.</summary>
    [JsonPropertyName("completionCriteria")] public TuningCompletionCriteria? CompletionCriteria { get; init; }

    /// <summary>Start from what earlier TuningRuns learned (their tuning jobs become parents); they must have finished.</summary>
    [JsonPropertyName("warmStart")] public TuningWarmStart? WarmStart { get; init; }

    /// <summary>Seed of the search, so the same spec tries the same hyperparameters (Random, Grid, Hyperband); none when unset.</summary>
    [Minimum(0), Maximum(2_147_483_647)] [JsonPropertyName("randomSeed")] public int? RandomSeed { get; init; }

    /// <summary>Instances, volume and warm pool of each training job.</summary>
    [JsonPropertyName("resources")] public TrainingResources Resources { get; init; } = new();

    /// <summary>When SageMaker stops each training job.</summary>
    [JsonPropertyName("stoppingCondition")] public StoppingCondition StoppingCondition { get; init; } = new();

    /// <summary>Managed spot training and checkpoints for each training job.</summary>
    [JsonPropertyName("spot")] public SpotTraining? Spot { get; init; }

    /// <summary>VPC the training containers join; none when unset.</summary>
    [JsonPropertyName("vpcConfig")] public VpcConfig? VpcConfig { get; init; }

    /// <summary>Cut the training containers off the network (EnableNetworkIsolation).</summary>
    [JsonPropertyName("networkIsolation")] public bool NetworkIsolation { get; init; }

    /// <summary>Encrypt traffic between training instances (EnableInterContainerTrafficEncryption).</summary>
    [JsonPropertyName("interContainerTrafficEncryption")] public bool InterContainerTrafficEncryption { get; init; }

    /// <summary>Tags on the SageMaker tuning job (at most 50; keys 1-128, values up to 256 characters).</summary>
    [MaxProperties(Patterns.MaxTags), Length(0, 256)]
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Times SageMaker restarts a training job after an internal server error (RetryStrategy, 1-30); none when unset.</summary>
    [Minimum(1), Maximum(30)] [JsonPropertyName("maxRetryAttempts")] public int? MaxRetryAttempts { get; init; }

    /// <summary>Stop (default) stops a running tuning job when the TuningRun is deleted; Retain lets it finish.</summary>
    [Enum(JobDeletionPolicy.Stop, JobDeletionPolicy.Retain)]
    [JsonPropertyName("deletionPolicy")] public string DeletionPolicy { get; init; } = JobDeletionPolicy.Stop;
}

/// <summary>The objective of a tuning job; Object Detection documents only validation:mAP, maximized.</summary>
public sealed record TuningObjective
{
    /// <summary>The metric: validation:mAP.</summary>
    [Enum("validation:mAP")] [JsonPropertyName("metricName")] public string MetricName { get; init; } = "validation:mAP";

    /// <summary>Maximize (the only sensible direction for mAP).</summary>
    [Enum("Maximize")] [JsonPropertyName("type")] public string Type { get; init; } = "Maximize";
}

/// <summary>The tunable Object Detection hyperparameters and their ranges.</summary>
public sealed record TuningRanges
{
    /// <summary>Continuous ranges: learningRate, momentum, weightDecay.</summary>
    [Items(0, 3)] [JsonPropertyName("continuous")] public IReadOnlyList<ContinuousRange> Continuous { get; init; } = [];

    /// <summary>Integer ranges: miniBatchSize.</summary>
    [Items(0, 1)] [JsonPropertyName("integer")] public IReadOnlyList<IntegerRange> Integer { get; init; } = [];

    /// <summary>Categorical ranges: optimizer.</summary>
    [Items(0, 1)] [JsonPropertyName("categorical")] public IReadOnlyList<CategoricalRange> Categorical { get; init; } = [];
}

/// <summary>A continuous range (learning_rate 1e-6…0.5, momentum 0…0.999, weight_decay 0…0.999).</summary>
public sealed record ContinuousRange
{
    /// <summary>The hyperparameter: learningRate, momentum or weightDecay.</summary>
    [Required, Enum("learningRate", "momentum", "weightDecay")] [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>Smallest value tried.</summary>
    [Required] [JsonPropertyName("minValue")] public double MinValue { get; init; }

    /// <summary>Largest value tried; greater than minValue.</summary>
    [Required] [JsonPropertyName("maxValue")] public double MaxValue { get; init; }

    /// <summary>Auto (default), Linear, Logarithmic (minValue &gt; 0) or ReverseLogarithmic (maxValue &lt; 1).</summary>
    [Enum("Auto", "Linear", "Logarithmic", "ReverseLogarithmic")] [JsonPropertyName("scaling")] public string Scaling { get; init; } = "Auto";
}

/// <summary>An integer range (mini_batch_size 8…64).</summary>
public sealed record IntegerRange
{
    /// <summary>The hyperparameter: miniBatchSize.</summary>
    [Required, Enum("miniBatchSize")] [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>Smallest value tried.</summary>
    [Required] [JsonPropertyName("minValue")] public int MinValue { get; init; }

    /// <summary>Largest value tried; greater than minValue.</summary>
    [Required] [JsonPropertyName("maxValue")] public int MaxValue { get; init; }

    /// <summary>Auto (default), Linear or Logarithmic.</summary>
    [Enum("Auto", "Linear", "Logarithmic")] [JsonPropertyName("scaling")] public string Scaling { get; init; } = "Auto";
}

/// <summary>A categorical range (optimizer).</summary>
public sealed record CategoricalRange
{
    /// <summary>The hyperparameter: optimizer.</summary>
    [Required, Enum("optimizer")] [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The values tried: sgd, adam, rmsprop, adadelta.</summary>
    [Required, Items(1, 4), Enum("sgd", "adam", "rmsprop", "adadelta")]
    [JsonPropertyName("values")] public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>Hyperband's epoch budget per training job.</summary>
public sealed record HyperbandConfig
{
    /// <summary>Fewest epochs a training job runs before it may be stopped.</summary>
    [Minimum(1), Maximum(10_000)] [JsonPropertyName("minResource")] public int MinResource { get; init; } = 1;

    /// <summary>Most epochs a training job runs; also its epochs hyperparameter.</summary>
    [Minimum(1), Maximum(10_000)] [JsonPropertyName("maxResource")] public int MaxResource { get; init; } = 30;
}

/// <summary>When a tuning job may finish early.</summary>
public sealed record TuningCompletionCriteria
{
    /// <summary>Finish once a training job reaches this validation mAP.</summary>
    [Minimum(0), Maximum(1)] [JsonPropertyName("targetMAP")] public double? TargetMAP { get; init; }

    /// <summary>Finish after this many jobs in a row without improving on the best (at least 3).</summary>
    [Minimum(3), Maximum(500)] [JsonPropertyName("maxJobsNotImproving")] public int? MaxJobsNotImproving { get; init; }

    /// <summary>Finish when SageMaker detects that the objective has converged.</summary>
    [JsonPropertyName("completeOnConvergence")] public bool CompleteOnConvergence { get; init; }
}

/// <summary>Warm start: earlier TuningRuns whose results seed this search.</summary>
public sealed record TuningWarmStart
{
    /// <summary>Names of 1-5 TuningRuns in the same namespace; their current tuning jobs are the parents.</summary>
    [Required, Items(1, 5), Length(1, Patterns.ObjectNameMaxLength), Pattern(Patterns.ObjectName)]
    [JsonPropertyName("tuningRunRefs")] public IReadOnlyList<string> TuningRunRefs { get; init; } = [];

    /// <summary>IdenticalDataAndAlgorithm (default: same Dataset and network, other ranges) or TransferLearning (data or ranges changed).</summary>
    [Enum("IdenticalDataAndAlgorithm", "TransferLearning")]
    [JsonPropertyName("type")] public string Type { get; init; } = "IdenticalDataAndAlgorithm";
}
