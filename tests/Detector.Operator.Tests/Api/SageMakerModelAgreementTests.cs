using System.Globalization;
using System.Text.Json;
using Detector.Operator.Crds;
using Detector.Testing;
using k8s.Models;

namespace Detector.Operator.Tests.Api;

/// <summary>Fields that map to SageMaker carry the limits of the official API model (../shared/aws-models).</summary>
public class SageMakerModelAgreementTests
{
    private static readonly Lazy<JsonElement> s_shapes = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedData.SageMakerModel)).RootElement.GetProperty("shapes"));

    [SkippableTheory]
    [InlineData("TrainingRun", "spec.resources.keepAliveSeconds", "KeepAlivePeriodInSeconds")]
    [InlineData("TrainingRun", "spec.resources.volumeSizeGB", "VolumeSizeInGB")]
    [InlineData("TrainingRun", "spec.stoppingCondition.maxRuntimeSeconds", "MaxRuntimeInSeconds")]
    [InlineData("TrainingRun", "spec.roleArn", "RoleArn")]
    [InlineData("TrainingRun", "spec.output.kmsKeyId", "KmsKeyId")]
    [InlineData("TrainingRun", "spec.vpcConfig.securityGroupIds", "VpcSecurityGroupIds")]
    [InlineData("TrainingRun", "spec.vpcConfig.subnets", "Subnets")]
    [InlineData("TrainingRun", "spec.vpcConfig.subnets[]", "SubnetId")]
    [InlineData("TrainingRun", "spec.tags", "TagList")]
    [InlineData("TuningRun", "spec.completionCriteria.maxJobsNotImproving", "MaxNumberOfTrainingJobsNotImproving")]
    [InlineData("TuningRun", "spec.maxParallelTrainingJobs", "MaxParallelTrainingJobs")]
    [InlineData("TuningRun", "spec.hyperband.minResource", "HyperbandStrategyMinResource")]
    [InlineData("DetectionEndpoint", "spec.rollout.waitSeconds", "WaitIntervalInSeconds")]
    [InlineData("DetectionEndpoint", "spec.rollout.maxExecutionSeconds", "MaximumExecutionTimeoutInSeconds")]
    [InlineData("DetectionEndpoint", "spec.rollout.rollbackAlarms", "AlarmList")]
    [InlineData("DetectionEndpoint", "spec.rollout.rollbackAlarms[]", "AlarmName")]
    [InlineData("DetectionEndpoint", "spec.dataCapture.samplingPercentage", "SamplingPercentage")]
    [InlineData("DetectionEndpoint", "spec.compute.minMemoryMb", "MemoryInMb")]
    [InlineData("DetectionEndpoint", "spec.compute.cpuCores", "NumberOfCpuCores")]
    [InlineData("DetectionEndpoint", "spec.compute.acceleratorDevices", "NumberOfAcceleratorDevices")]
    [InlineData("DetectionEndpoint", "spec.scaling.minInstanceCount", "ManagedInstanceScalingMinInstanceCount")]
    [InlineData("DetectionEndpoint", "spec.scaling.maxInstanceCount", "ManagedInstanceScalingMaxInstanceCount")]
    public void Field_StaysWithinTheModelShape(string kind, string path, string shapeName)
    {
        var shape = s_shapes.Value.GetProperty(shapeName);
        var node = Node(kind, path);
        var (min, max) = node.Type switch
        {
            "string" => ((double?)node.MinLength, (double?)node.MaxLength),
            "array" => ((double?)node.MinItems, (double?)node.MaxItems),
            "object" => (null, (double?)node.MaxProperties),
            _ => (node.Minimum, node.Maximum),
        };
        if (shape.TryGetProperty("min", out var shapeMin) && shapeMin.GetDouble() > 0)
            Assert.True(min >= shapeMin.GetDouble() || (node.Type == "array" && min is null), $"{kind} {path}: minimum {min} is below the model's {shapeMin}");
        if (shape.TryGetProperty("max", out var shapeMax))
            Assert.True(max is not null && max <= shapeMax.GetDouble(), $"{kind} {path}: maximum {max} is above the model's {shapeMax}");
    }

    [SkippableTheory]
    [InlineData("TuningRun", "spec.ranges.continuous[].scaling", "HyperParameterScalingType")]
    [InlineData("TuningRun", "spec.strategy", "HyperParameterTuningJobStrategyType")]
    public void Enum_EqualsTheModel(string kind, string path, string shapeName)
    {
        var expected = s_shapes.Value.GetProperty(shapeName).GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(expected, Node(kind, path).EnumProperty.Select(v => v.ToString()));
    }

    [SkippableTheory]
    [InlineData("TrainingInstanceType", "ml.p3.2xlarge")]
    [InlineData("TrainingInstanceType", "ml.g5.2xlarge")]
    [InlineData("ProductionVariantInstanceType", "ml.g4dn.xlarge")]
    public void DefaultAndSampleInstanceTypes_AreInTheModelEnum(string shapeName, string instanceType) =>
        Assert.Contains(instanceType, s_shapes.Value.GetProperty(shapeName).GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

    [SkippableTheory]
    [InlineData("TrainingRun", "spec.resources.instanceType", "TrainingInstanceType")]
    [InlineData("DetectionEndpoint", "spec.instanceType", "ProductionVariantInstanceType")]
    public void InstanceTypePattern_AcceptsEveryInstanceTypeOfTheModel(string kind, string path, string shapeName)
    {
        // A pattern rather than the enum: new instance types appear often and must not need a new CRD.
        var node = Node(kind, path);
        var regex = new System.Text.RegularExpressions.Regex(node.Pattern);
        var rejected = s_shapes.Value.GetProperty(shapeName).GetProperty("enum").EnumerateArray()
            .Select(e => e.GetString()!).Where(type => !regex.IsMatch(type) || type.Length > node.MaxLength).ToList();
        Assert.True(rejected.Count == 0, "rejected: " + string.Join(", ", rejected));
    }

    [SkippableFact]
    public void ObjectNamePattern_IsAnchored_LikeEveryPatternWeEmit()
    {
        var patterns = CrdGenerator.All.SelectMany(crd => Patterns(crd.Spec.Versions[0].Schema.OpenAPIV3Schema)).ToList();
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.True(p.StartsWith('^') && p.EndsWith('$'), $"pattern {p} is not anchored"));
        _ = s_shapes.Value.GetProperty("RoleArn").GetProperty("pattern").GetString()!.ToString(CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string> Patterns(V1JSONSchemaProps node)
    {
        if (node.Pattern is { } own && node.XKubernetesIntOrString != true) yield return own;
        foreach (var child in node.Properties?.Values ?? [])
            foreach (var p in Patterns(child)) yield return p;
        if (Detector.Operator.Validation.SchemaNodes.Items(node) is { } items)
            foreach (var p in Patterns(items)) yield return p;
        if (node.AdditionalProperties is not null && Detector.Operator.Validation.SchemaNodes.AdditionalProperties(node) is { } values)
            foreach (var p in Patterns(values)) yield return p;
    }

    private static V1JSONSchemaProps Node(string kind, string path)
    {
        var node = CrdGenerator.ForKind(kind)!.Spec.Versions[0].Schema.OpenAPIV3Schema;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.TrimEnd('[', ']');
            node = node.Properties[name];
            if (segment.EndsWith("[]", StringComparison.Ordinal)) node = Detector.Operator.Validation.SchemaNodes.Items(node)!;
        }
        return node;
    }
}
