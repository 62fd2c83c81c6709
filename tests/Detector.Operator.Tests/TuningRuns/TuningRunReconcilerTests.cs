using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.TrainingRuns;
using Detector.Operator.TuningRuns;

namespace Detector.Operator.Tests.TuningRuns;

public class TuningRunReconcilerTests
{
    [Fact]
    public async Task Reconcile_NewRunTwice_CreatesOneTuningJobAndPolls()
    {
        var h = new TuningRunHarness();

        await h.ReconcileAsync();
        var second = await h.ReconcileAsync();

        Assert.Single(h.SageMaker.CreatedTuningJobs);
        Assert.Equal(ReconcileResult.After(TuningRunHarness.PollInterval), second);
        Assert.Equal((TuningRunPhase.Tuning, TuningJobNames.TuningJob(h.Run!)), (h.Status.Phase, h.Status.TuningJobName));
        Assert.Equal(0, h.Status.Counters!.Completed);
        Assert.Contains(Detector.Operator.TuningRuns.TuningRunReconciler.Finalizer, h.Run!.Metadata.Finalizers);
    }

    [Fact]
    public async Task Reconcile_DatasetNotReady_Waits()
    {
        var h = new TuningRunHarness(RunSamples.TuningRun(), RunSamples.Dataset(ready: false));

        await h.ReconcileAsync();

        Assert.Equal((TuningRunPhase.Waiting, RunReasons.WaitingForReference), (h.Status.Phase, h.Ready.Reason));
        Assert.Empty(h.SageMaker.Calls);                   // No SageMaker call while the Dataset is not Ready.
    }

    [Fact]
    public async Task Reconcile_HyperbandWithEarlyStopping_IsInvalidSpecWithZeroCalls()
    {
        var h = new TuningRunHarness(RunSamples.TuningRun(s => s with { Strategy = "Hyperband", EarlyStopping = "Auto" }), RunSamples.Dataset());

        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());

