using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.TrainingRuns;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>The RegisteredModel reconciler over InMemoryKube and the in-memory registry.</summary>
public sealed class RegisteredModelReconcilerTests
{
    private static RegisteredModelHarness Automatic(double minMetric = 0.5, double map = 0.72) =>
        new(RegisteredModelSamples.Model("Automatic", minMetric), RegisteredModelHarness.Region, RegisteredModelHarness.TrainingRun(map: map));

    [SkippableFact]
    public async Task CompletedSource_AutomaticAboveMinMetric_RegistersVersionOneApprovedWithImageArtifactAndClientToken()
    {
        var h = Automatic();

        var result = await h.ReconcileAsync();

        var request = (CreateModelPackageRequest)h.SageMaker.Calls.Single(c => c.Operation == "CreateModelPackage").Request;
        var group = RegisteredModelSamples.Group;
        Assert.Equal(group, request.ModelPackageGroupName);
        Assert.Equal(ObjectDetectionImage.For(RegisteredModelHarness.Region), request.InferenceSpecification!.Containers[0].Image);
        Assert.Equal("s3://models/vision/birds-run-1a2b3c4d/output/model.tar.gz", request.InferenceSpecification.Containers[0].ModelDataUrl);
        Assert.Equal(RegisteredModelNames.ClientToken(group, "birds-run-1a2b3c4d"), request.ClientToken);
        Assert.Equal(ModelApprovalStatus.Approved, request.ModelApprovalStatus);
        Assert.Equal(RegisteredModelPhase.Ready, h.Status.Phase);
        var version = Assert.Single(h.Status.Versions);
        Assert.Equal((1, ModelApprovalStatus.Approved, "birds-run-1a2b3c4d", 0.72), (version.Version, version.ApprovalStatus, version.SourceJobName, version.MAP));
        Assert.Equal((1, 1), (h.Status.LatestVersion, h.Status.LatestApprovedVersion));
        Assert.Equal(h.SageMaker.Groups[group].ModelPackageGroupArn, h.Status.ModelPackageGroupArn);
        Assert.Contains(RegisteredModelReconciler.Finalizer, h.Model!.Metadata.Finalizers!);
        Assert.Contains(h.Events.All, e => e.Reason == "VersionRegistered" && e.Message.Contains("Version 1"));
        Assert.Contains("detector_registered_model_versions{namespace=\"vision\",name=\"birds\",approval=\"Approved\"} 1", await h.ScrapeAsync());
        Assert.Equal(RegisteredModelHarness.PollInterval, result.RequeueAfter);   // Console changes show up on the next poll.
    }

    [SkippableFact]
    public async Task Reconcile_TakesOneStepEach_GroupThenVersion_RequeuingAtOnceBetween()
    {
        var h = Automatic();

        var first = await h.ReconcileOnceAsync();

        Assert.Equal(["DescribeModelPackageGroup", "CreateModelPackageGroup", "DescribeModelPackageGroup"], h.SageMaker.Calls.Select(c => c.Operation));
        Assert.Equal((RegisteredModelPhase.Registering, TimeSpan.Zero), (h.Status.Phase, first.RequeueAfter));

        var second = await h.ReconcileOnceAsync();

        Assert.Equal(1, h.SageMaker.Count("CreateModelPackage"));
        Assert.Equal((RegisteredModelPhase.Ready, RegisteredModelHarness.PollInterval), (h.Status.Phase, second.RequeueAfter));
    }

    [SkippableFact]
    public async Task Reconcile_Again_AndAfterALostStatusWrite_CreatesNoSecondVersion()
    {
        var h = Automatic();
        await h.ReconcileAsync();
        await h.ReconcileAsync();
        Assert.Equal(1, h.SageMaker.Count("CreateModelPackage"));

        // A crash before the status write: status is gone, the version is still in the registry and is found by listing.
        var model = h.Model!;
        model.Status = null;
        await h.Kube.Store<RegisteredModel>().UpdateStatusAsync(model, CancellationToken.None);
        await h.ReconcileAsync();

        Assert.Equal(1, h.SageMaker.Count("CreateModelPackage"));
        Assert.Single(h.SageMaker.Packages);
        Assert.Equal(1, Assert.Single(h.Status.Versions).Version);
    }

