using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Tests.TrainingRuns;
using Detector.Operator.TuningRuns;

namespace Detector.Operator.Tests.TuningRuns;

public class TuningRunRequestsTests
{
    private static readonly string s_image = ObjectDetectionImage.For(RunSamples.Region)!;

    [SkippableFact]
    public void BuildCreateTuningJob_Sample_MatchesTheGoldenFileAndTheModel()
    {
        var request = TuningRunRequests.BuildCreateTuningJob(RunSamples.TuningRun(), RunSamples.Inputs, s_image, []);
        RequestGolden.AssertJson("create-hyper-parameter-tuning-job.json", request);
        AwsModelCheck.AssertValid("CreateHyperParameterTuningJobRequest", request);
    }

    public static TheoryData<string, Func<TuningRunSpec, TuningRunSpec>> Variants => new()
    {
        { "hyperband", s => s with { Strategy = "Hyperband", Hyperband = new HyperbandConfig { MinResource = 2, MaxResource = 20 }, RandomSeed = 7 } },
        { "grid", s => s with { Strategy = "Grid", Ranges = new TuningRanges { Categorical = [new CategoricalRange { Name = "optimizer", Values = ["sgd", "adam", "rmsprop"] }] } } },
        { "random with every range", s => s with
            {
                Strategy = "Random",
                Ranges = new TuningRanges
                {
                    Continuous = [new ContinuousRange { Name = "learningRate", MinValue = 1e-6, MaxValue = 0.5, Scaling = "Logarithmic" },
                        new ContinuousRange { Name = "momentum", MinValue = 0.0001, MaxValue = 0.999 },
                        new ContinuousRange { Name = "weightDecay", MinValue = 0.0001, MaxValue = 0.999, Scaling = "ReverseLogarithmic" }],
                    Integer = [new IntegerRange { Name = "miniBatchSize", MinValue = 8, MaxValue = 64, Scaling = "Linear" }],
                    Categorical = [new CategoricalRange { Name = "optimizer", Values = ["sgd", "adam", "rmsprop", "adadelta"] }],
                },
            } },
        { "completion criteria, early stopping, runtime", s => s with
            {
                CompletionCriteria = new TuningCompletionCriteria { TargetMAP = 0.8, MaxJobsNotImproving = 5, CompleteOnConvergence = true },
                EarlyStopping = "Auto", MaxRuntimeSeconds = 36_000,
            } },
        { "spot, vpc, kms", s => s with
            {
                Spot = new SpotTraining { Enabled = true, CheckpointS3Uri = "s3://models/ckpt/" },
                VpcConfig = new VpcConfig { SecurityGroupIds = ["sg-1"], Subnets = ["subnet-1"] },
                Output = s.Output with { KmsKeyId = "alias/models" }, MaxRetryAttempts = 2,
            } },
        { "warm start", s => s with { WarmStart = new TuningWarmStart { TuningRunRefs = ["earlier"], Type = "TransferLearning" } } },
    };

    [SkippableTheory]
    [MemberData(nameof(Variants))]
    public void BuildCreateTuningJob_Variant_SatisfiesTheModel(string what, Func<TuningRunSpec, TuningRunSpec> edit)
    {
        var run = RunSamples.TuningRun(edit);
        Assert.True(RunAdmission.Check(run, null).Count == 0, what + ": " + RunAdmission.Message(RunAdmission.Check(run, null)));
        var request = TuningRunRequests.BuildCreateTuningJob(run, RunSamples.Inputs, s_image, run.Spec.WarmStart is null ? [] : ["earlier-1a2b3c4d"]);
        AwsModelCheck.AssertValid("CreateHyperParameterTuningJobRequest", request);
    }

    [Fact]
    public void StaticHyperParameters_TunedNames_AreLeftOut()
    {
        var statics = TuningRunRequests.StaticHyperParameters(RunSamples.TuningRun().Spec, RunSamples.Inputs);
        Assert.DoesNotContain("learning_rate", statics.Keys);
        Assert.DoesNotContain("optimizer", statics.Keys);
        Assert.Equal(("7", "152", "0.9"), (statics["num_classes"], statics["num_training_samples"], statics["momentum"]));
    }

    [Fact]
    public void BuildCreateTuningJob_Hyperband_SetsItsConfigEarlyStoppingOffAndTheEpochBudget()
    {
        var run = RunSamples.TuningRun(s => s with { Strategy = "Hyperband", Hyperband = new HyperbandConfig { MinResource = 3, MaxResource = 25 } });
        var request = TuningRunRequests.BuildCreateTuningJob(run, RunSamples.Inputs, s_image, []);
        var config = request.HyperParameterTuningJobConfig;
        Assert.Equal((3, 25), (config.StrategyConfig!.HyperbandStrategyConfig!.MinResource, config.StrategyConfig.HyperbandStrategyConfig.MaxResource));
        Assert.Equal("Off", config.TrainingJobEarlyStoppingType);
        Assert.Equal("25", request.TrainingJobDefinition!.StaticHyperParameters!["epochs"]);
    }

    [Fact]
    public void Admission_HyperbandWithEarlyStoppingAuto_IsRefusedNamingTheField()
    {
        var run = RunSamples.TuningRun(s => s with { Strategy = "Hyperband", EarlyStopping = "Auto" });
        Assert.Contains(RunAdmission.Check(run, null), e => e.Field == "spec.earlyStopping");
    }

    [Fact]
    public void Admission_WarmStartFromItself_IsRefused()
    {
        var run = RunSamples.TuningRun(s => s with { WarmStart = new TuningWarmStart { TuningRunRefs = ["aquarium-hpo"] } });
        Assert.Contains(RunAdmission.Check(run, null), e => e.Field == "spec.warmStart.tuningRunRefs");
    }

    [Theory]
    [InlineData("momentum", 0.0, 0.9, "spec.ranges.continuous[0].minValue")]
    [InlineData("learningRate", 1e-7, 0.1, "spec.ranges.continuous[0].minValue")]
    [InlineData("weightDecay", 0.1, 1.0, "spec.ranges.continuous[0].maxValue")]
    public void Admission_RangeOutsideTheValidBounds_NamesTheBound(string name, double min, double max, string field)
    {
        var run = RunSamples.TuningRun(s => s with { Ranges = new TuningRanges { Continuous = [new ContinuousRange { Name = name, MinValue = min, MaxValue = max }] } });
        Assert.Contains(RunAdmission.Check(run, null), e => e.Field == field);
    }

    [Fact]
    public void BuildCreateTuningJob_Grid_SendsNoJobCount() =>
        Assert.Null(TuningRunRequests.BuildCreateTuningJob(
            RunSamples.TuningRun(s => s with { Strategy = "Grid", Ranges = new TuningRanges { Categorical = [new CategoricalRange { Name = "optimizer", Values = ["sgd", "adam"] }] } }),
            RunSamples.Inputs, s_image, []).HyperParameterTuningJobConfig.ResourceLimits.MaxNumberOfTrainingJobs);
}