        Assert.Equal((TuningRunPhase.Failed, Reasons.InvalidSpec), (h.Status.Phase, h.Ready.Reason));
        Assert.Contains("spec.earlyStopping", h.Ready.Message);
        Assert.Empty(h.SageMaker.Calls);
    }

    [Fact]
    public async Task Reconcile_WarmStartParentRunning_WaitsThenStartsWithItsJob()
    {
        var parent = RunSamples.TuningRun(name: "earlier");
        parent.Metadata.Uid = "parent-uid";
        parent.Status = new TuningRunStatus { Phase = TuningRunPhase.Tuning, TuningJobName = "earlier-11111111" };
        var run = RunSamples.TuningRun(s => s with { WarmStart = new TuningWarmStart { TuningRunRefs = ["earlier"] } });
        var h = new TuningRunHarness(run, parent, RunSamples.Dataset());

        await h.ReconcileAsync();
        Assert.Equal(TuningRunPhase.Waiting, h.Status.Phase);
        Assert.Contains("earlier", h.Ready.Message);

        var stored = h.Kube.Get<TuningRun>(new ObjectKey(RunSamples.Namespace, "earlier"))!;
        stored.Status = stored.Status! with { Phase = TuningRunPhase.Completed };
        await h.Kube.Store<TuningRun>().UpdateStatusAsync(stored, CancellationToken.None);
        await h.ReconcileAsync();

        var warm = Assert.Single(h.SageMaker.CreatedTuningJobs).WarmStartConfig!;
        Assert.Equal(("earlier-11111111", "IdenticalDataAndAlgorithm"), (Assert.Single(warm.ParentHyperParameterTuningJobs).HyperParameterTuningJobName, warm.WarmStartType));
    }

    [Fact]
    public async Task Reconcile_TrialsComplete_ReportsCountersBestJobTopTrialsAndCompletes()
    {
        var h = new TuningRunHarness();
        await h.ReconcileAsync();
        var name = h.Status.TuningJobName!;
        h.SageMaker.AddTrial(name, 1, 0.41, "0.001");
        var best = h.SageMaker.AddTrial(name, 2, 0.63, "0.01");
        h.SageMaker.AddTrial(name, 3, 0.52, "0.005");

        await h.ReconcileAsync();
        Assert.Equal(3, h.Status.Counters!.Completed);
        Assert.Equal([0.63, 0.52, 0.41], h.Status.TopTrials.Select(t => t.MAP!.Value));
        Assert.Equal((best.TrainingJobName, 0.63), (h.Status.BestTrainingJob!.Name, h.Status.BestTrainingJob.MAP!.Value));
        Assert.Equal($"s3://models/tuning/{best.TrainingJobName}/output/model.tar.gz", h.Status.BestTrainingJob.ModelArtifactUri);
        Assert.Equal("0.01", h.Status.BestTrainingJob.TunedHyperparameters["learning_rate"]);

        var lists = h.SageMaker.Count("ListTrainingJobsForHyperParameterTuningJob");
        var describes = h.SageMaker.Count("DescribeTrainingJob");
        await h.ReconcileAsync();
        Assert.Equal((lists, describes), (h.SageMaker.Count("ListTrainingJobsForHyperParameterTuningJob"), h.SageMaker.Count("DescribeTrainingJob")));

        h.SageMaker.UpdateTuning(name, j => j with { HyperParameterTuningJobStatus = HyperParameterTuningJobStatus.Completed, HyperParameterTuningEndTime = RunSamples.Now.AddHours(3) });
        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());
        Assert.Equal((TuningRunPhase.Completed, Conditions.True), (h.Status.Phase, h.Ready.Status));
        Assert.Contains($"best {best.TrainingJobName}", h.Ready.Message);
        Assert.Contains("detector_training_final_metric{kind=\"TuningRun\",namespace=\"vision\",name=\"aquarium-hpo\",metric=\"validation:mAP\"} 0.63", await h.ScrapeAsync());
    }

    [Fact]
    public async Task Reconcile_SageMakerRefusesTheCreate_StallsWithoutRetrying()
    {
        var h = new TuningRunHarness();
        h.SageMaker.FailNext("CreateHyperParameterTuningJob", "ValidationException",
            "The hyperparameter tuning job that you requested has the following untunable hyperparameters: [foo].", SageMakerErrorKind.Validation);

        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());
        var calls = h.SageMaker.Calls.Count;
        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());

        Assert.Equal(Reasons.SageMakerRejected, h.Ready.Reason);
        Assert.Contains("untunable hyperparameters", h.Ready.Message);
        Assert.Equal(calls, h.SageMaker.Calls.Count);
    }

    [Fact]
    public async Task Reconcile_SpecEdit_StopsTheOldTuningJobAndKeepsItInHistory()
    {
        var h = new TuningRunHarness();
        await h.ReconcileAsync();
        var old = h.Status.TuningJobName!;

        await h.EditAsync(s => s with { MaxTrainingJobs = 6 });
        await h.ReconcileAsync();

        Assert.Equal(HyperParameterTuningJobStatus.Stopping, h.SageMaker.TuningJobs[old].HyperParameterTuningJobStatus);
        Assert.Equal(2, h.SageMaker.CreatedTuningJobs.Count);
        Assert.Equal(old, Assert.Single(h.Status.History).JobName);
        Assert.NotEqual(old, h.Status.TuningJobName);
    }

    [Fact]
    public async Task Delete_RunningTuningJob_StopsItThenRemovesTheFinalizer()
    {
        var h = new TuningRunHarness();
        await h.ReconcileAsync();
        var name = h.Status.TuningJobName!;

        await h.Kube.Store<TuningRun>().DeleteAsync(TuningRunHarness.Key, CancellationToken.None);
        Assert.Equal(ReconcileResult.After(TuningRunHarness.PollInterval), await h.ReconcileAsync());
        Assert.Equal(HyperParameterTuningJobStatus.Stopping, h.SageMaker.TuningJobs[name].HyperParameterTuningJobStatus);

        h.SageMaker.UpdateTuning(name, j => j with { HyperParameterTuningJobStatus = HyperParameterTuningJobStatus.Stopped });
        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());
        Assert.Null(h.Run);
    }
}
