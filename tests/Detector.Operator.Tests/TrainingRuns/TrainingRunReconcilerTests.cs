using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Operator.TrainingRuns;

namespace Detector.Operator.Tests.TrainingRuns;

public class TrainingRunReconcilerTests
{
    [Fact]
    public async Task Reconcile_NewRunTwice_AddsFinalizerCreatesOneJobAndPolls()
    {
        var h = new TrainingRunHarness();

        await h.ReconcileAsync();
        var second = await h.ReconcileAsync();

        Assert.Single(h.SageMaker.CreatedTrainingJobs);
        Assert.Equal(1, h.SageMaker.Count("CreateTrainingJob"));
        Assert.Equal(ReconcileResult.After(TrainingRunHarness.PollInterval), second);
        Assert.Contains(TrainingRunReconciler.Finalizer, h.Run!.Metadata.Finalizers);
        var name = TrainingJobNames.TrainingJob(h.Run);
        Assert.Equal((TrainingRunPhase.Starting, name), (h.Status.Phase, h.Status.TrainingJobName));
        Assert.Equal("sha256:abc", h.Status.DatasetContentHash);
        Assert.Contains("logStreamNameFilter$3D" + name, h.Status.LogsUrl);
        Assert.Contains(h.Events.All, e => e.Reason == "JobCreated");
        Assert.Contains("detector_sagemaker_jobs{kind=\"TrainingRun\",status=\"InProgress\"} 1", await h.ScrapeAsync());
    }

    [Fact]
    public async Task Reconcile_DatasetNotReady_WaitsNamingTheDatasetWithoutCreating()
    {
        var h = new TrainingRunHarness(dataset: RunSamples.Dataset(ready: false));

        var result = await h.ReconcileAsync();

        Assert.Equal(ReconcileResult.Done, result);        // The Dataset's watch brings it back: no poll.
        Assert.Equal(TrainingRunPhase.Waiting, h.Status.Phase);
        Assert.Equal(RunReasons.WaitingForReference, h.Ready.Reason);
        Assert.Contains("Dataset aquarium", h.Ready.Message);
        Assert.True(Conditions.IsTrue(h.Status.Conditions, Conditions.Reconciling));
        Assert.Empty(h.SageMaker.Calls);                   // Waiting costs no SageMaker budget, not even a Describe.
    }

    [Theory]
    [InlineData("learningRate", "spec.hyperparameters.learningRate")]
    [InlineData("labelWidth", "spec.hyperparameters.labelWidth")]
    [InlineData("instanceType", "spec.resources.instanceType")]
    public async Task Reconcile_InvalidSpec_StallsNamingTheFieldWithZeroSageMakerCalls(string what, string field)
    {
        var run = RunSamples.TrainingRun(s => what switch
        {
            "learningRate" => s with { Hyperparameters = s.Hyperparameters with { LearningRate = 2 } },
            "labelWidth" => s with { Hyperparameters = s.Hyperparameters with { LabelWidth = 50 } },
            _ => s with { Resources = s.Resources with { InstanceType = "ml.m5.xlarge" } },
        });
        var h = new TrainingRunHarness(run);

        var result = await h.ReconcileAsync();

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Equal((TrainingRunPhase.Failed, Reasons.InvalidSpec), (h.Status.Phase, h.Ready.Reason));
        Assert.Contains(field, h.Ready.Message);
        Assert.True(Conditions.IsTrue(h.Status.Conditions, Conditions.Stalled));
        Assert.DoesNotContain(h.SageMaker.Calls, c => c.Operation.StartsWith("Create", StringComparison.Ordinal));
        if (what != "labelWidth")
            Assert.Empty(h.SageMaker.Calls);               // Refused before any SageMaker call.
        Assert.Contains(h.Events.All, e => e.Type == "Warning" && e.Reason == Reasons.InvalidSpec);
    }

    [Fact]
    public async Task Reconcile_RegionWithoutTheImage_IsOperatorMisconfiguredWithZeroCalls()
    {
        var h = new TrainingRunHarness(region: "ap-southeast-5");

        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());