    [SkippableFact]
    public async Task CreateAnswerLost_RetriedWithTheSameClientToken_GetsTheSameVersion()
    {
        var h = Automatic();
        await h.ReconcileAsync();
        var first = (CreateModelPackageRequest)h.SageMaker.Calls.Single(c => c.Operation == "CreateModelPackage").Request;

        var again = await h.SageMaker.CreateModelPackageAsync(first);

        Assert.Equal(InMemoryRegistry.PackageArn(RegisteredModelSamples.Group, 1), again.ModelPackageArn);
        Assert.Single(h.SageMaker.Packages);
    }

    [SkippableFact]
    public async Task SourceStillTraining_WaitsWithTheRunsPhase_AndRegistersNothing()
    {
        var h = new RegisteredModelHarness(RegisteredModelSamples.Model(), RegisteredModelHarness.Region, RegisteredModelHarness.TrainingRun(TrainingRunPhase.Training));

        var result = await h.ReconcileAsync();

        Assert.Equal(RegisteredModelPhase.Waiting, h.Status.Phase);
        Assert.Equal(RegisteredModelReasons.WaitingForSource, h.Ready.Reason);
        Assert.Contains("TrainingRun birds-run is Training", h.Ready.Message);
        Assert.Empty(h.SageMaker.Calls);                   // The group comes with the first version: no call while waiting.
        Assert.Empty(h.SageMaker.Groups);
        Assert.Null(result.RequeueAfter);                  // The source's watch brings it back: no poll.
    }

    [SkippableFact]
    public async Task MissingSource_WaitsNamingIt()
    {
        var h = new RegisteredModelHarness(RegisteredModelSamples.Model());

        await h.ReconcileAsync();

        Assert.Equal(RegisteredModelPhase.Waiting, h.Status.Phase);
        Assert.Contains("TrainingRun birds-run does not exist", h.Ready.Message);
    }

    [SkippableFact]
    public async Task GroupCreatedMeanwhile_AlreadyExists_IsAdopted()
    {
        var h = Automatic();
        await h.SageMaker.CreateModelPackageGroupAsync(RegisteredModelRequests.BuildCreateGroup(h.Model!));
        h.SageMaker.FailNext("DescribeModelPackageGroup", "ValidationException", $"ModelPackageGroup {RegisteredModelSamples.Group} does not exist.", SageMakerErrorKind.NotFound);

        await h.ReconcileAsync();

        Assert.Equal(2, h.SageMaker.Count("CreateModelPackageGroup"));   // Ours, refused as a duplicate.
        Assert.Equal(RegisteredModelPhase.Ready, h.Status.Phase);
        Assert.Equal(h.SageMaker.Groups[RegisteredModelSamples.Group].ModelPackageGroupArn, h.Status.ModelPackageGroupArn);
        Assert.DoesNotContain(h.Events.All, e => e.Reason == "GroupCreated");
    }

    [SkippableFact]
    public async Task BelowMinMetric_PendingWithReason_ThenAnnotationApprovesOnce()
    {
        var h = Automatic(minMetric: 0.9);
        await h.ReconcileAsync();
        var version = Assert.Single(h.Status.Versions);
        Assert.Equal(ModelApprovalStatus.PendingManualApproval, version.ApprovalStatus);
        Assert.Contains("below approval.minMetric 0.9", version.ApprovalDescription);
        Assert.Null(h.Status.LatestApprovedVersion);

        await h.AnnotateAsync(RegistrationDecisions.ApproveVersionAnnotation, "1");
        await h.ReconcileAsync();

        var update = (UpdateModelPackageRequest)h.SageMaker.Calls.Single(c => c.Operation == "UpdateModelPackage").Request;
        Assert.Equal((version.Arn, ModelApprovalStatus.Approved), (update.ModelPackageArn, update.ModelApprovalStatus));
        Assert.Equal(1, h.Status.LatestApprovedVersion);
        Assert.Equal("1", h.Status.AppliedApproveVersion);
        Assert.Contains(h.Events.All, e => e.Reason == "ApprovalChanged" && e.Message.Contains("Version 1 is Approved"));

        // Rejected in the console later: the same annotation does not approve it again.
        h.SageMaker.Update(version.Arn!, p => p with { ModelApprovalStatus = ModelApprovalStatus.Rejected });
        await h.ReconcileAsync();
        Assert.Equal(1, h.SageMaker.Count("UpdateModelPackage"));
        Assert.Equal(ModelApprovalStatus.Rejected, h.Status.Versions[0].ApprovalStatus);
        Assert.Null(h.Status.LatestApprovedVersion);
    }

