namespace Detector.RuntimeBench.Tests;

public sealed class ScenarioTests
{
    [Theory]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(30, 20)]
    [InlineData(300, 200)]
    public void ExpectedTrainingJobs_Objects_IsTheTwoThirdsWhoseDatasetIsPrepared(int objects, int expected) =>
        Assert.Equal(expected, Scenario.ExpectedTrainingJobs(objects));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(299, true)]
    public void Waits_Index_EveryThirdDatasetStaysPreparing(int index, bool waits) => Assert.Equal(waits, Scenario.Waits(index));

    [Theory]
    [InlineData("data-0042", 42)]
    [InlineData("data-0000", 0)]
    [InlineData("train-0042", null)]
    [InlineData("data-x", null)]
    public void DatasetIndex_Name_IsTheNumberOfABenchDataset(string name, int? expected) => Assert.Equal(expected, Scenario.DatasetIndex(name));

    [Fact]
    public void NewTrainingRun_Index_TrainsOnTheDatasetOfTheSameIndex()
    {
        var run = Scenario.NewTrainingRun("bench", "bucket", 7);
        var dataset = Scenario.NewDataset("bench", "bucket", 7);
        Assert.Equal((dataset.Metadata.Name, "bench"), (run.Spec.DatasetRef, run.Metadata.NamespaceProperty));
        Assert.Equal(Scenario.DatasetIndex(dataset.Metadata.Name), 7);
    }

    [Fact]
    public void Manifest_Classes_MatchTheDatasetsClasses() =>
        Assert.Equal(Scenario.NewDataset("bench", "bucket", 0).Spec.Classes, Scenario.Manifest(DateTimeOffset.UnixEpoch).Classes);
}
