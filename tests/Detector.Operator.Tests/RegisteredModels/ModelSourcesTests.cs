using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.RegisteredModels;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>Reading a RegisteredModel's source run: only a Completed run with a job and an artifact is registrable.</summary>
public sealed class ModelSourcesTests
{
    [Theory]
    [InlineData(null, null, "needs one of trainingRunRef or tuningRunRef")]
    [InlineData("a", "b", "cannot both be set")]
    [InlineData("a", null, null)]
    [InlineData(null, "b", null)]
    public void Problem_NamesTheFields(string? training, string? tuning, string? expected)
    {
        var problem = ModelSources.Problem(new ModelSource { TrainingRunRef = training, TuningRunRef = tuning });
        if (expected is null) Assert.Null(problem);
        else Assert.Contains(expected, problem);
    }

    [Theory]
    [InlineData(TrainingRunPhase.Training, "TrainingRun birds-run is Training, not Completed")]
    [InlineData(TrainingRunPhase.Failed, "TrainingRun birds-run is Failed, not Completed")]
    [InlineData(null, "TrainingRun birds-run is Pending, not Completed")]
    public void TrainingRun_NotCompleted_WaitsNamingThePhase(string? phase, string expected)
    {
        var run = RegisteredModelHarness.TrainingRun();
        run.Status = phase is null ? null : run.Status! with { Phase = phase };

        var source = ModelSources.FromTrainingRun("birds-run", run);

        Assert.Null(source.Artifact);
        Assert.Equal(expected, source.NotReady);
    }

    [Fact]
    public void TrainingRun_Completed_GivesJobArtifactAndMetric()
    {
        var source = ModelSources.FromTrainingRun("birds-run", RegisteredModelHarness.TrainingRun(job: "j-1", map: 0.6));

        Assert.Equal(new SourceArtifact("j-1", "s3://models/vision/j-1/output/model.tar.gz", 0.6), source.Artifact);
        Assert.Equal((TrainingRun.KindName, "birds-run"), (source.Kind, source.Name));
    }

    [Fact]
    public void TrainingRun_CompletedWithoutArtifact_Waits()
    {
        var run = RegisteredModelHarness.TrainingRun();
        run.Status = run.Status! with { ModelArtifactUri = null };

        Assert.Contains("no training job or model artifact", ModelSources.FromTrainingRun("birds-run", run).NotReady);
    }

    [Fact]
    public void Missing_Runs_WaitNamingThem()
    {
        Assert.Equal("TrainingRun x does not exist", ModelSources.FromTrainingRun("x", null).NotReady);
        Assert.Equal("TuningRun y does not exist", ModelSources.FromTuningRun("y", null).NotReady);
    }

    [Fact]
    public void TuningRun_CompletedWithBestJob_GivesTheBestJob_OtherwiseWaits()
    {
        var best = new BestTrainingJob { Name = "hpo-002", MAP = 0.7, ModelArtifactUri = "s3://m/hpo-002/output/model.tar.gz" };
        var run = new TuningRun { Status = new TuningRunStatus { Phase = TuningRunPhase.Completed, BestTrainingJob = best } };

        Assert.Equal(new SourceArtifact("hpo-002", best.ModelArtifactUri, 0.7), ModelSources.FromTuningRun("hpo", run).Artifact);
        run.Status = run.Status with { BestTrainingJob = null };
        Assert.Contains("no best training job", ModelSources.FromTuningRun("hpo", run).NotReady);
        run.Status = run.Status with { Phase = TuningRunPhase.Tuning };
        Assert.Equal("TuningRun hpo is Tuning, not Completed", ModelSources.FromTuningRun("hpo", run).NotReady);
    }
}
