using System.Text.Json.Serialization;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>
/// The documented Object Detection (SSD) hyperparameters, typed and range-checked. num_classes and
/// num_training_samples are not here: the operator takes them from the Dataset's status. The network
/// (base_network, use_pretrained_model, image_shape) is in <see cref="ObjectDetectionAlgorithm"/>.
/// </summary>
public sealed record ObjectDetectionHyperparameters
{
    /// <summary>Training epochs (epochs).</summary>
    [Minimum(1), Maximum(10_000)] [JsonPropertyName("epochs")] public int Epochs { get; init; } = 30;

    /// <summary>Initial learning rate, 0 &lt; x ≤ 1 (learning_rate).</summary>
    [Minimum(0, Exclusive = true), Maximum(1)] [JsonPropertyName("learningRate")] public double LearningRate { get; init; } = 0.001;

    /// <summary>Global batch size, split across GPUs (mini_batch_size); about 32 fits a p3.2xlarge at 512 px.</summary>
    [Minimum(1), Maximum(10_000)] [JsonPropertyName("miniBatchSize")] public int MiniBatchSize { get; init; } = 32;

    /// <summary>Optimizer: sgd, adam, rmsprop or adadelta (optimizer).</summary>
    [Enum("sgd", "adam", "rmsprop", "adadelta")] [JsonPropertyName("optimizer")] public string Optimizer { get; init; } = "sgd";

    /// <summary>Momentum for sgd, 0 &lt; x ≤ 1 (momentum).</summary>
    [Minimum(0, Exclusive = true), Maximum(1)] [JsonPropertyName("momentum")] public double Momentum { get; init; } = 0.9;

    /// <summary>Weight decay for sgd and rmsprop, 0 &lt; x &lt; 1 (weight_decay).</summary>
    [Minimum(0, Exclusive = true), Maximum(1, Exclusive = true)] [JsonPropertyName("weightDecay")] public double WeightDecay { get; init; } = 0.0005;

    /// <summary>Factor the learning rate is multiplied by at each scheduled step, 0 &lt; x &lt; 1 (lr_scheduler_factor).</summary>
    [Minimum(0, Exclusive = true), Maximum(1, Exclusive = true)] [JsonPropertyName("lrSchedulerFactor")] public double LrSchedulerFactor { get; init; } = 0.1;

    /// <summary>Epochs at which the learning rate drops, comma-separated, e.g. "10,20" (lr_scheduler_step).</summary>
    [Length(1, 256), Pattern("^[0-9]+(,[0-9]+)*$")] [JsonPropertyName("lrSchedulerStep")] public string? LrSchedulerStep { get; init; }

    /// <summary>Stop when validation mAP stops improving (early_stopping).</summary>
    [JsonPropertyName("earlyStopping")] public bool EarlyStopping { get; init; }

    /// <summary>With earlyStopping: epochs always run before stopping is considered (early_stopping_min_epochs).</summary>
    [Minimum(1), Maximum(10_000)] [JsonPropertyName("earlyStoppingMinEpochs")] public int EarlyStoppingMinEpochs { get; init; } = 10;

    /// <summary>With earlyStopping: epochs without improvement before stopping (early_stopping_patience).</summary>
    [Minimum(1), Maximum(10_000)] [JsonPropertyName("earlyStoppingPatience")] public int EarlyStoppingPatience { get; init; } = 5;

    /// <summary>With earlyStopping: relative mAP improvement that counts as progress, 0 ≤ x ≤ 1 (early_stopping_tolerance).</summary>
    [Minimum(0), Maximum(1)] [JsonPropertyName("earlyStoppingTolerance")] public double EarlyStoppingTolerance { get; init; }

    /// <summary>Regular expression over layer names whose weights stay frozen (freeze_layer_pattern); none when unset.</summary>
    [Length(1, 256)] [JsonPropertyName("freezeLayerPattern")] public string? FreezeLayerPattern { get; init; }

    /// <summary>Parameter synchronisation for multi-instance training: dist_sync or dist_async (kv_store).</summary>
    [Enum("dist_sync", "dist_async")] [JsonPropertyName("kvStore")] public string? KvStore { get; init; }

    /// <summary>Padded label width (label_width); at least the Dataset's status.labelWidth, which is used when unset.</summary>
    [Minimum(7), Maximum(100_000)] [JsonPropertyName("labelWidth")] public int? LabelWidth { get; init; }

    /// <summary>Non-maximum suppression IoU threshold, 0 &lt; x ≤ 1 (nms_threshold).</summary>
    [Minimum(0, Exclusive = true), Maximum(1)] [JsonPropertyName("nmsThreshold")] public double NmsThreshold { get; init; } = 0.45;

    /// <summary>IoU at which a detection counts as correct during evaluation, 0 &lt; x ≤ 1 (overlap_threshold).</summary>
    [Minimum(0, Exclusive = true), Maximum(1)] [JsonPropertyName("overlapThreshold")] public double OverlapThreshold { get; init; } = 0.5;
}
