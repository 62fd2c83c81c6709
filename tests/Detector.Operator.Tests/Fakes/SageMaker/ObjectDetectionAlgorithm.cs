using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// What the built-in Object Detection container does that the API model cannot say (reference §1): it checks its
/// hyperparameters, channels and instance type when it starts (a bad one fails the job with a ClientError, not the
/// Create call), it reports the metric definitions SageMaker attaches, and which hyperparameters can be tuned
/// within which bounds. Also the fake's deterministic <c>validation:mAP</c>.
/// </summary>
public static class ObjectDetectionAlgorithm
{
    /// <summary>The only objective the algorithm offers for tuning.</summary>
    public const string Objective = "validation:mAP";

    /// <summary>Metric definitions SageMaker attaches to jobs of the built-in image.</summary>
    public static readonly IReadOnlyList<(string Name, string Regex)> MetricDefinitions =
    [
        ("validation:mAP", @"#quality_metric: host=\S+, epoch=\S+, validation mAP <score>=\((\S+)\)"),
        ("train:progress", @"#progress_metric: host=\S+, completed (\S+) %"),
        ("train:smooth_l1", @"#quality_metric: host=\S+, epoch=\S+, batch=\S+ train smooth_l1 <loss>=(\S+)"),
        ("train:cross_entropy", @"#quality_metric: host=\S+, epoch=\S+, batch=\S+ train cross_entropy <loss>=(\S+)"),
        ("train:throughput", @"#throughput_metric: host=\S+, train throughput=(\S+) records/second"),
    ];

    /// <summary>Tunable hyperparameters: range kind and the valid open/closed bounds (reference §1.2, §1.3).</summary>
    private static readonly Dictionary<string, (string Kind, double Low, bool LowInclusive, double High, bool HighInclusive)> s_tunable = new()
    {
        ["learning_rate"] = ("Continuous", 0, false, 1, true),
        ["momentum"] = ("Continuous", 0, false, 1, true),
        ["weight_decay"] = ("Continuous", 0, false, 1, false),
        ["mini_batch_size"] = ("Integer", 1, true, double.PositiveInfinity, true),
        ["optimizer"] = ("Categorical", 0, true, 0, true),
    };

    private static readonly string[] s_optimizers = ["sgd", "adam", "rmsprop", "adadelta"];

    /// <summary>True for the built-in image (<c>…/object-detection:1</c>).</summary>
    public static bool IsImage(string? image) => image is not null && image.Contains("/object-detection", StringComparison.Ordinal);

    /// <summary>
    /// Why the container would fail at start-up (a <c>ClientError: …</c> reason), or null. Checks the required
    /// hyperparameters, the <c>train</c>/<c>validation</c> channels and a GPU instance.
    /// </summary>
    public static string? StartupFailure(JsonObject trainingRequest)
    {
        var hyperparameters = trainingRequest["HyperParameters"] as JsonObject ?? [];
        foreach (var required in new[] { "num_classes", "num_training_samples" })
        {
            var value = OptionalString(hyperparameters[required]);
            if (value is null)
                return $"ClientError: Missing required hyperparameter: {required}";
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                return $"ClientError: Hyperparameter {required} must be a positive integer, got '{value}'";
        }
        var channels = (trainingRequest["InputDataConfig"] as JsonArray ?? []).Select(c => OptionalString(c?["ChannelName"])).ToHashSet();
        foreach (var required in new[] { "train", "validation" })
            if (!channels.Contains(required))
                return $"ClientError: Channel '{required}' is required by the Object Detection algorithm";
        var instance = OptionalString(trainingRequest["ResourceConfig"]?["InstanceType"]);
        if (instance is not null && !(instance.StartsWith("ml.p", StringComparison.Ordinal) || instance.StartsWith("ml.g", StringComparison.Ordinal)))
            return $"ClientError: Object Detection trains on GPU instances only; {instance} has no GPU";
        return null;
    }

    /// <summary>Why a tuning range is invalid for this algorithm, or null.</summary>
    public static string? RangeProblem(string kind, string name, JsonObject range)
    {
        if (!s_tunable.TryGetValue(name, out var spec))
            return $"The hyperparameter {name} is not tunable for the Object Detection algorithm; tunable: {string.Join(", ", s_tunable.Keys)}";
        if (spec.Kind != kind)
            return $"The hyperparameter {name} needs a {spec.Kind}ParameterRange, not a {kind}ParameterRange";
        if (kind == "Categorical")
        {
            var bad = (range["Values"] as JsonArray ?? []).Select(v => v!.GetValue<string>()).Where(v => !s_optimizers.Contains(v)).ToList();
            return bad.Count == 0 ? null : $"Invalid value(s) [{string.Join(", ", bad)}] for {name}; valid: {string.Join(", ", s_optimizers)}";
        }
        if (!double.TryParse(OptionalString(range["MinValue"]), NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            || !double.TryParse(OptionalString(range["MaxValue"]), NumberStyles.Float, CultureInfo.InvariantCulture, out var max))
            return $"MinValue and MaxValue of {name} must be numbers";
        if (kind == "Integer" && (min != Math.Floor(min) || max != Math.Floor(max)))
            return $"MinValue and MaxValue of {name} must be integers";
        if (min > max)
            return $"MinValue of {name} must be less than or equal to MaxValue";
        bool Inside(double v) => (spec.LowInclusive ? v >= spec.Low : v > spec.Low) && (spec.HighInclusive ? v <= spec.High : v < spec.High);
        if (!Inside(min) || !Inside(max))
            return $"The range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}] of {name} is outside its valid values "
                + $"{(spec.LowInclusive ? "[" : "(")}{spec.Low.ToString(CultureInfo.InvariantCulture)}, {spec.High.ToString(CultureInfo.InvariantCulture)}{(spec.HighInclusive ? "]" : ")")}";
        var scaling = OptionalString(range["ScalingType"]);
        if (scaling is "Logarithmic" && min <= 0)
            return $"Logarithmic scaling of {name} needs MinValue > 0";
        return null;
    }

    /// <summary>The fake's deterministic mAP for a set of hyperparameters: a hash mapped into [0.3, 0.9].</summary>
    public static double MeanAveragePrecision(IEnumerable<KeyValuePair<string, string>> hyperparameters)
    {
        var text = string.Join('\n', hyperparameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var fraction = BitConverter.ToUInt64(hash, 0) / (double)ulong.MaxValue;
        return Math.Round(0.3 + 0.6 * fraction, 6);
    }

    private static string? OptionalString(JsonNode? node) => node?.GetValue<string>();
}
