using System.Globalization;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Validation;

namespace Detector.Operator.Runs;

/// <summary>
/// Pure: the typed Object Detection hyperparameters as SageMaker's string map (reference §1.2). num_classes and
/// num_training_samples come from the Dataset, never from the user; label_width is raised to what the Dataset's widest
/// label needs.
/// </summary>
public static class ObjectDetectionHyperparameterWire
{
    /// <summary>The algorithm's default label_width (header + 5 × 69 objects).</summary>
    public const int DefaultLabelWidth = 350;

    /// <summary>Spec field name → SageMaker name of the five tunable hyperparameters (reference §1.3).</summary>
    public static IReadOnlyDictionary<string, string> TunableNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["learningRate"] = "learning_rate",
        ["miniBatchSize"] = "mini_batch_size",
        ["momentum"] = "momentum",
        ["optimizer"] = "optimizer",
        ["weightDecay"] = "weight_decay",
    };

    /// <summary>The label_width sent: the user's value, else the larger of the default and the Dataset's widest label.</summary>
    public static int LabelWidth(ObjectDetectionHyperparameters hp, DatasetInputs data) =>
        hp.LabelWidth ?? Math.Max(DefaultLabelWidth, data.LabelWidth ?? 0);

    /// <summary>
    /// Problems the schema cannot see because they need the Dataset: a labelWidth below the widest packed label
    /// (the algorithm would cut boxes off). Paths start at <c>spec</c>.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(ObjectDetectionHyperparameters hp, DatasetInputs data) =>
        hp.LabelWidth is { } width && data.LabelWidth is { } needed && width < needed
            ? [new FieldError("spec.hyperparameters.labelWidth",
                $"Invalid value: {width}: Dataset {data.DatasetName} packs labels up to {needed} wide; use at least {needed} or leave it unset")]
            : [];

    /// <summary>Every hyperparameter of one training job, with the values SageMaker expects (strings, invariant culture).</summary>
    public static Dictionary<string, string> ToWire(ObjectDetectionAlgorithm algorithm, ObjectDetectionHyperparameters hp, DatasetInputs data)
    {
        var wire = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["num_classes"] = Text(data.ClassCount),
            ["num_training_samples"] = Text(data.TrainImages),
            ["base_network"] = algorithm.BaseNetwork,
            ["use_pretrained_model"] = algorithm.UsePretrainedModel ? "1" : "0",
            ["image_shape"] = Text(algorithm.ImageShape),
            ["epochs"] = Text(hp.Epochs),
            ["learning_rate"] = Text(hp.LearningRate),
            ["mini_batch_size"] = Text(hp.MiniBatchSize),
            ["optimizer"] = hp.Optimizer,
            ["momentum"] = Text(hp.Momentum),
            ["weight_decay"] = Text(hp.WeightDecay),
            ["lr_scheduler_factor"] = Text(hp.LrSchedulerFactor),
            ["label_width"] = Text(LabelWidth(hp, data)),
            ["nms_threshold"] = Text(hp.NmsThreshold),
            ["overlap_threshold"] = Text(hp.OverlapThreshold),
            // The algorithm parses Python booleans.
            ["early_stopping"] = hp.EarlyStopping ? "True" : "False",
        };
        if (hp.EarlyStopping)
        {
            wire["early_stopping_min_epochs"] = Text(hp.EarlyStoppingMinEpochs);
            wire["early_stopping_patience"] = Text(hp.EarlyStoppingPatience);
            wire["early_stopping_tolerance"] = Text(hp.EarlyStoppingTolerance);
        }
        if (hp.LrSchedulerStep is { Length: > 0 } step)
            wire["lr_scheduler_step"] = step;
        if (hp.FreezeLayerPattern is { Length: > 0 } pattern)
            wire["freeze_layer_pattern"] = pattern;
        if (hp.KvStore is { Length: > 0 } kvStore)
            wire["kv_store"] = kvStore;
        return wire;
    }

    /// <summary>An integer as SageMaker reads it.</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number as SageMaker reads it: the shortest round-trip form, invariant culture (0.001, 1E-06).</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