        Assert.Equal(Reasons.OperatorMisconfigured, h.Ready.Reason);
        Assert.Contains("ap-southeast-5", h.Ready.Message);
        Assert.Empty(h.SageMaker.Calls);
    }

    [Fact]
    public async Task Reconcile_JobAlreadyExistsAfterACrash_AdoptsIt()
    {
        var h = new TrainingRunHarness();
        var name = TrainingJobNames.TrainingJob(RunSamples.TrainingRun());
        await h.SageMaker.CreateTrainingJobAsync(TrainingRunRequests.BuildCreateTrainingJob(RunSamples.TrainingRun(), RunSamples.Inputs, "image"));
        // The first Describe misses it (eventual consistency), so the reconciler tries to create it.
        h.SageMaker.FailNext("DescribeTrainingJob", "ValidationException", "Requested resource not found.", SageMakerErrorKind.NotFound);

        await h.ReconcileAsync();

        Assert.Single(h.SageMaker.CreatedTrainingJobs);
        Assert.Equal(2, h.SageMaker.Count("CreateTrainingJob"));
        Assert.Equal((name, TrainingJobStatus.InProgress), (h.Status.TrainingJobName, h.Status.TrainingJobStatus));
    }

    [Fact]
    public async Task Reconcile_SageMakerRefusesTheCreate_StallsWithItsMessageAndDoesNotRetryUntilTheSpecChanges()
    {
        var h = new TrainingRunHarness();
        h.SageMaker.FailNext("CreateTrainingJob", "ValidationException", "Could not assume role arn:aws:iam::123456789012:role/detector-vision-sagemaker", SageMakerErrorKind.Validation);

        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());
        Assert.Equal((TrainingRunPhase.Failed, Reasons.SageMakerRejected), (h.Status.Phase, h.Ready.Reason));
        Assert.Contains("Could not assume role", h.Ready.Message);
        var calls = h.SageMaker.Calls.Count;

        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());
        Assert.Equal(calls, h.SageMaker.Calls.Count);

        await h.EditAsync(s => s with { Hyperparameters = s.Hyperparameters with { Epochs = 20 } });
        await h.ReconcileAsync();
        Assert.Equal(2, h.SageMaker.Count("CreateTrainingJob"));
        Assert.Equal(TrainingRunPhase.Starting, h.Status.Phase);
    }

    [Fact]
    public async Task Reconcile_ThrottledAfterTheClientsRetries_Propagates()
    {
        var h = new TrainingRunHarness();
        h.SageMaker.FailNext("DescribeTrainingJob", "ThrottlingException", "Rate exceeded", SageMakerErrorKind.Throttling);

        await Assert.ThrowsAsync<SageMakerException>(h.ReconcileAsync);

        Assert.Equal(0, h.SageMaker.Count("CreateTrainingJob"));
    }

    [Fact]
    public async Task Reconcile_JobProgressesAndCompletes_MapsPhasesMetricsAndArtifact()
    {
        var h = new TrainingRunHarness();
        await h.ReconcileAsync();
        var name = h.Status.TrainingJobName!;

        h.SageMaker.Update(name, j => j with { SecondaryStatus = SecondaryStatus.Training });
        await h.ReconcileAsync();
        Assert.Equal(TrainingRunPhase.Training, h.Status.Phase);

        h.SageMaker.Complete(name, 0.6931);
        var result = await h.ReconcileAsync();

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Equal((TrainingRunPhase.Completed, Conditions.True), (h.Status.Phase, h.Ready.Status));
        Assert.Equal(0.6931, h.Status.MAP);
        Assert.Equal(["train:cross_entropy", "validation:mAP"], h.Status.FinalMetrics.Select(m => m.Name));
        Assert.Equal($"s3://models/vision/{name}/output/model.tar.gz", h.Status.ModelArtifactUri);
        Assert.Equal((1680L, 1680L), (h.Status.TrainingTimeSeconds, h.Status.BillableTimeSeconds));
        Assert.Contains("detector_training_final_metric{kind=\"TrainingRun\",namespace=\"vision\",name=\"aquarium-ssd\",metric=\"validation:mAP\"} 0.6931", await h.ScrapeAsync());
        Assert.Contains(h.Events.All, e => e.Reason == TrainingRunPhase.Completed);
    }

    [Fact]
    public async Task Reconcile_JobFails_IsFailedWithSageMakersReason()
    {
        var h = new TrainingRunHarness();
        await h.ReconcileAsync();
        h.SageMaker.Update(h.Status.TrainingJobName!, j => j with
        {
            TrainingJobStatus = TrainingJobStatus.Failed, SecondaryStatus = SecondaryStatus.Failed, FailureReason = "ClientError: Unable to initialize the algorithm",
        });

        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());

        Assert.Equal((TrainingRunPhase.Failed, RunReasons.JobFailed), (h.Status.Phase, h.Ready.Reason));
        Assert.Contains("Unable to initialize the algorithm", h.Status.FailureReason);
        Assert.Contains(h.Events.All, e => e.Type == "Warning" && e.Reason == RunReasons.JobFailed);
    }

    [Fact]
    public async Task Reconcile_SpecEditWhileRunning_StopsTheOldJobStartsANewOneAndKeepsHistory()
    {
        var h = new TrainingRunHarness();
        await h.ReconcileAsync();
        var old = h.Status.TrainingJobName!;

        await h.EditAsync(s => s with { Hyperparameters = s.Hyperparameters with { LearningRate = 0.005 } });
        await h.ReconcileAsync();

        var current = h.Status.TrainingJobName!;
        Assert.NotEqual(old, current);
        Assert.Equal(TrainingJobStatus.Stopping, h.SageMaker.TrainingJobs[old].TrainingJobStatus);
        Assert.Equal(2, h.SageMaker.CreatedTrainingJobs.Count);
        var entry = Assert.Single(h.Status.History);
        Assert.Equal((old, "Stopping", 1L), (entry.JobName, entry.Status, entry.Generation));
        Assert.Equal(2, h.Status.ObservedGeneration);

        await h.ReconcileAsync();
        Assert.Single(h.Status.History);
        Assert.Equal(2, h.SageMaker.CreatedTrainingJobs.Count);
    }

    [Fact]
    public async Task Reconcile_SpecEditMakesTheSpecInvalid_StillStopsTheOldJobAndKeepsItInHistory()
    {
        var h = new TrainingRunHarness();
        await h.ReconcileAsync();
        var old = h.Status.TrainingJobName!;

        await h.EditAsync(s => s with { Resources = s.Resources with { InstanceType = "ml.m5.xlarge" } });
        await h.ReconcileAsync();

        Assert.Equal(Reasons.InvalidSpec, h.Ready.Reason);
        Assert.Equal(TrainingJobStatus.Stopping, h.SageMaker.TrainingJobs[old].TrainingJobStatus);
        Assert.Equal(old, Assert.Single(h.Status.History).JobName);
        var calls = h.SageMaker.Calls.Count;
        await h.ReconcileAsync();
        Assert.Equal(calls, h.SageMaker.Calls.Count);
    }

    [Fact]
    public async Task Delete_RunningJob_StopsItAndLetsGoOnceStopped()
    {
        var h = new TrainingRunHarness();
        await h.ReconcileAsync();
        var name = h.Status.TrainingJobName!;

        await h.DeleteAsync();
        Assert.Equal(ReconcileResult.After(TrainingRunHarness.PollInterval), await h.ReconcileAsync());
        Assert.Equal(TrainingJobStatus.Stopping, h.SageMaker.TrainingJobs[name].TrainingJobStatus);
        Assert.NotNull(h.Run);

        h.SageMaker.Update(name, j => j with { TrainingJobStatus = TrainingJobStatus.Stopped, SecondaryStatus = SecondaryStatus.Stopped });
        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());
        Assert.Null(h.Run);
        Assert.Equal(1, h.SageMaker.Count("StopTrainingJob"));
    }

    [Fact]
    public async Task Delete_JobAlreadyGoneFromSageMaker_StillRemovesTheFinalizer()
    {
        var h = new TrainingRunHarness();
        await h.ReconcileAsync();
        h.SageMaker.FailNext("DescribeTrainingJob", "ValidationException", "Requested resource not found.", SageMakerErrorKind.NotFound);
        h.SageMaker.FailNext("DescribeTrainingJob", "ValidationException", "Requested resource not found.", SageMakerErrorKind.NotFound);

        await h.DeleteAsync();
        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());

        Assert.Null(h.Run);
        Assert.Equal(0, h.SageMaker.Count("StopTrainingJob"));
    }

    [Fact]
    public async Task Delete_WithDeletionPolicyRetain_LeavesTheJobRunning()
    {
        var h = new TrainingRunHarness(RunSamples.TrainingRun(s => s with { DeletionPolicy = JobDeletionPolicy.Retain }));
        await h.ReconcileAsync();

        await h.DeleteAsync();
        await h.ReconcileAsync();

        Assert.Null(h.Run);
        Assert.Equal(TrainingJobStatus.InProgress, h.SageMaker.TrainingJobs[h.SageMaker.CreatedTrainingJobs[0].TrainingJobName].TrainingJobStatus);
    }

    [Fact]
    public async Task Reconcile_Paused_MakesNoCallsAndNoWrites()
    {
        var run = RunSamples.TrainingRun();
        run.Metadata.Annotations = new Dictionary<string, string> { [Annotations.PausedName] = "true" };
        var h = new TrainingRunHarness(run);

        Assert.Equal(ReconcileResult.Done, await h.ReconcileAsync());

        Assert.Empty(h.SageMaker.Calls);
        Assert.Null(h.Run!.Status);
    }

    [Fact]
    public async Task Reconcile_SettledRun_WritesNoStatusAgain()
    {
        var h = new TrainingRunHarness();
        await h.ReconcileAsync();
        h.SageMaker.Complete(h.Status.TrainingJobName!, 0.5);
        await h.ReconcileAsync();
        var writes = h.Kube.Writes<TrainingRun>(Fakes.KubeOperation.UpdateStatus);

        await h.ReconcileAsync();

        Assert.Equal(writes, h.Kube.Writes<TrainingRun>(Fakes.KubeOperation.UpdateStatus));
    }
}
