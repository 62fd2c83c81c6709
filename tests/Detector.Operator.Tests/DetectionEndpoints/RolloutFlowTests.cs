using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Runtime;
using static Detector.Operator.Tests.DetectionEndpoints.EndpointSamples;
using A = Detector.Operator.DetectionEndpoints.EndpointAction;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>Planner, rollout tracker and status mapper together, reconcile by reconcile, as the reconciler will chain them.</summary>
public sealed class RolloutFlowTests
{
    private static readonly DetectionEndpoint s_template = Endpoint();
    private static readonly string s_m1 = ModelOf(s_template, 1), s_m2 = ModelOf(s_template, 2), s_m3 = ModelOf(s_template, 3);
    private static readonly string s_config = ConfigOf(s_template, 1);

    [Fact]
    public void Rollout_Succeeds_ServesNewVersionRecordsHistoryAndDeletesOldModel()
    {
        var status = Step(Serving(1), Registry(2, 1, 2), Observed(InService(s_config), Component(s_m1), [s_m1, s_m2], [s_config]), A.UpdateInferenceComponent);
        Assert.Equal((RolloutResults.InProgress, 2, 1), (status.LastRollout!.Result, status.LastRollout.Version, status.LastRollout.FromVersion));
        Assert.Equal(DetectionEndpointPhase.Updating, status.Phase);
        // Version 1 serves, but the declared state (version 2) is not reached: Reconciling, not Ready (kstatus InProgress).
        Assert.Equal(("False", "True"), (Condition(status, Conditions.Ready).Status, Condition(status, Conditions.Reconciling).Status));

        status = Step(status, Registry(2, 1, 2), Observed(InService(s_config), Component(s_m2), [s_m1, s_m2], [s_config]), A.DeleteModel);
        Assert.Equal((2, 1, s_m2, s_m1), (status.DeployedVersion, status.PreviousVersion, status.ModelName, status.PreviousModelName));
        Assert.Equal(RolloutResults.Succeeded, status.LastRollout!.Result);
        Assert.Equal(Now.UtcDateTime, status.LastRollout.FinishedAt);
        Assert.Single(status.RolloutHistory);
        Assert.Equal(("False", EndpointReasons.RolloutSucceeded), Pair(Condition(status, EndpointReasons.RolloutFailedCondition)));

        status = Step(status, Registry(2, 1, 2), Observed(InService(s_config), Component(s_m2), [s_m2], [s_config]), A.None);
        Assert.Equal(DetectionEndpointPhase.InService, status.Phase);
        Assert.True(DetectionEndpointStatusMapper.IsSettled(status));
    }

    [Fact]
    public void Rollout_FinishingInTheStepTheNextStarts_RecordsTheFinishedVersionAsDeployed()
    {
        // Version 3 is approved while 2 rolls out: its model is made at once, so when 2 finishes, 3 starts in that step.
        var status = Step(Serving(1), Registry(2, 1, 2), Observed(InService(s_config), Component(s_m1), [s_m1, s_m2], [s_config]), A.UpdateInferenceComponent);
        status = Step(status, Registry(3, 1, 2, 3), Observed(InService(s_config), Component(s_m2, InferenceComponentStatus.Updating), [s_m1, s_m2], [s_config]),
            A.CreateModel);
        status = Step(status, Registry(3, 1, 2, 3), Observed(InService(s_config), Component(s_m2), [s_m1, s_m2, s_m3], [s_config]),
            A.UpdateInferenceComponent);

        Assert.Equal((2, 1, s_m2, s_m1), (status.DeployedVersion, status.PreviousVersion, status.ModelName, status.PreviousModelName));
        Assert.Equal((3, 2, RolloutResults.InProgress), (status.LastRollout!.Version, status.LastRollout.FromVersion, status.LastRollout.Result));
        Assert.Equal((2, RolloutResults.Succeeded), (status.RolloutHistory[0].Version, status.RolloutHistory[0].Result));

        status = Step(status, Registry(3, 1, 2, 3), Observed(InService(s_config), Component(s_m3), [s_m1, s_m2, s_m3], [s_config]), A.DeleteModel);
        Assert.Equal((3, 2, s_m3, s_m2), (status.DeployedVersion, status.PreviousVersion, status.ModelName, status.PreviousModelName));
    }

