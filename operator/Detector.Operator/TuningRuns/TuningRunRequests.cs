using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using static Detector.Operator.Runs.ObjectDetectionHyperparameterWire;

namespace Detector.Operator.TuningRuns;

/// <summary>Pure: a TuningRun, its Dataset's inputs and its warm-start parents → the CreateHyperParameterTuningJob request.</summary>
public static class TuningRunRequests
{
    /// <summary>How many of the best training jobs the status lists.</summary>
    public const int TopTrials = 5;

    /// <summary>
    /// The request of the run's current spec. <paramref name="image"/> is the region's Object Detection image;
    /// <paramref name="parentJobs"/> are the tuning job names of the warm-start TuningRuns (empty without warm start).
    /// </summary>
    public static CreateHyperParameterTuningJobRequest BuildCreateTuningJob(TuningRun run, DatasetInputs data, string image,
        IReadOnlyList<string> parentJobs)
    {
        var spec = run.Spec;
        var name = TuningJobNames.TuningJob(run);
        return new CreateHyperParameterTuningJobRequest
        {
            HyperParameterTuningJobName = name,
            HyperParameterTuningJobConfig = Config(spec),
            TrainingJobDefinition = new HyperParameterTrainingJobDefinition
            {
                AlgorithmSpecification = new HyperParameterAlgorithmSpecification { TrainingImage = image, TrainingInputMode = spec.Algorithm.InputMode },
                RoleArn = spec.RoleArn,
                StaticHyperParameters = StaticHyperParameters(spec, data),
                InputDataConfig = TrainingJobParts.Channels(data),
                OutputDataConfig = TrainingJobParts.Output(spec),
                ResourceConfig = TrainingJobParts.Resources(spec),
                StoppingCondition = TrainingJobParts.Stopping(spec),
                VpcConfig = TrainingJobParts.Vpc(spec),
                EnableNetworkIsolation = spec.NetworkIsolation,
                EnableInterContainerTrafficEncryption = spec.InterContainerTrafficEncryption,
                EnableManagedSpotTraining = TrainingJobParts.IsSpot(spec),
                CheckpointConfig = TrainingJobParts.Checkpoint(spec, name),
                RetryStrategy = TrainingJobParts.Retry(spec),
            },
            WarmStartConfig = spec.WarmStart is { } warm && parentJobs.Count > 0
                ? new HyperParameterTuningJobWarmStartConfig
                {
                    ParentHyperParameterTuningJobs = [.. parentJobs.Select(p => new ParentHyperParameterTuningJob { HyperParameterTuningJobName = p })],
                    WarmStartType = warm.Type,
                }
                : null,
            Tags = TrainingJobParts.Tags(run, spec.Tags),
        };
    }

    /// <summary>
    /// The hyperparameters every training job gets: all of <see cref="ObjectDetectionHyperparameterWire.ToWire"/> except the
    /// tuned ones (SageMaker refuses a name that is both static and tuned). Hyperband owns the epoch budget: epochs is its maxResource.
    /// </summary>
    public static Dictionary<string, string> StaticHyperParameters(TuningRunSpec spec, DatasetInputs data)
    {
        var wire = ToWire(spec.Algorithm, spec.Hyperparameters, data);
        foreach (var tuned in TunedNames(spec.Ranges))
            wire.Remove(tuned);
        if (spec.Strategy == HyperParameterTuningJobStrategyType.Hyperband)
            wire["epochs"] = Text(Hyperband(spec).MaxResource);
        return wire;
    }

    /// <summary>The SageMaker names of the tuned hyperparameters.</summary>
    public static IEnumerable<string> TunedNames(TuningRanges ranges) =>
        ranges.Continuous.Select(r => r.Name).Concat(ranges.Integer.Select(r => r.Name)).Concat(ranges.Categorical.Select(r => r.Name))
            .Select(n => TunableNames[n]);

