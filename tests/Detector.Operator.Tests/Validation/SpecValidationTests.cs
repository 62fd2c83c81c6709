using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Validation;

namespace Detector.Operator.Tests.Validation;

public class SpecValidationTests
{
    private static readonly DatasetSpec s_dataset = new()
    {
        Source = new DatasetSource { S3 = new S3Source { Uri = "s3://raw/aquarium/" } },
        Output = new DatasetOutput { S3 = new S3Output { Uri = "s3://prepared/out/" } },
    };

    private static readonly TrainingRunSpec s_training = new()
    {
        DatasetRef = "aquarium",
        RoleArn = "arn:aws:iam::123456789012:role/sagemaker",
        Output = new ArtifactOutput { S3 = new S3Output { Uri = "s3://models/out/" } },
    };

    private static readonly TuningRunSpec s_tuning = new()
    {
        DatasetRef = "aquarium",
        RoleArn = "arn:aws:iam::123456789012:role/sagemaker",
        Output = new ArtifactOutput { S3 = new S3Output { Uri = "s3://models/out/" } },
        Ranges = new TuningRanges { Continuous = [new ContinuousRange { Name = "learningRate", MinValue = 0.0001, MaxValue = 0.1, Scaling = "Logarithmic" }] },
    };

    private static readonly DetectionEndpointSpec s_endpoint = new()
    {
        ModelRef = new ModelReference { Name = "aquarium" },
        RoleArn = "arn:aws:iam::123456789012:role/sagemaker",
    };

    [Fact]
    public void Validate_DefaultsWithRequiredFields_AreValid()
    {
        Assert.Empty(SpecValidation.Validate(s_dataset));
        Assert.Empty(SpecValidation.Validate(s_training));
        Assert.Empty(SpecValidation.Validate(s_tuning));
        Assert.Empty(SpecValidation.Validate(new RegisteredModelSpec { Source = new ModelSource { TrainingRunRef = "run" } }));
        Assert.Empty(SpecValidation.Validate(s_endpoint));
    }

    [Theory]
    [InlineData("none", "spec.source")]
    [InlineData("two", "spec.source")]
    [InlineData("badUri", "spec.source.s3.uri")]
    [InlineData("badSize", "spec.preprocessing.imageSize")]
    [InlineData("badFraction", "spec.split.validationFraction")]
    [InlineData("duplicateClass", "spec.classes[1]")]
    [InlineData("badAccount", "spec.serviceAccountName")]
    [InlineData("noOutput", "spec.output.s3.uri")]
    public void Validate_BrokenDataset_NamesTheField(string variant, string field)
    {
        var spec = variant switch
        {
            "none" => s_dataset with { Source = new DatasetSource() },
            "two" => s_dataset with { Source = s_dataset.Source with { Http = new HttpSource { Url = "https://x.org/a.zip" } } },
            "badUri" => s_dataset with { Source = new DatasetSource { S3 = new S3Source { Uri = "/local/path" } } },
            "badSize" => s_dataset with { Preprocessing = new DatasetPreprocessing { ImageSize = 0 } },
            "badFraction" => s_dataset with { Split = new DatasetSplit { ValidationFraction = 1 } },
            "duplicateClass" => s_dataset with { Classes = ["fish", "fish"] },
            "badAccount" => s_dataset with { ServiceAccountName = "Not_A_Name" },
            "noOutput" => s_dataset with { Output = new DatasetOutput() },
            _ => throw new ArgumentException(variant),
        };
        var errors = SpecValidation.Validate(spec);
        Assert.Contains(errors, e => e.Field == field);
        Assert.Single(errors, e => e.Field == field);
    }