    [SkippableFact]
    public async Task ConsoleApproval_IsReflectedOnTheNextPoll_WithEventAndMetric()
    {
        var h = new RegisteredModelHarness(RegisteredModelSamples.Model(), RegisteredModelHarness.Region, RegisteredModelHarness.TrainingRun());
        await h.ReconcileAsync();
        Assert.Equal(ModelApprovalStatus.PendingManualApproval, h.Status.Versions[0].ApprovalStatus);

        h.SageMaker.Update(h.Status.Versions[0].Arn!, p => p with { ModelApprovalStatus = ModelApprovalStatus.Approved });
        await h.ReconcileAsync();

        Assert.Equal(1, h.Status.LatestApprovedVersion);
        Assert.Contains(h.Events.All, e => e.Reason == "ApprovalChanged" && e.Message.Contains("(was PendingManualApproval)"));
        var metrics = await h.ScrapeAsync();
        Assert.Contains("approval=\"Approved\"} 1", metrics);
        Assert.DoesNotContain("approval=\"PendingManualApproval\"", metrics);
    }

    [SkippableFact]
    public async Task BadAnnotation_IsReportedInTheApproveVersionCondition()
    {
        var h = Automatic(minMetric: 0.9);
        await h.ReconcileAsync();
        await h.AnnotateAsync(RegistrationDecisions.ApproveVersionAnnotation, "7");

        await h.ReconcileAsync();

        var condition = Conditions.Get(h.Status.Conditions, RegisteredModelReasons.ApproveVersionCondition)!;
        Assert.Equal((Conditions.False, RegisteredModelReasons.InvalidAnnotation), (condition.Status, condition.Reason));
        Assert.Contains("version 7 is not registered", condition.Message);
        Assert.Equal(0, h.SageMaker.Count("UpdateModelPackage"));
    }

    [SkippableFact]
    public async Task NewArtifactOfTheSource_BecomesVersionTwo()
    {
        var h = Automatic();
        await h.ReconcileAsync();

        await h.SetRunStatusAsync(RegisteredModelHarness.TrainingRun(job: "birds-run-99aa88bb", map: 0.8).Status!);
        await h.ReconcileAsync();

        Assert.Equal([1, 2], h.Status.Versions.Select(v => v.Version));
        Assert.Equal("birds-run-99aa88bb", h.Status.Versions[1].SourceJobName);
        Assert.Equal((2, 2), (h.Status.LatestVersion, h.Status.LatestApprovedVersion));
        Assert.Equal(2, h.SageMaker.Count("CreateModelPackage"));
    }

    [SkippableFact]
    public async Task PackageInProgress_IsRegistering_ThenReadyOnceDescribedCompleted()
    {
        var h = Automatic();
        h.SageMaker.NewPackageStatus = ModelPackageStatus.InProgress;
        await h.ReconcileAsync();
        Assert.Equal(RegisteredModelPhase.Registering, h.Status.Phase);

        var arn = h.Status.Versions[0].Arn!;
        h.SageMaker.Update(arn, p => p with { ModelPackageStatus = ModelPackageStatus.Completed });
        await h.ReconcileAsync();

        Assert.Equal(RegisteredModelPhase.Ready, h.Status.Phase);
        Assert.Equal(1, h.SageMaker.Count("CreateModelPackage"));
    }

    [SkippableFact]
    public async Task Settled_VersionsAreTakenFromStatus_OnlyChangedOnesAreDescribed()
    {
        var h = Automatic();
        await h.ReconcileAsync();
        var describes = h.SageMaker.Count("DescribeModelPackage");

        await h.ReconcileAsync();

        Assert.Equal(describes, h.SageMaker.Count("DescribeModelPackage"));
        Assert.Equal(0.72, h.Status.Versions[0].MAP);
    }

