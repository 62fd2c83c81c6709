using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// The CreateHyperParameterTuningJob rules SageMaker enforces beyond the model (pure; throws
/// <see cref="ServiceError"/> ValidationException): strategy and its config, early stopping with Hyperband,
/// Grid ranges, resource limits, static vs. tuned names, and for the Object Detection image its objective and the
/// tunable hyperparameters' valid bounds.
/// </summary>
public static class TuningRules
{
    private static readonly (string Member, string Kind)[] s_rangeKinds =
        [("IntegerParameterRanges", "Integer"), ("ContinuousParameterRanges", "Continuous"), ("CategoricalParameterRanges", "Categorical")];

    /// <summary>Checks the request; returns how many training jobs the tuning job will run.</summary>
    public static int Check(JsonObject config, JsonObject definition)
    {
        var strategy = config["Strategy"]!.GetValue<string>();
        var ranges = config["ParameterRanges"] as JsonObject;
        if (strategy != "Hyperband" && config["StrategyConfig"] is not null)
            throw ServiceError.Validation($"StrategyConfig is only supported for the Hyperband strategy, not {strategy}.");
        if (strategy == "Hyperband" && config["TrainingJobEarlyStoppingType"]?.GetValue<string>() is "Auto")
            throw ServiceError.Validation("TrainingJobEarlyStoppingType must be Off when the strategy is Hyperband (Hyperband stops jobs itself).");
        if (strategy == "Grid" && (Count(ranges, "IntegerParameterRanges") > 0 || Count(ranges, "ContinuousParameterRanges") > 0))
            throw ServiceError.Validation("The Grid strategy supports only CategoricalParameterRanges.");

        var limits = (JsonObject)config["ResourceLimits"]!;
        var parallel = limits["MaxParallelTrainingJobs"]!.GetValue<int>();
        var maxNumber = limits["MaxNumberOfTrainingJobs"]?.GetValue<int>();
        if (strategy == "Grid")
        {
            var grid = TuningSampler.GridSize(ranges);
            maxNumber = maxNumber is { } m ? Math.Min(m, grid) : grid;
        }
        else if (maxNumber is null)
            throw ServiceError.Validation($"ResourceLimits.MaxNumberOfTrainingJobs is required for the {strategy} strategy.");
        if (parallel > maxNumber)
            throw ServiceError.Validation(
                $"MaxParallelTrainingJobs ({parallel}) must be less than or equal to MaxNumberOfTrainingJobs ({maxNumber}).");

        var tunedNames = s_rangeKinds.SelectMany(k => (ranges?[k.Member] as JsonArray ?? []).Select(r => r!["Name"]!.GetValue<string>())).ToList();
        var duplicate = tunedNames.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw ServiceError.Validation($"The hyperparameter {duplicate.Key} appears in more than one parameter range.");
        var statics = (definition["StaticHyperParameters"] as JsonObject ?? []).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var both = tunedNames.Where(statics.Contains).ToList();
        if (both.Count > 0)
            throw ServiceError.Validation($"Hyperparameter(s) [{string.Join(", ", both)}] cannot be both static and tunable.");

        if (ObjectDetectionAlgorithm.IsImage(definition["AlgorithmSpecification"]?["TrainingImage"]?.GetValue<string>()))
            CheckObjectDetection(config, ranges);
        return maxNumber.Value;
    }

    private static void CheckObjectDetection(JsonObject config, JsonObject? ranges)
    {
        var objective = config["HyperParameterTuningJobObjective"];
        var metric = objective?["MetricName"]?.GetValue<string>();
        if (metric != ObjectDetectionAlgorithm.Objective)
            throw ServiceError.Validation(
                $"The objective metric {metric ?? "(none)"} is not supported by the Object Detection algorithm; use {ObjectDetectionAlgorithm.Objective}.");
        if (objective?["Type"]?.GetValue<string>() != "Maximize")
            throw ServiceError.Validation($"The objective metric {ObjectDetectionAlgorithm.Objective} of the Object Detection algorithm must be maximized.");
        foreach (var (member, kind) in s_rangeKinds)
            foreach (var range in ranges?[member] as JsonArray ?? [])
                if (ObjectDetectionAlgorithm.RangeProblem(kind, range!["Name"]!.GetValue<string>(), (JsonObject)range) is { } problem)
                    throw ServiceError.Validation(problem);
    }

    private static int Count(JsonObject? ranges, string member) => (ranges?[member] as JsonArray)?.Count ?? 0;
}
