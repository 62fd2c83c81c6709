using System.Globalization;
using System.Text.RegularExpressions;
using Detector.Operator.Api.V1Alpha1;

namespace Detector.Operator.Validation;

/// <summary>
/// Cross-field rules that an OpenAPI schema cannot express. Each method is pure and returns the problems of one
/// spec with paths from <c>spec</c>; per-field limits (ranges, patterns, enums) are in the schema.
/// </summary>
public static partial class SemanticRules
{
    /// <summary>Documented tuning ranges of the tunable Object Detection hyperparameters (reference §1.3).</summary>
    public static IReadOnlyDictionary<string, (double Min, double Max)> TuningLimits { get; } = new Dictionary<string, (double, double)>
    {
        ["learningRate"] = (1e-6, 0.5),
        ["momentum"] = (0.0, 0.999),
        ["weightDecay"] = (0.0, 0.999),
        ["miniBatchSize"] = (8, 64),
    };

    /// <summary>Dataset: exactly one source, distinct class names.</summary>
    public static IEnumerable<FieldError> Dataset(DatasetSpec spec)
    {
        var sources = new[] { spec.Source.S3 is not null, spec.Source.Http is not null, spec.Source.Kaggle is not null }.Count(set => set);
        if (sources != 1) yield return new("spec.source", $"exactly one of s3, http or kaggle must be set ({sources} are)");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Classes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(spec.Classes[i])) yield return new($"spec.classes[{i}]", "class name must not be blank");
            else if (!seen.Add(spec.Classes[i])) yield return new($"spec.classes[{i}]", $"duplicate class name \"{spec.Classes[i]}\"");
        }
    }

    /// <summary>TrainingRun: spot wait covers the runtime, no warm pool with spot, tags.</summary>
    public static IEnumerable<FieldError> TrainingRun(TrainingRunSpec spec) =>
        Training(spec.Spot, spec.StoppingCondition, spec.Resources, spec.Hyperparameters).Concat(Tags(spec.Tags));

    /// <summary>TuningRun: ranges (unique, min &lt; max, documented limits, scaling), strategy settings, job counts.</summary>
    public static IEnumerable<FieldError> TuningRun(TuningRunSpec spec)
    {
        var errors = new List<FieldError>();
        var ranges = spec.Ranges;
        if (ranges.Continuous.Count + ranges.Integer.Count + ranges.Categorical.Count == 0)
            errors.Add(new("spec.ranges", "at least one hyperparameter range is required"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Unique(string name, string path)
        {
            if (!names.Add(name)) errors.Add(new(path, $"hyperparameter {name} has more than one range"));
        }
        for (var i = 0; i < ranges.Continuous.Count; i++)
        {
            var r = ranges.Continuous[i];
            var path = $"spec.ranges.continuous[{i}]";
            Unique(r.Name, path + ".name");
            errors.AddRange(Range(path, r.Name, r.MinValue, r.MaxValue, r.Scaling, continuous: true));
        }
        for (var i = 0; i < ranges.Integer.Count; i++)
        {
            var r = ranges.Integer[i];
            var path = $"spec.ranges.integer[{i}]";
            Unique(r.Name, path + ".name");
            errors.AddRange(Range(path, r.Name, r.MinValue, r.MaxValue, r.Scaling, continuous: false));
        }
        for (var i = 0; i < ranges.Categorical.Count; i++)
        {
            var r = ranges.Categorical[i];
            Unique(r.Name, $"spec.ranges.categorical[{i}].name");
            if (r.Values.Distinct(StringComparer.Ordinal).Count() != r.Values.Count)
                errors.Add(new($"spec.ranges.categorical[{i}].values", "values must be distinct"));
        }
        if (spec.Strategy == "Grid" && ranges.Continuous.Count + ranges.Integer.Count > 0)
            errors.Add(new("spec.strategy", "Grid search tunes categorical ranges only; remove the continuous and integer ranges or pick another strategy"));
        if (spec.Hyperband is not null && spec.Strategy != "Hyperband")
            errors.Add(new("spec.hyperband", "hyperband is only used with strategy Hyperband"));
        if (spec.Hyperband is { } hb && hb.MinResource > hb.MaxResource)
            errors.Add(new("spec.hyperband.minResource", $"must be at most maxResource ({hb.MaxResource})"));
        if (spec.Strategy == "Hyperband" && spec.EarlyStopping != "Off")
            errors.Add(new("spec.earlyStopping", "Hyperband stops jobs itself; earlyStopping must be Off"));
        if (spec.WarmStart is { } warm && warm.TuningRunRefs.Distinct(StringComparer.Ordinal).Count() != warm.TuningRunRefs.Count)
            errors.Add(new("spec.warmStart.tuningRunRefs", "names must be distinct"));
        if (spec.MaxParallelTrainingJobs > spec.MaxTrainingJobs)
            errors.Add(new("spec.maxParallelTrainingJobs", $"must be at most maxTrainingJobs ({spec.MaxTrainingJobs})"));
        errors.AddRange(Training(spec.Spot, spec.StoppingCondition, spec.Resources, spec.Hyperparameters));
        errors.AddRange(Tags(spec.Tags));
        return errors;
    }

    /// <summary>RegisteredModel: exactly one source reference, minMetric exactly with Automatic approval.</summary>
    public static IEnumerable<FieldError> RegisteredModel(RegisteredModelSpec spec)
    {
        if ((spec.Source.TrainingRunRef is null) == (spec.Source.TuningRunRef is null))
            yield return new("spec.source", "exactly one of trainingRunRef or tuningRunRef must be set");
        if (spec.Approval.Mode == "Automatic" && spec.Approval.MinMetric is null)
            yield return new("spec.approval.minMetric", "required when mode is Automatic");
        if (spec.Approval.Mode == "Manual" && spec.Approval.MinMetric is not null)
            yield return new("spec.approval.minMetric", "only used when mode is Automatic");
        foreach (var error in Tags(spec.Tags)) yield return error;
    }

    /// <summary>DetectionEndpoint: scaling bounds, mode-specific settings, rollout batch size, tags.</summary>
    public static IEnumerable<FieldError> DetectionEndpoint(DetectionEndpointSpec spec)
    {
        var component = spec.DeploymentMode == EndpointDeploymentMode.InferenceComponent;
        if (spec.Scaling is { } scaling)
        {
            if (!component) yield return new("spec.scaling", "managed instance scaling needs deploymentMode InferenceComponent");
            if (scaling.MinInstanceCount > scaling.MaxInstanceCount)
                yield return new("spec.scaling.minInstanceCount", $"must be at most maxInstanceCount ({scaling.MaxInstanceCount})");
            if (spec.InstanceCount > scaling.MaxInstanceCount || spec.InstanceCount < scaling.MinInstanceCount)
                yield return new("spec.instanceCount", $"must be within scaling bounds [{scaling.MinInstanceCount}, {scaling.MaxInstanceCount}]");
        }
        if (!component && spec.Copies != 1) yield return new("spec.copies", "copies needs deploymentMode InferenceComponent");
        if (!component && spec.Rollout.BatchSizeType == "CopyCount")
            yield return new("spec.rollout.batchSizeType", "CopyCount needs deploymentMode InferenceComponent");
        if (spec.Rollout.BatchSizeType == "CapacityPercent" && spec.Rollout.BatchSize > 100)
            yield return new("spec.rollout.batchSize", $"Invalid value: {spec.Rollout.BatchSize}: a percentage must be at most 100");
        foreach (var error in Tags(spec.Tags)) yield return error;
    }

    /// <summary>SageMaker tag rules: at most 50, keys 1-128 and values ≤ 256 of letters, digits, spaces and _.:/=+-@; no aws: prefix.</summary>
    public static IEnumerable<FieldError> Tags(IReadOnlyDictionary<string, string> tags, string path = "spec.tags")
    {
        if (tags.Count > Patterns.MaxTags) yield return new(path, $"Too many: {tags.Count}: must have at most {Patterns.MaxTags} tags");
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var field = FieldPath.Key(path, key);
            if (key.Length is 0 or > 128) yield return new(field, "tag keys must be 1-128 characters");
            else if (!TagText().IsMatch(key)) yield return new(field, "tag keys may contain only letters, digits, spaces and _.:/=+-@");
            else if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) yield return new(field, "the aws: prefix is reserved by AWS");
            if (value.Length > 256) yield return new(field, "tag values may be at most 256 characters");
            else if (!TagText().IsMatch(value)) yield return new(field, "tag values may contain only letters, digits, spaces and _.:/=+-@");
        }
    }

    private static IEnumerable<FieldError> Training(SpotTraining? spot, StoppingCondition stopping, TrainingResources resources, ObjectDetectionHyperparameters hp)
    {
        if (spot is { Enabled: true } && spot.MaxWaitSeconds < stopping.MaxRuntimeSeconds)
            yield return new("spec.spot.maxWaitSeconds", $"must be at least stoppingCondition.maxRuntimeSeconds ({stopping.MaxRuntimeSeconds})");
        if (spot is { Enabled: true } && resources.KeepAliveSeconds > 0)
            yield return new("spec.resources.keepAliveSeconds", "warm pools are not available with spot training");
        // The built-in Object Detection algorithm trains on GPU families only (P2, P3, G4dn, G5 documented).
        if (!resources.InstanceType.StartsWith("ml.p", StringComparison.Ordinal) && !resources.InstanceType.StartsWith("ml.g", StringComparison.Ordinal))
            yield return new("spec.resources.instanceType", $"Invalid value: \"{resources.InstanceType}\": Object Detection trains on GPU instances (ml.p*, ml.g*)");
        if (hp.KvStore is not null && resources.InstanceCount == 1)
            yield return new("spec.hyperparameters.kvStore", "only used with more than one instance (resources.instanceCount)");
        if (hp.FreezeLayerPattern is { } pattern && !IsRegex(pattern))
            yield return new("spec.hyperparameters.freezeLayerPattern", $"Invalid value: \"{pattern}\": not a regular expression");
    }

    private static IEnumerable<FieldError> Range(string path, string name, double min, double max, string scaling, bool continuous)
    {
        var shownMin = min.ToString(CultureInfo.InvariantCulture);
        var shownMax = max.ToString(CultureInfo.InvariantCulture);
        if (min >= max) yield return new(path + ".maxValue", $"Invalid value: {shownMax}: must be greater than minValue ({shownMin})");
        if (TuningLimits.TryGetValue(name, out var limits))
        {
            if (min < limits.Min) yield return new(path + ".minValue", $"Invalid value: {shownMin}: {name} is tuned within [{limits.Min.ToString(CultureInfo.InvariantCulture)}, {limits.Max.ToString(CultureInfo.InvariantCulture)}]");
            if (max > limits.Max) yield return new(path + ".maxValue", $"Invalid value: {shownMax}: {name} is tuned within [{limits.Min.ToString(CultureInfo.InvariantCulture)}, {limits.Max.ToString(CultureInfo.InvariantCulture)}]");
        }
        // momentum and weight_decay are valid only above 0 although the documented tuning ranges start at 0 (reference §0 #10).
        if (name is "momentum" or "weightDecay" && min <= 0)
            yield return new(path + ".minValue", $"Invalid value: {shownMin}: {name} must be greater than 0 (e.g. 0.0001)");
        if (scaling == "Logarithmic" && min <= 0)
            yield return new(path + ".scaling", "Logarithmic scaling needs minValue greater than 0");
        if (scaling == "ReverseLogarithmic" && (!continuous || min < 0 || max >= 1))
            yield return new(path + ".scaling", "ReverseLogarithmic scaling needs a continuous range within [0, 1)");
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagText();
}