    [SkippableFact]
    public async Task CreateRefused_FailsWithSageMakersMessage_AndIsNotRetriedThisGeneration()
    {
        var h = Automatic();
        h.SageMaker.FailNext("CreateModelPackage", "ValidationException", "Image is not in the account", SageMakerErrorKind.Validation);

        var result = await h.ReconcileAsync();
        await h.ReconcileAsync();

        Assert.Equal(RegisteredModelPhase.Failed, h.Status.Phase);
        Assert.Equal(Reasons.SageMakerRejected, h.Ready.Reason);
        Assert.Contains("Image is not in the account", h.Status.FailureReason);
        Assert.Equal(1, h.SageMaker.Count("CreateModelPackage"));
        Assert.Equal(ReconcileResult.Done, result);
        Assert.Contains(h.Events.All, e => e.Type == "Warning" && e.Reason == Reasons.SageMakerRejected);
    }

    [SkippableFact]
    public async Task RegionWithoutTheImage_IsOperatorMisconfigured_WithoutCalls()
    {
        var h = new RegisteredModelHarness(RegisteredModelSamples.Model(), region: null, RegisteredModelHarness.TrainingRun());

        await h.ReconcileAsync();

        Assert.Equal(RegisteredModelPhase.Failed, h.Status.Phase);
        Assert.Equal(Reasons.OperatorMisconfigured, h.Ready.Reason);
        Assert.Empty(h.SageMaker.Calls);
    }

    [SkippableFact]
    public async Task TuningRunSource_RegistersItsBestJob()
    {
        var model = RegisteredModelSamples.Model("Automatic", 0.5);
        model.Spec = model.Spec with { Source = new ModelSource { TuningRunRef = "birds-hpo" } };
        var tuning = RunSamples.TuningRun(name: "birds-hpo");
        tuning.Metadata = new k8s.Models.V1ObjectMeta { Name = "birds-hpo", NamespaceProperty = "vision", Uid = "hpo-uid" };
        tuning.Status = new TuningRunStatus
        {
            Phase = TuningRunPhase.Completed,
            BestTrainingJob = new BestTrainingJob { Name = "birds-hpo-003-00000003", MAP = 0.81, ModelArtifactUri = "s3://models/t/birds-hpo-003-00000003/output/model.tar.gz" },
        };
        var h = new RegisteredModelHarness(model, RegisteredModelHarness.Region, tuning);

        await h.ReconcileAsync();

        var version = Assert.Single(h.Status.Versions);
        Assert.Equal(("birds-hpo-003-00000003", ModelApprovalStatus.Approved), (version.SourceJobName, version.ApprovalStatus));
    }

    [SkippableFact]
    public async Task Delete_RemovesTheFinalizer_AndKeepsTheGroupAndEveryVersion()
    {
        var h = Automatic();
        await h.ReconcileAsync();

        await h.Kube.Store<RegisteredModel>().DeleteAsync(h.Key, CancellationToken.None);
        var calls = h.SageMaker.Calls.Count;
        await h.ReconcileAsync();

        Assert.Null(h.Model);
        Assert.Equal(calls, h.SageMaker.Calls.Count);   // Nothing is deleted in SageMaker.
        Assert.Single(h.SageMaker.Groups);
        Assert.Single(h.SageMaker.Packages);
        Assert.DoesNotContain("detector_registered_model_versions{", await h.ScrapeAsync());
    }

    [SkippableFact]
    public async Task NewestVersionFailedValidation_FailsButKeepsPolling_SoANewArtifactIsStillRegistered()
    {
        var h = Automatic();
        h.SageMaker.NewPackageStatus = ModelPackageStatus.Failed;

        var result = await h.ReconcileAsync();

        Assert.Equal((RegisteredModelPhase.Failed, RegisteredModelReasons.VersionFailed), (h.Status.Phase, h.Ready.Reason));
        Assert.Equal(RegisteredModelHarness.PollInterval, result.RequeueAfter);
        h.SageMaker.NewPackageStatus = ModelPackageStatus.Completed;
        await h.SetRunStatusAsync(RegisteredModelHarness.TrainingRun(job: "birds-run-99aa88bb").Status!);
        await h.ReconcileAsync();
        Assert.Equal(RegisteredModelPhase.Ready, h.Status.Phase);
        Assert.Equal(2, h.Status.LatestApprovedVersion);
    }
}