    [Fact]
    public void Rollout_UpdateAcceptedButNeverRecorded_RecordsTheRolloutOnceVersionTwoServes()
    {
        // The operator stopped after SageMaker accepted UpdateInferenceComponent: status still has version 1's rollout.
        var first = new RolloutResult { Version = 1, ModelName = s_m1, Result = RolloutResults.Succeeded };
        var status = Serving(1) with { LastRollout = first, RolloutHistory = [first] };
        status = Step(status, Registry(2, 1, 2), Observed(InService(s_config), Component(s_m1, InferenceComponentStatus.Updating), [s_m1, s_m2], [s_config]),
            A.Wait);
        Assert.Equal((1, 1), (status.DeployedVersion, status.LastRollout!.Version));

        status = Step(status, Registry(2, 1, 2), Observed(InService(s_config), Component(s_m2), [s_m1, s_m2], [s_config]), A.DeleteModel);
        Assert.Equal((2, (int?)1, s_m2, RolloutResults.Succeeded), (status.LastRollout!.Version, status.LastRollout.FromVersion, status.LastRollout.ModelName,
            status.LastRollout.Result));
        Assert.Equal(Now.UtcDateTime, status.LastRollout.FinishedAt);
        Assert.Equal([2, 1], status.RolloutHistory.Select(r => r.Version!.Value));
        Assert.Equal((2, (int?)1), (status.DeployedVersion, status.PreviousVersion));

        // Recorded once: the next looks change nothing.
        status = Step(status, Registry(2, 1, 2), Observed(InService(s_config), Component(s_m2), [s_m2], [s_config]), A.None);
        Assert.Equal([2, 1], status.RolloutHistory.Select(r => r.Version!.Value));
        Assert.Equal(("False", EndpointReasons.RolloutSucceeded), Pair(Condition(status, EndpointReasons.RolloutFailedCondition)));
    }

    [Fact]
    public void FirstDeployment_ComponentCreateNeverRecorded_RecordsVersionOneWhenItServes()
    {
        var created = Step(null, Registry(1, 1), Observed(null, null, [s_m1], [s_config]), A.CreateEndpoint);
        var status = Step(created, Registry(1, 1), Observed(InService(s_config), Component(s_m1, InferenceComponentStatus.Creating), [s_m1], [s_config]), A.Wait);
        Assert.Null(status.LastRollout);

        status = Step(status, Registry(1, 1), Observed(InService(s_config), Component(s_m1), [s_m1], [s_config]), A.None);

        Assert.Equal((1, (int?)null, RolloutResults.Succeeded), (status.LastRollout!.Version, status.LastRollout.FromVersion, status.LastRollout.Result));
        Assert.Equal((1, DetectionEndpointPhase.InService), (status.DeployedVersion, status.Phase));
        Assert.Single(status.RolloutHistory);
    }

    [Fact]
    public void Rollout_RolledBack_KeepsPreviousVersionSetsRolloutFailedAndDoesNotRetry()
    {
        var status = Serving(1) with
        {
            LastRollout = new RolloutResult { Version = 2, FromVersion = 1, ModelName = s_m2, Result = RolloutResults.InProgress },
        };
        var rolledBack = Component(s_m1) with { FailureReason = "Alarm birds-5xx fired; rolled back" };

        status = Step(status, Registry(2, 1, 2), Observed(InService(s_config), rolledBack, [s_m1, s_m2], [s_config]), A.DeleteModel);
        Assert.Equal((1, RolloutResults.RolledBack, 2), (status.DeployedVersion, status.LastRollout!.Result, status.FailedVersion));
        var failed = Condition(status, EndpointReasons.RolloutFailedCondition);
        Assert.Equal(("True", EndpointReasons.RolledBack), Pair(failed));
        Assert.Contains("Alarm birds-5xx fired", failed.Message);
        Assert.Contains("Alarm birds-5xx fired", status.FailureReason);

        // The failed version's model is cleaned up and version 2 is not rolled out again.
        status = Step(status, Registry(2, 1, 2), Observed(InService(s_config), rolledBack, [s_m1], [s_config]), A.None);
        Assert.Equal(1, status.DeployedVersion);
        Assert.Contains("Version 2 failed to roll out", Condition(status, Conditions.Ready).Message);
        // Held back on version 1 until a person approves a newer version or edits the spec: Stalled (kstatus Failed).
        Assert.Equal(("False", "True", EndpointReasons.RolloutFailed),
            (Condition(status, Conditions.Ready).Status, Condition(status, Conditions.Stalled).Status, Condition(status, Conditions.Stalled).Reason));

        // A newer approved version does roll out.
        Step(status, Registry(3, 1, 2, 3), Observed(InService(s_config), rolledBack, [s_m1, s_m3], [s_config]), A.UpdateInferenceComponent);
    }

    [Fact]
    public void Rollout_FailedVersion_RetriedAfterASpecChange()
    {
        var status = Serving(1) with { FailedVersion = 2, FailedGeneration = 1 };

        var plan = EndpointPlanner.Plan(Endpoint(status: status, generation: 2), Registry(2, 1, 2),
            Observed(InService(s_config), Component(s_m1), [s_m1, s_m2], [s_config]), Now);

        Assert.Equal((A.UpdateInferenceComponent, 2), (plan.Step.Action, plan.Step.RolloutVersion));
    }