    [Theory]
    [InlineData(nameof(ObjectDetectionHyperparameters.LearningRate), 0.0, "spec.hyperparameters.learningRate")]
    [InlineData(nameof(ObjectDetectionHyperparameters.LearningRate), 1.5, "spec.hyperparameters.learningRate")]
    [InlineData(nameof(ObjectDetectionHyperparameters.WeightDecay), 1.0, "spec.hyperparameters.weightDecay")]
    [InlineData(nameof(ObjectDetectionHyperparameters.LrSchedulerFactor), 0.0, "spec.hyperparameters.lrSchedulerFactor")]
    [InlineData(nameof(ObjectDetectionHyperparameters.NmsThreshold), 1.01, "spec.hyperparameters.nmsThreshold")]
    [InlineData(nameof(ObjectDetectionHyperparameters.OverlapThreshold), -0.1, "spec.hyperparameters.overlapThreshold")]
    [InlineData(nameof(ObjectDetectionHyperparameters.EarlyStoppingTolerance), 1.5, "spec.hyperparameters.earlyStoppingTolerance")]
    [InlineData(nameof(ObjectDetectionHyperparameters.Epochs), 0.0, "spec.hyperparameters.epochs")]
    [InlineData(nameof(ObjectDetectionHyperparameters.MiniBatchSize), 0.0, "spec.hyperparameters.miniBatchSize")]
    public void Validate_HyperparameterOutOfRange_NamesIt(string property, double value, string field)
    {
        var hp = property switch
        {
            nameof(ObjectDetectionHyperparameters.LearningRate) => new ObjectDetectionHyperparameters { LearningRate = value },
            nameof(ObjectDetectionHyperparameters.WeightDecay) => new ObjectDetectionHyperparameters { WeightDecay = value },
            nameof(ObjectDetectionHyperparameters.LrSchedulerFactor) => new ObjectDetectionHyperparameters { LrSchedulerFactor = value },
            nameof(ObjectDetectionHyperparameters.NmsThreshold) => new ObjectDetectionHyperparameters { NmsThreshold = value },
            nameof(ObjectDetectionHyperparameters.OverlapThreshold) => new ObjectDetectionHyperparameters { OverlapThreshold = value },
            nameof(ObjectDetectionHyperparameters.EarlyStoppingTolerance) => new ObjectDetectionHyperparameters { EarlyStoppingTolerance = value },
            nameof(ObjectDetectionHyperparameters.Epochs) => new ObjectDetectionHyperparameters { Epochs = (int)value },
            nameof(ObjectDetectionHyperparameters.MiniBatchSize) => new ObjectDetectionHyperparameters { MiniBatchSize = (int)value },
            _ => throw new ArgumentException(property),
        };
        Assert.Contains(SpecValidation.Validate(s_training with { Hyperparameters = hp }), e => e.Field == field);
    }

