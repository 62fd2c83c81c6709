using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Kube;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Operator.Tests.TrainingRuns;
using k8s.Models;
using static Detector.Operator.Tests.EndToEnd.LifecycleSteps;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// Issue 8's "restarting the operator during each step creates nothing twice", at the hardest point of every step:
/// SageMaker committed the call, the answer never reached the operator (held by <see cref="FakeSageMaker.HoldNextAnswer"/>
/// until the operator is stopped), so nothing of it is in status. The restarted operator must find what was made by
/// its derived name (or ClientToken), record it and take the next step. Same harness as <see cref="FullLifecycleTests"/>.
/// </summary>
public sealed class RestartAtEveryStepTests
{
    [SkippableFact]
    public async Task Registration_RestartAfterEachCommittedCall_MakesEachTrainingJobGroupAndVersionOnce()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, _) = Stores(env);
        var job = env.SageMaker.HoldNextAnswer("CreateTrainingJob");
        env.StartOperator();

        // CreateTrainingJob: the restarted operator finds the job by its derived name and follows it.
        await env.PrepareDatasetAsync("aquarium");
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);
        await RestartAfterCommitAsync(env, job, committed: 1);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.TrainingJobName is { } name && name == e.SageMaker.TrainingJobs.Single());
        env.SageMaker.Advance(TimeSpan.FromHours(1));
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.Phase == TrainingRunPhase.Completed);
        Assert.Equal(1, env.SageMaker.CallCount("CreateTrainingJob"));

        // CreateModelPackageGroup, then CreateModelPackage: the group is described, the version listed, none made again.
        var group = env.SageMaker.HoldNextAnswer("CreateModelPackageGroup");
        var package = env.SageMaker.HoldNextAnswer("CreateModelPackage");
        await models.CreateAsync(NewModel(env.Kube.Namespace), CancellationToken.None);
        await RestartAfterCommitAsync(env, group, committed: 1);
        await RestartAfterCommitAsync(env, package, committed: 1);   // Committed only if the group step moved on.
        await env.WaitForAsync(e => Model(e)?.Status?.Versions.Count == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(1));
        await env.WaitForAsync(e => Model(e)?.Status?.LatestApprovedVersion == 1);
        Assert.Equal((1, 1), (env.SageMaker.CallCount("CreateModelPackageGroup"), env.SageMaker.CallCount("CreateModelPackage")));
        Assert.Equal(env.TrainingRun("ssd")!.Status!.TrainingJobName, Model(env)!.Status!.Versions.Single().SourceJobName);

        // A spec change trains version 2: its job and its version are committed once each across a restart too. The
        // model is switched to manual approval first, so version 2 is approved by annotation (UpdateModelPackage).
        await EditAsync(models, env.Kube.Namespace, "fish", m => m.Spec = m.Spec with { Approval = new ModelApproval { Mode = "Manual" } });
        var secondJob = env.SageMaker.HoldNextAnswer("CreateTrainingJob");
        var secondPackage = env.SageMaker.HoldNextAnswer("CreateModelPackage");
        var firstJob = env.TrainingRun("ssd")!.Status!.TrainingJobName;
        await EditAsync(env.TrainingRuns, env.Kube.Namespace, "ssd", run => run.Spec = run.Spec with { Hyperparameters = run.Spec.Hyperparameters with { Epochs = run.Spec.Hyperparameters.Epochs + 1 } });
        await RestartAfterCommitAsync(env, secondJob, committed: 2);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.TrainingJobName is { } name && name != firstJob && name == e.SageMaker.TrainingJobs[^1]);
        env.SageMaker.Advance(TimeSpan.FromHours(1));
        await RestartAfterCommitAsync(env, secondPackage, committed: 2);
        await env.WaitForAsync(e => Model(e)?.Status?.Versions.Count == 2);
        env.SageMaker.Advance(TimeSpan.FromMinutes(1));
        await env.WaitForAsync(e => Model(e)!.Status!.Versions.Single(v => v.Version == 2) is { PackageStatus: "Completed", ApprovalStatus: "PendingManualApproval" });

        // UpdateModelPackage (kubectl annotate … approve-version=2): the restarted operator finds version 2 Approved and
        // records the annotation as applied without approving again.
        var approve = env.SageMaker.HoldNextAnswer("UpdateModelPackage");
        await EditAsync(models, env.Kube.Namespace, "fish", m => m.SetAnnotation(RegistrationDecisions.ApproveVersionAnnotation, "2"));
        await RestartAfterCommitAsync(env, approve, committed: 1);
        await env.WaitForAsync(e => Model(e)?.Status is { LatestApprovedVersion: 2, AppliedApproveVersion: "2" });
        Assert.Equal(1, env.SageMaker.CallCount("UpdateModelPackage"));

        var versions = Model(env)!.Status!.Versions;
        Assert.Equal([1, 2], versions.Select(v => v.Version).Order());
        Assert.Equal(env.SageMaker.TrainingJobs, versions.OrderBy(v => v.Version).Select(v => v.SourceJobName));
        Assert.Equal(2, env.SageMaker.TrainingJobs.Count);
        Assert.Equal((2, 2), (env.SageMaker.CreateCount("CreateTrainingJob"), env.SageMaker.CallCount("CreateTrainingJob")));
        Assert.Equal((2, 2), (env.SageMaker.CreateCount("CreateModelPackage"), env.SageMaker.CallCount("CreateModelPackage")));
        Assert.Single(env.SageMaker.ModelPackageGroups);
        Assert.Null(env.SageMaker.ModelPackage(versions[0].Arn![..versions[0].Arn!.LastIndexOf('/')] + "/3"));
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task Hosting_RestartAfterEachCommittedCreate_BuildsModelConfigEndpointAndComponentOnce()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, endpoints) = Stores(env);
        env.StartOperator();
        await TrainVersionOneAsync(env, models);

        var model = env.SageMaker.HoldNextAnswer("CreateModel");
        var config = env.SageMaker.HoldNextAnswer("CreateEndpointConfig");
        var endpoint = env.SageMaker.HoldNextAnswer("CreateEndpoint");
        var component = env.SageMaker.HoldNextAnswer("CreateInferenceComponent");
        await endpoints.CreateAsync(NewEndpoint(env.Kube.Namespace), CancellationToken.None);
        await RestartAfterCommitAsync(env, model, committed: 1);
        await RestartAfterCommitAsync(env, config, committed: 1);   // Each next commit shows the step before moved on.
        // The first CreateEndpoint meets "Could not find endpoint configuration" (not committed); the retry commits.
        await RestartAfterCommitAsync(env, endpoint, committed: 1);
        await env.WaitForAsync(e => Endpoint(e)?.Status is { Phase: DetectionEndpointPhase.Creating, EndpointStatus: "Creating", EndpointArn: not null });
        env.SageMaker.Advance(TimeSpan.FromMinutes(7));
        await RestartAfterCommitAsync(env, component, committed: 1);
        await env.WaitForAsync(e => Endpoint(e)?.Status?.InferenceComponentName is { } name
            && e.SageMaker.InferenceComponent(name)?["InferenceComponentStatus"]?.GetValue<string>() == "Creating"
            && Conditions.Get(Endpoint(e)!.Status!.Conditions, Conditions.Ready)?.Reason == EndpointReasons.ComponentBusy);
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => Endpoint(e)?.Status is { Phase: DetectionEndpointPhase.InService, DeployedVersion: 1 });

        var serving = Endpoint(env)!.Status!;
        Assert.Equal("InService", env.SageMaker.InferenceComponent(serving.InferenceComponentName!)?["InferenceComponentStatus"]?.GetValue<string>());
        Assert.Equal(serving.ModelName, env.SageMaker.Models.Single());
        Assert.Equal(serving.EndpointConfigName, env.SageMaker.EndpointConfigs.Single());
        Assert.Equal(serving.EndpointName, env.SageMaker.Endpoints.Single());
        Assert.Equal(serving.InferenceComponentName, env.SageMaker.InferenceComponents.Single());
        foreach (var op in new[] { "CreateModel", "CreateEndpointConfig", "CreateEndpoint", "CreateInferenceComponent" })
            Assert.True(env.SageMaker.CreateCount(op) == 1, $"{op} committed {env.SageMaker.CreateCount(op)} times");
        Assert.Equal(2, env.SageMaker.CallCount("CreateEndpoint"));   // The refused first try and its retry; none after the restart.
        Assert.Equal((1, RolloutResults.Succeeded), (serving.LastRollout?.Version, serving.LastRollout?.Result));
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task RolloutAndDeletion_RestartAfterEachCommittedCall_RollsOnceAndDeletingLeavesNothing()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, endpoints) = Stores(env);
        env.StartOperator();
        var firstJob = await TrainVersionOneAsync(env, models);
        await endpoints.CreateAsync(NewEndpoint(env.Kube.Namespace), CancellationToken.None);
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateEndpoint") == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(7));
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateInferenceComponent") == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => Endpoint(e)?.Status?.Phase == DetectionEndpointPhase.InService);
        var serving = Endpoint(env)!.Status!;

        // Version 2: its model, the rolling update of the component and the cleanup of version 1's model.
        var model = env.SageMaker.HoldNextAnswer("CreateModel");
        var update = env.SageMaker.HoldNextAnswer("UpdateInferenceComponent");
        var cleanup = env.SageMaker.HoldNextAnswer("DeleteModel");
        await TrainVersionTwoAsync(env, firstJob);
        await RestartAfterCommitAsync(env, model, committed: 2);
        await RestartAfterCommitAsync(env, update, committed: 1);
        await env.WaitForAsync(e => Endpoint(e)?.Status is { Phase: DetectionEndpointPhase.Updating, DeployedVersion: 1 } s
            && Conditions.Get(s.Conditions, Conditions.Ready)?.Reason == EndpointReasons.ComponentBusy);
        env.SageMaker.Advance(TimeSpan.FromMinutes(10));
        await RestartAfterCommitAsync(env, cleanup, committed: 1);
        await env.WaitForAsync(e => Endpoint(e)?.Status is { Phase: DetectionEndpointPhase.InService, DeployedVersion: 2 });
        var rolled = Endpoint(env)!.Status!;
        Assert.Equal((2, (int?)1), (rolled.DeployedVersion, rolled.PreviousVersion));
        Assert.Equal((2, (int?)1, RolloutResults.Succeeded), (rolled.LastRollout?.Version, rolled.LastRollout?.FromVersion, rolled.LastRollout?.Result));
        Assert.Equal(rolled.ModelName, env.SageMaker.Models.Single());
        Assert.NotEqual(serving.ModelName, rolled.ModelName);
        Assert.Equal(rolled.ModelName, env.SageMaker.InferenceComponent(rolled.InferenceComponentName!)?["Specification"]?["ModelName"]?.GetValue<string>());
        Assert.Equal(1, env.SageMaker.CallCount("UpdateInferenceComponent"));

        // Deletion: every delete's answer is lost once; the finalizer still goes, and nothing is left in SageMaker.
        var deleteComponent = env.SageMaker.HoldNextAnswer("DeleteInferenceComponent");
        var deleteEndpoint = env.SageMaker.HoldNextAnswer("DeleteEndpoint");
        var deleteConfig = env.SageMaker.HoldNextAnswer("DeleteEndpointConfig");
        var deleteModel = env.SageMaker.HoldNextAnswer("DeleteModel");
        await endpoints.DeleteAsync(new ObjectKey(env.Kube.Namespace, "fish-live"), CancellationToken.None);
        // The restarted operator sees the component (then the endpoint) Deleting and waits, without deleting again.
        var deleted = await RestartAfterCommitAsync(env, deleteComponent, committed: 1);
        await WaitForCallAfterAsync(env, "DescribeInferenceComponent", deleted);
        env.SageMaker.Advance(TimeSpan.FromMinutes(2));
        deleted = await RestartAfterCommitAsync(env, deleteEndpoint, committed: 1);
        await WaitForCallAfterAsync(env, "DescribeEndpoint", deleted);
        env.SageMaker.Advance(TimeSpan.FromMinutes(2));
        await RestartAfterCommitAsync(env, deleteConfig, committed: 1);
        await RestartAfterCommitAsync(env, deleteModel, committed: 2);   // Version 1's model went in the cleanup above.
        await env.WaitForAsync(e => Endpoint(e) is null);
        await DeleteTheRestAndAssertNothingLeftAsync(env);
        foreach (var op in new[] { "DeleteInferenceComponent", "DeleteEndpoint", "DeleteEndpointConfig" })
            Assert.True(env.SageMaker.CallCount(op) == 1, $"{op} was called {env.SageMaker.CallCount(op)} times");
        Assert.Equal(2, env.SageMaker.CallCount("DeleteModel"));
        // The whole chain, one of each: 2 training jobs, 1 group, 2 versions, 2 models, 1 endpoint, 1 component.
        Assert.Equal(2, env.SageMaker.CreateCount("CreateTrainingJob"));
        Assert.Equal(1, env.SageMaker.CreateCount("CreateModelPackageGroup"));
        Assert.Equal(2, env.SageMaker.CreateCount("CreateModelPackage"));
        Assert.Equal(2, env.SageMaker.CreateCount("CreateModel"));
        Assert.Equal(1, env.SageMaker.CreateCount("CreateEndpointConfig"));
        Assert.Equal(1, env.SageMaker.CreateCount("CreateEndpoint"));
        Assert.Equal(1, env.SageMaker.CreateCount("CreateInferenceComponent"));
        Assert.Equal(1, env.SageMaker.CreateCount("UpdateInferenceComponent"));
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    /// <summary>
    /// Waits until SageMaker committed the held call (<paramref name="committed"/> such calls so far), begins stopping
    /// the operator, and only then lets the call end, with an error the client does not retry: the shutting-down
    /// operator takes no new work (its first backoff is 1 s, its queue closes at once), so nothing of the call reaches
    /// status. (Released with its real answer, the in-flight reconcile would record it within its 30 s shutdown grace;
    /// held on, the stop would wait out those 30 s.) Then starts the operator again. Returns the call's sequence number.
    /// </summary>
    private static async Task<int> RestartAfterCommitAsync(SageMakerEnvironment env, AnswerHold hold, int committed)
    {
        await hold.Committed.WaitAsync(OperatorEnvironment.Timeout);
        Assert.Equal(committed, env.SageMaker.CreateCount(hold.Operation));
        var stopping = env.StopOperatorAsync();
        hold.Fail(400, "AnswerLost", "The connection closed before SageMaker's answer arrived");
        Assert.Equal(0, await stopping);
        env.StartOperator();
        return env.SageMaker.Requests.Last(r => r.Operation == hold.Operation && r.Committed).Sequence;
    }

    // The restarted operator has looked at SageMaker since the call numbered `after` (the request log wakes no waiter by
    // itself; the Lease renewals every 2 s do).
    private static Task WaitForCallAfterAsync(SageMakerEnvironment env, string operation, int after) =>
        env.WaitForAsync(e => e.SageMaker.Requests.Any(r => r.Operation == operation && r.Sequence > after && r.Succeeded));
}
