using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.TrainingRuns;

namespace Detector.Operator.Tests.TrainingRuns;

public class TrainingRunRequestsTests
{
    private static readonly string s_image = ObjectDetectionImage.For(RunSamples.Region)!;

    [SkippableFact]
    public void BuildCreateTrainingJob_Sample_MatchesTheGoldenFileAndTheModel()
    {
        var request = TrainingRunRequests.BuildCreateTrainingJob(RunSamples.TrainingRun(), RunSamples.Inputs, s_image);
        RequestGolden.AssertJson("create-training-job.json", request);
        AwsModelCheck.AssertValid("CreateTrainingJobRequest", request);
    }

    public static TheoryData<string, Func<TrainingRunSpec, TrainingRunSpec>> Variants => new()
    {
        { "spot with checkpoints", s => s with { Spot = new SpotTraining { Enabled = true, MaxWaitSeconds = 172_800, CheckpointS3Uri = "s3://models/checkpoints/" } } },
        { "vpc, kms, isolation", s => s with
            {
                VpcConfig = new VpcConfig { SecurityGroupIds = ["sg-0123456789abcdef0"], Subnets = ["subnet-0123", "subnet-4567"] },
                Output = s.Output with { KmsKeyId = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
                Resources = s.Resources with { VolumeKmsKeyId = "alias/detector", InstanceCount = 2 },
                Hyperparameters = s.Hyperparameters with { KvStore = "dist_sync" },
                NetworkIsolation = true, InterContainerTrafficEncryption = true,
            } },
        { "warm pool, pipe, retries", s => s with
            {
                Resources = s.Resources with { KeepAliveSeconds = 1800 },
                Algorithm = s.Algorithm with { InputMode = "Pipe" },
                MaxRetryAttempts = 3,
            } },
        { "fifty tags", s => s with { Tags = Enumerable.Range(0, 46).ToDictionary(i => $"key{i}", i => $"value {i}") } },
    };

    [SkippableTheory]
    [MemberData(nameof(Variants))]
    public void BuildCreateTrainingJob_Variant_SatisfiesTheModel(string what, Func<TrainingRunSpec, TrainingRunSpec> edit)
    {
        var run = RunSamples.TrainingRun(edit);
        Assert.Empty(RunAdmission.Check(run, null));
        var request = TrainingRunRequests.BuildCreateTrainingJob(run, RunSamples.Inputs, s_image);
        AwsModelCheck.AssertValid("CreateTrainingJobRequest", request);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void BuildCreateTrainingJob_Channels_AreTheTwoRecordIOFilesUnwrapped()
    {
        var request = TrainingRunRequests.BuildCreateTrainingJob(RunSamples.TrainingRun(), RunSamples.Inputs, s_image);
        Assert.Collection(request.InputDataConfig!,
            train => Assert.Equal(("train", RunSamples.Inputs.TrainRecUri), (train.ChannelName, train.DataSource.S3DataSource!.S3Uri)),
            validation => Assert.Equal(("validation", RunSamples.Inputs.ValidationRecUri), (validation.ChannelName, validation.DataSource.S3DataSource!.S3Uri)));
        Assert.All(request.InputDataConfig!, c =>
            Assert.Equal(("application/x-recordio", "None", "S3Prefix"), (c.ContentType, c.RecordWrapperType, c.DataSource.S3DataSource!.S3DataType)));
    }

    [Fact]
    public void BuildCreateTrainingJob_Spot_SetsWaitTimeAndAPerJobCheckpointPrefix()
    {
        var run = RunSamples.TrainingRun(s => s with { Spot = new SpotTraining { Enabled = true, MaxWaitSeconds = 100_000, CheckpointS3Uri = "s3://models/ckpt" } });
        var request = TrainingRunRequests.BuildCreateTrainingJob(run, RunSamples.Inputs, s_image);
        Assert.True(request.EnableManagedSpotTraining);
        Assert.Equal(100_000, request.StoppingCondition!.MaxWaitTimeInSeconds);
        Assert.Equal($"s3://models/ckpt/{request.TrainingJobName}/", request.CheckpointConfig!.S3Uri);
    }

    [Fact]
    public void BuildCreateTrainingJob_Tags_AddTheOwnerAndKeepTheUsers()
    {
        var run = RunSamples.TrainingRun(s => s with { Tags = new Dictionary<string, string> { ["team"] = "vision", ["detector.dev/name"] = "spoofed" } });
        var tags = TrainingRunRequests.BuildCreateTrainingJob(run, RunSamples.Inputs, s_image).Tags!.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("vision", tags["team"]);
        Assert.Equal(("TrainingRun", "vision", "aquarium-ssd", run.Metadata.Uid), (tags["detector.dev/kind"], tags["detector.dev/namespace"], tags["detector.dev/name"], tags["detector.dev/uid"]));
    }

    [Fact]
    public void Admission_TooManyTagsForTheOperatorsOwn_NamesTheTags()
    {
        var run = RunSamples.TrainingRun(s => s with { Tags = Enumerable.Range(0, 47).ToDictionary(i => $"k{i}", i => "v") });
        Assert.Contains(RunAdmission.Check(run, null), e => e.Field == "spec.tags" && e.Message.Contains("at most 46"));
    }
}

public class AwsModelCheckTests
{
    [SkippableFact]
    public void AssertValid_RequestTheModelRefuses_Fails()
    {
        var request = TrainingRunRequests.BuildCreateTrainingJob(RunSamples.TrainingRun(), RunSamples.Inputs, ObjectDetectionImage.For("us-east-1")!)
            with { TrainingJobName = "not_a_valid_name" };
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AwsModelCheck.AssertValid("CreateTrainingJobRequest", request));
        Assert.Contains("trainingJobName", failure.Message);
    }
}