    [Theory]
    [InlineData("learningRate", 0.0, 0.1, "Linear", "spec.ranges.continuous[0].minValue")]
    [InlineData("learningRate", 0.01, 0.6, "Linear", "spec.ranges.continuous[0].maxValue")]
    [InlineData("momentum", 0.5, 0.5, "Linear", "spec.ranges.continuous[0].maxValue")]
    [InlineData("momentum", 0.0, 0.9, "Logarithmic", "spec.ranges.continuous[0].scaling")]
    [InlineData("weightDecay", 0.0001, 0.999, "ReverseLogarithmic", null)]
    [InlineData("weightDecay", 0.0, 0.5, "Linear", "spec.ranges.continuous[0].minValue")]
    [InlineData("momentum", 0.0, 0.9, "Linear", "spec.ranges.continuous[0].minValue")]
    [InlineData("momentum", 0.5, 0.99, "Auto", null)]
    public void Validate_ContinuousRange_Table(string name, double min, double max, string scaling, string? field)
    {
        var spec = s_tuning with { Ranges = new TuningRanges { Continuous = [new ContinuousRange { Name = name, MinValue = min, MaxValue = max, Scaling = scaling }] } };
        var errors = SpecValidation.Validate(spec);
        if (field is null) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Field == field);
    }

    [Theory]
    [InlineData(4, 32, "Linear", "spec.ranges.integer[0].minValue")]
    [InlineData(8, 128, "Linear", "spec.ranges.integer[0].maxValue")]
    [InlineData(8, 64, "ReverseLogarithmic", "spec.ranges.integer[0].scaling")]
    [InlineData(8, 64, "Logarithmic", null)]
    public void Validate_IntegerRange_Table(int min, int max, string scaling, string? field)
    {
        var spec = s_tuning with { Ranges = new TuningRanges { Integer = [new IntegerRange { Name = "miniBatchSize", MinValue = min, MaxValue = max, Scaling = scaling }] } };
        var errors = SpecValidation.Validate(spec);
        if (field is null) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void Validate_TuningCrossFieldRules_NameTheirFields()
    {
        Assert.Contains(SpecValidation.Validate(s_tuning with { Ranges = new TuningRanges() }), e => e.Field == "spec.ranges");
        Assert.Contains(SpecValidation.Validate(s_tuning with { MaxParallelTrainingJobs = 11 }), e => e.Field == "spec.maxParallelTrainingJobs");
        Assert.Contains(SpecValidation.Validate(s_tuning with { Hyperband = new HyperbandConfig() }), e => e.Field == "spec.hyperband");
        Assert.Contains(SpecValidation.Validate(s_tuning with { Strategy = "Hyperband", EarlyStopping = "Auto" }), e => e.Field == "spec.earlyStopping");
        var twice = s_tuning with { Ranges = new TuningRanges { Continuous = [.. s_tuning.Ranges.Continuous, .. s_tuning.Ranges.Continuous] } };
        Assert.Contains(SpecValidation.Validate(twice), e => e.Field == "spec.ranges.continuous[1].name");
    }

    [Fact]
    public void Validate_TrainingCrossFieldRules_NameTheirFields()
    {
        Assert.Contains(SpecValidation.Validate(s_training with { Spot = new SpotTraining { Enabled = true, MaxWaitSeconds = 60 } }), e => e.Field == "spec.spot.maxWaitSeconds");
        Assert.Contains(SpecValidation.Validate(s_training with { Spot = new SpotTraining { Enabled = true }, Resources = new TrainingResources { KeepAliveSeconds = 600 } }),
            e => e.Field == "spec.resources.keepAliveSeconds");
        Assert.Contains(SpecValidation.Validate(s_training with { Hyperparameters = new ObjectDetectionHyperparameters { FreezeLayerPattern = "([" } }),
            e => e.Field == "spec.hyperparameters.freezeLayerPattern");
        Assert.Contains(SpecValidation.Validate(s_training with { Resources = new TrainingResources { InstanceType = "p3.2xlarge" } }), e => e.Field == "spec.resources.instanceType");
        Assert.Contains(SpecValidation.Validate(s_training with { Resources = new TrainingResources { InstanceType = "ml.m5.xlarge" } }), e => e.Field == "spec.resources.instanceType");
        Assert.Empty(SpecValidation.Validate(s_training with { Resources = new TrainingResources { InstanceType = "ml.g5.12xlarge", InstanceCount = 2 } }));
    }

    [Theory]
    [InlineData("", "v", "spec.tags[]")]
    [InlineData("aws:owner", "v", "spec.tags[aws:owner]")]
    [InlineData("team", "a|b", "spec.tags[team]")]
    [InlineData("team", "vision", null)]
    public void Validate_Tags_Table(string key, string value, string? field)
    {
        var errors = SpecValidation.Validate(s_training with { Tags = new Dictionary<string, string> { [key] = value } });
        if (field is null) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void Validate_TooManyTags_NamesTags()
    {
        var tags = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v");
        Assert.Contains(SpecValidation.Validate(s_training with { Tags = tags }), e => e.Field == "spec.tags");
    }

    [Fact]
    public void Validate_EndpointRules_NameTheirFields()
    {
        Assert.Contains(SpecValidation.Validate(s_endpoint with { DeploymentMode = "SingleModel", Scaling = new InstanceScaling { MaxInstanceCount = 2 } }), e => e.Field == "spec.scaling");
        Assert.Contains(SpecValidation.Validate(s_endpoint with { InstanceCount = 5, Scaling = new InstanceScaling { MaxInstanceCount = 2 } }), e => e.Field == "spec.instanceCount");
        Assert.Contains(SpecValidation.Validate(s_endpoint with { Rollout = new RolloutPolicy { BatchSize = 150 } }), e => e.Field == "spec.rollout.batchSize");
        Assert.Contains(SpecValidation.Validate(s_endpoint with { ModelRef = new ModelReference { Name = "m", Version = "0" } }), e => e.Field == "spec.modelRef.version");
        Assert.Contains(SpecValidation.Validate(s_endpoint with { DataCapture = new DataCapture() }), e => e.Field == "spec.dataCapture.destinationS3Uri");
    }

    [Fact]
    public void Validate_RegisteredModelRules_NameTheirFields()
    {
        var both = new RegisteredModelSpec { Source = new ModelSource { TrainingRunRef = "a", TuningRunRef = "b" } };
        Assert.Contains(SpecValidation.Validate(both), e => e.Field == "spec.source");
        var automatic = new RegisteredModelSpec { Source = new ModelSource { TrainingRunRef = "a" }, Approval = new ModelApproval { Mode = "Automatic" } };
        Assert.Contains(SpecValidation.Validate(automatic), e => e.Field == "spec.approval.minMetric");
    }
}
