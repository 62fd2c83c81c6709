using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Tests.TrainingRuns;

namespace Detector.Operator.Tests.Runs;

public class TrainingJobNamesTests
{
    [Theory]
    [InlineData("aquarium-ssd", "aquarium-ssd-")]
    [InlineData("Aquarium.SSD_v2", "aquarium-ssd-v2-")]
    [InlineData("a.very.long.name.that.goes.on.and.on.well.past.the.sixty.three.character.limit", "a-very-long-name-that-goes-on-and-on-well-past-the-six-")]
    [InlineData("...", "x-")]
    public void TrainingJob_Name_IsSanitizedHashedAndWithinTheModelPattern(string name, string prefix)
    {
        var job = TrainingJobNames.TrainingJob(RunSamples.TrainingRun(name: name));
        Assert.StartsWith(prefix, job);
        Assert.True(TrainingJobNames.IsTrainingJobName(job), job);
        Assert.True(job.Length <= 63);
    }

    [Fact]
    public void TrainingJob_SameSpec_GivesTheSameName()
    {
        Assert.Equal(TrainingJobNames.TrainingJob(RunSamples.TrainingRun()), TrainingJobNames.TrainingJob(RunSamples.TrainingRun()));
    }

    public static TheoryData<string, Func<TrainingRunSpec, TrainingRunSpec>, bool> Edits => new()
    {
        { "learning rate", s => s with { Hyperparameters = s.Hyperparameters with { LearningRate = 0.01 } }, true },
        { "instance type", s => s with { Resources = s.Resources with { InstanceType = "ml.g5.2xlarge" } }, true },
        { "dataset", s => s with { DatasetRef = "other" }, true },
        { "spot", s => s with { Spot = new SpotTraining { Enabled = true } }, true },
        { "tags", s => s with { Tags = new Dictionary<string, string> { ["team"] = "other" } }, false },
        { "deletion policy", s => s with { DeletionPolicy = JobDeletionPolicy.Retain }, false },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void TrainingJob_SpecEdit_ChangesTheNameOnlyWhenTheJobChanges(string what, Func<TrainingRunSpec, TrainingRunSpec> edit, bool changes)
    {
        var before = TrainingJobNames.TrainingJob(RunSamples.TrainingRun());
        var after = TrainingJobNames.TrainingJob(RunSamples.TrainingRun(edit));
        Assert.True(changes == (before != after), $"{what}: {before} → {after}");
    }

    [Fact]
    public void TrainingJob_RecreatedObject_GetsANewName()
    {
        var run = RunSamples.TrainingRun();
        var recreated = RunSamples.TrainingRun();
        recreated.Metadata.Uid = "7a1c2a4e-0000-4000-8000-00000000ffff";
        var elsewhere = RunSamples.TrainingRun();
        elsewhere.Metadata.NamespaceProperty = "other";
        Assert.NotEqual(TrainingJobNames.TrainingJob(run), TrainingJobNames.TrainingJob(recreated));
        Assert.NotEqual(TrainingJobNames.TrainingJob(run), TrainingJobNames.TrainingJob(elsewhere));
    }
}