    [Fact]
    public void FirstDeployment_ComponentFails_StallsWithSageMakersReason()
    {
        var status = Step(null, Registry(1, 1), Observed(InService(s_config), null, [s_m1], [s_config]), A.CreateInferenceComponent);
        Assert.Equal((RolloutResults.InProgress, 1, (int?)null), (status.LastRollout!.Result, status.LastRollout.Version, status.LastRollout.FromVersion));

        status = Step(status, Registry(1, 1),
            Observed(InService(s_config), Component(s_m1, InferenceComponentStatus.Failed, failure: "Container failed the ping check"), [s_m1], [s_config]),
            A.Stall);

        Assert.Equal(DetectionEndpointPhase.Failed, status.Phase);
        Assert.Equal((RolloutResults.Failed, 1), (status.LastRollout!.Result, status.FailedVersion));
        Assert.Contains("ping check", Condition(status, EndpointReasons.RolloutFailedCondition).Message);
        Assert.Equal("True", Condition(status, Conditions.Stalled).Status);
        Assert.Null(status.DeployedVersion);
    }

    [Fact]
    public void SingleModel_BlueGreenRolledBack_KeepsOldConfigAndVersion()
    {
        var single = Endpoint(EndpointDeploymentMode.SingleModel);
        var c1 = ConfigOf(single, 1);
        var status = new DetectionEndpointStatus
        {
            DeployedVersion = 1, ModelName = ModelOf(single, 1), EndpointConfigName = c1, EndpointArn = "arn",
            LastRollout = new RolloutResult { Version = 2, FromVersion = 1, ModelName = ModelOf(single, 2), Result = RolloutResults.InProgress },
        };
        var endpoint = Endpoint(EndpointDeploymentMode.SingleModel, status);
        var observed = Observed(InService(c1) with { FailureReason = "Health check failed" }, null, [ModelOf(single, 1)], [c1]);

        var plan = EndpointPlanner.Plan(endpoint, Registry(2, 1, 2), observed, Now);
        var mapped = DetectionEndpointStatusMapper.Map(endpoint, observed, plan, Region, Now);

        Assert.Equal(A.None, plan.Step.Action);
        Assert.Equal((1, RolloutResults.RolledBack, 2), (mapped.DeployedVersion, mapped.LastRollout!.Result, mapped.FailedVersion));
        Assert.Equal("Health check failed", mapped.LastRollout.Message);
    }

    [Fact]
    public void Map_Created_FillsNamesAndInvocationUrl()
    {
        var status = Step(null, Registry(1, 1), Observed(null, null, [s_m1], [s_config]), A.CreateEndpoint);

        var endpointName = DetectionEndpointNames.Endpoint(s_template);
        Assert.Equal(endpointName, status.EndpointName);
        Assert.Equal($"https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/{endpointName}/invocations", status.Url);
        Assert.Equal(s_config, status.EndpointConfigName);
        Assert.Equal((DetectionEndpointPhase.Creating, "False"), (status.Phase, Condition(status, Conditions.Ready).Status));
        Assert.Equal("True", Condition(status, Conditions.Reconciling).Status);
    }

    [Fact]
    public void Map_ManyRollouts_KeepsABoundedHistoryNewestFirst()
    {
        var history = Enumerable.Range(1, DetectionEndpointLimits.MaxRolloutHistory)
            .Select(v => new RolloutResult { Version = v, Result = RolloutResults.Succeeded }).Reverse().ToList();
        var status = Serving(1) with
        {
            RolloutHistory = history,
            LastRollout = new RolloutResult { Version = 11, FromVersion = 1, ModelName = s_m2, Result = RolloutResults.InProgress },
        };

        var assessed = RolloutTracker.Assess(Endpoint(status: status), Observed(InService(s_config), Component(s_m2), [s_m2], [s_config]), Now);

        Assert.Equal(DetectionEndpointLimits.MaxRolloutHistory, assessed.History.Count);
        Assert.Equal([11, 10], assessed.History.Take(2).Select(r => r.Version!.Value));
    }

    private static DetectionEndpointStatus Serving(int version) => new()
    {
        DeployedVersion = version, ModelName = ModelOf(s_template, version), EndpointConfigName = s_config,
        EndpointArn = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/x",
        InferenceComponentName = DetectionEndpointNames.InferenceComponent(s_template),
    };

    // One reconcile: plan, check the step, "perform" it, map the status.
    private static DetectionEndpointStatus Step(DetectionEndpointStatus? status, RegisteredModelStatus registry, EndpointObservation observed, A expected)
    {
        var endpoint = Endpoint(status: status);
        var plan = EndpointPlanner.Plan(endpoint, registry, observed, Now);
        Assert.True(expected == plan.Step.Action, $"expected {expected}, planned {plan.Step.Action}: {plan.Step.Message}");
        return DetectionEndpointStatusMapper.Map(endpoint, observed, plan, Region, Now);
    }

    private static k8s.Models.V1Condition Condition(DetectionEndpointStatus status, string type) => Assert.Single(status.Conditions, c => c.Type == type);

    private static (string, string) Pair(k8s.Models.V1Condition condition) => (condition.Status, condition.Reason);
}
