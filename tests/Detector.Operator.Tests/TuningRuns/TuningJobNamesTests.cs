using Detector.Operator.Tests.TrainingRuns;
using Detector.Operator.TuningRuns;

namespace Detector.Operator.Tests.TuningRuns;

public class TuningJobNamesTests
{
    [Theory]
    [InlineData("aquarium-hpo", "aquarium-hpo-")]
    [InlineData("a-tuning-run-name-longer-than-thirty-two", "a-tuning-run-name-longe-")]
    public void TuningJob_Name_FitsThirtyTwoCharacters(string name, string prefix)
    {
        var job = TuningJobNames.TuningJob(RunSamples.TuningRun(name: name));
        Assert.StartsWith(prefix, job);
        Assert.True(TuningJobNames.IsTuningJobName(job), job);
        Assert.True(job.Length <= 32);
    }

    [Fact]
    public void TuningJob_RangeEdit_ChangesTheName()
    {
        var before = TuningJobNames.TuningJob(RunSamples.TuningRun());
        var after = TuningJobNames.TuningJob(RunSamples.TuningRun(s => s with { MaxTrainingJobs = 8 }));
        Assert.NotEqual(before, after);
    }
}