    /// <summary>ListTrainingJobsForHyperParameterTuningJob of the best jobs by objective, best first.</summary>
    public static ListTrainingJobsForHyperParameterTuningJobRequest ListTopTrials(string tuningJobName) => new()
    {
        HyperParameterTuningJobName = tuningJobName,
        SortBy = TrainingJobSortByOptions.FinalObjectiveMetricValue,
        SortOrder = SortOrder.Descending,
        MaxResults = TopTrials,
    };

    private static HyperParameterTuningJobConfig Config(TuningRunSpec spec) => new()
    {
        Strategy = spec.Strategy,
        StrategyConfig = spec.Strategy == HyperParameterTuningJobStrategyType.Hyperband
            ? new HyperParameterTuningJobStrategyConfig
            {
                HyperbandStrategyConfig = new HyperbandStrategyConfig { MinResource = Hyperband(spec).MinResource, MaxResource = Hyperband(spec).MaxResource },
            }
            : null,
        HyperParameterTuningJobObjective = new HyperParameterTuningJobObjective { Type = spec.Objective.Type, MetricName = spec.Objective.MetricName },
        ResourceLimits = new ResourceLimits
        {
            // Grid tries every combination of the categorical values: SageMaker refuses a job count with it.
            MaxNumberOfTrainingJobs = spec.Strategy == HyperParameterTuningJobStrategyType.Grid ? null : spec.MaxTrainingJobs,
            MaxParallelTrainingJobs = spec.MaxParallelTrainingJobs,
            MaxRuntimeInSeconds = spec.MaxRuntimeSeconds,
        },
        ParameterRanges = Ranges(spec.Ranges),
        // Hyperband stops jobs itself; the admission refuses anything but Off with it.
        TrainingJobEarlyStoppingType = spec.EarlyStopping,
        TuningJobCompletionCriteria = Completion(spec.CompletionCriteria),
        RandomSeed = spec.RandomSeed,
    };

    // Empty lists are left out rather than sent as [] (a reader of the request sees only what is tuned).
    private static ParameterRanges Ranges(TuningRanges ranges) => new()
    {
        ContinuousParameterRanges = ranges.Continuous.Count == 0 ? null : [.. ranges.Continuous.Select(r => new ContinuousParameterRange
        {
            Name = TunableNames[r.Name], MinValue = Text(r.MinValue), MaxValue = Text(r.MaxValue), ScalingType = r.Scaling,
        })],
        IntegerParameterRanges = ranges.Integer.Count == 0 ? null : [.. ranges.Integer.Select(r => new IntegerParameterRange
        {
            Name = TunableNames[r.Name], MinValue = Text(r.MinValue), MaxValue = Text(r.MaxValue), ScalingType = r.Scaling,
        })],
        CategoricalParameterRanges = ranges.Categorical.Count == 0 ? null : [.. ranges.Categorical.Select(r => new CategoricalParameterRange
        {
            Name = TunableNames[r.Name], Values = [.. r.Values],
        })],
    };

    private static TuningJobCompletionCriteria? Completion(TuningCompletionCriteria? criteria) =>
        criteria is null || (criteria.TargetMAP is null && criteria.MaxJobsNotImproving is null && !criteria.CompleteOnConvergence)
            ? null
            : new TuningJobCompletionCriteria
            {
                TargetObjectiveMetricValue = criteria.TargetMAP,
                BestObjectiveNotImproving = criteria.MaxJobsNotImproving is { } jobs
                    ? new BestObjectiveNotImproving { MaxNumberOfTrainingJobsNotImproving = jobs }
                    : null,
                ConvergenceDetected = criteria.CompleteOnConvergence
                    ? new ConvergenceDetected { CompleteOnConvergence = Aws.CompleteOnConvergence.Enabled }
                    : null,
            };

    private static HyperbandConfig Hyperband(TuningRunSpec spec) => spec.Hyperband ?? new HyperbandConfig();
}
