using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runtime;
using Detector.Operator.DetectionEndpoints;
using static Detector.Operator.Tests.DetectionEndpoints.EndpointSamples;
using A = Detector.Operator.DetectionEndpoints.EndpointAction;
using P = Detector.Operator.Api.V1Alpha1.DetectionEndpointPhase;
using R = Detector.Operator.DetectionEndpoints.EndpointReasons;

namespace Detector.Operator.Tests.DetectionEndpoints;

public sealed class EndpointPlannerTests
{
    private static readonly DetectionEndpoint s_ic = Endpoint();
    private static readonly string s_m1 = ModelOf(s_ic, 1), s_m2 = ModelOf(s_ic, 2), s_config = ConfigOf(s_ic, 2);
    private static readonly string s_endpoint = DetectionEndpointNames.Endpoint(s_ic), s_component = DetectionEndpointNames.InferenceComponent(s_ic);

    private static readonly DetectionEndpointStatus s_serving1 = new()
    {
        DeployedVersion = 1, ModelName = s_m1, EndpointConfigName = s_config, InferenceComponentName = s_component,
        EndpointName = s_endpoint, EndpointArn = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/x",
    };

    private static readonly Func<DetectionEndpointSpec, DetectionEndpointSpec> s_managedScaling =
        s => s with { Scaling = new InstanceScaling { MinInstanceCount = 1, MaxInstanceCount = 5 } };

    private static readonly string s_scaledConfig = ConfigOf(Endpoint(edit: s_managedScaling), 2);

    private static readonly DetectionEndpointStatus s_serving2 = s_serving1 with { DeployedVersion = 2, ModelName = s_m2 };

    public sealed record Case(DetectionEndpointStatus? Status, EndpointObservation Observed, A Action, string Phase, string Reason,
        string? Name = null, int? RolloutVersion = null, RegisteredModelStatus? Registry = null,
        Func<DetectionEndpointSpec, DetectionEndpointSpec>? Edit = null);

    public static TheoryData<string, Case> InferenceComponentCases => new()
    {
        { "nothing exists", new(null, Observed(), A.CreateModel, P.Creating, R.CreatingModel, s_m2) },
        { "model exists", new(null, Observed(models: [s_m2]), A.CreateEndpointConfig, P.Creating, R.CreatingEndpointConfig, s_config) },
        { "config exists", new(null, Observed(models: [s_m2], configs: [s_config]), A.CreateEndpoint, P.Creating, R.CreatingEndpoint, s_endpoint) },
        { "endpoint creating", new(null, Observed(new(EndpointStatus.Creating, s_config), models: [s_m2], configs: [s_config]),
            A.Wait, P.Creating, R.EndpointBusy) },
        { "endpoint in service", new(null, Observed(InService(s_config), models: [s_m2], configs: [s_config]),
            A.CreateInferenceComponent, P.Creating, R.CreatingComponent, s_component, 2) },
        { "component creating", new(null, Observed(InService(s_config), Component(s_m2, InferenceComponentStatus.Creating), [s_m2], [s_config]),
            A.Wait, P.Creating, R.ComponentBusy) },
        { "serving", new(s_serving2, Observed(InService(s_config), Component(s_m2), [s_m2], [s_config]), A.None, P.InService, R.InService) },
        { "copies changed", new(s_serving2, Observed(InService(s_config), Component(s_m2, copies: 3), [s_m2], [s_config]),
            A.UpdateCopies, P.Updating, R.UpdatingCopies, s_component) },
        { "instance count changed", new(s_serving2, Observed(InService(s_config) with { DesiredInstanceCount = 1 }, Component(s_m2), [s_m2], [s_config]),
            A.UpdateInstanceCount, P.Updating, R.UpdatingInstanceCount, s_endpoint, Edit: s => s with { InstanceCount = 3 }) },
        { "instance count as specified", new(s_serving2, Observed(InService(s_config) with { DesiredInstanceCount = 3 }, Component(s_m2), [s_m2], [s_config]),
            A.None, P.InService, R.InService, Edit: s => s with { InstanceCount = 3 }) },
        { "instance count moved by managed scaling", new(s_serving2 with { EndpointConfigName = s_scaledConfig },
            Observed(InService(s_scaledConfig) with { DesiredInstanceCount = 4 }, Component(s_m2), [s_m2], [s_scaledConfig]),
            A.None, P.InService, R.InService, Edit: s_managedScaling) },
        { "instance count changed while the component rolls out", new(s_serving1,
            Observed(InService(s_config) with { DesiredInstanceCount = 1 }, Component(s_m1), [s_m1, s_m2], [s_config]),
            A.UpdateInstanceCount, P.Updating, R.UpdatingInstanceCount, s_endpoint, Edit: s => s with { InstanceCount = 2 }) },
        { "compute changed", new(s_serving2, Observed(InService(s_config), Component(s_m2) with { Compute = new(4096, null, null) }, [s_m2], [s_config]),
            A.UpdateInferenceComponent, P.Updating, R.UpdatingCompute, s_component) },
        { "new version, model missing", new(s_serving1, Observed(InService(s_config), Component(s_m1), [s_m1], [s_config]),
            A.CreateModel, P.Updating, R.CreatingModel, s_m2) },
        { "new version, model ready", new(s_serving1, Observed(InService(s_config), Component(s_m1), [s_m1, s_m2], [s_config]),
            A.UpdateInferenceComponent, P.Updating, R.RollingOut, s_component, 2) },
        { "rolling out", new(s_serving1, Observed(InService(s_config), Component(s_m2, InferenceComponentStatus.Updating), [s_m1, s_m2], [s_config]),
            A.Wait, P.Updating, R.ComponentBusy) },
        { "previous model left", new(s_serving2, Observed(InService(s_config), Component(s_m2), [s_m1, s_m2], [s_config]),
            A.DeleteModel, P.InService, R.CleaningUp, s_m1) },
        { "old config left", new(s_serving2, Observed(InService(s_config), Component(s_m2), [s_m2], [s_config, "birds-live-cfg-old"]),
            A.DeleteEndpointConfig, P.InService, R.CleaningUp, "birds-live-cfg-old") },
        { "component changed out of band", new(s_serving2, Observed(InService(s_config), Component("someone-elses-model"), [s_m2], [s_config]),
            A.UpdateInferenceComponent, P.Updating, R.RestoringDrift, s_component) },
        { "component deleted out of band", new(s_serving2, Observed(InService(s_config), null, [s_m2], [s_config]),
            A.CreateInferenceComponent, P.Updating, R.ComponentRecreated, s_component) },
        { "endpoint deleted out of band", new(s_serving2, Observed(null, null, [s_m2], [s_config]),
            A.CreateEndpoint, P.Creating, R.EndpointRecreated, s_endpoint) },
        { "endpoint config changed out of band", new(s_serving2, Observed(InService("other-config"), Component(s_m2), [s_m2], [s_config]),
            A.UpdateEndpoint, P.Updating, R.UpdatingEndpoint, s_config) },
        { "endpoint failed", new(null, Observed(new(EndpointStatus.Failed, s_config, null, "capacity"), models: [s_m2], configs: [s_config]),
            A.Stall, P.Failed, R.EndpointFailed) },
        { "endpoint failed, spec changed", new(null, Observed(new(EndpointStatus.Failed, "old-config"), models: [s_m2], configs: [s_config]),
            A.DeleteEndpoint, P.Creating, R.EndpointFailed, s_endpoint) },
        { "endpoint rolling back", new(s_serving2, Observed(new(EndpointStatus.RollingBack, s_config), Component(s_m2), [s_m2], [s_config]),
            A.Wait, P.RollingBack, R.EndpointBusy) },
        { "endpoint deleting", new(s_serving2, Observed(new(EndpointStatus.Deleting, s_config), null, [s_m2], [s_config]),
            A.Wait, P.Updating, R.EndpointBusy) },
        { "first version failed", new(null, Observed(InService(s_config), Component(s_m2, InferenceComponentStatus.Failed, failure: "OOM"), [s_m2], [s_config]),
            A.Stall, P.Failed, R.RolloutFailed) },
        { "failed component of another version", new(null, Observed(InService(s_config), Component(s_m1, InferenceComponentStatus.Failed), [s_m2], [s_config]),
            A.DeleteInferenceComponent, P.Creating, R.ReplacingComponent, s_component) },
        { "no approved version", new(null, Observed(), A.Wait, P.Waiting, R.WaitingForModel, Registry: Registry(2)) },
        { "no approved version, one deployed", new(s_serving1, Observed(InService(s_config), Component(s_m1), [s_m1], [s_config]),
            A.None, P.InService, R.InService, Registry: Registry(2)) },
        { "pinned version", new(s_serving2, Observed(InService(s_config), Component(s_m2), [s_m2], [s_config]),
            A.CreateModel, P.Updating, R.CreatingModel, s_m1, Edit: s => s with { ModelRef = s.ModelRef with { Version = "1" } }) },
        { "pinned version not approved", new(null, Observed(), A.Wait, P.Waiting, R.WaitingForModel, Registry: Registry(2, 2),
            Edit: s => s with { ModelRef = s.ModelRef with { Version = "1" } }) },
    };

    [Theory]
    [MemberData(nameof(InferenceComponentCases))]
    public void Plan_InferenceComponentMode_TakesOneStep(string situation, Case c) => AssertStep(situation, Endpoint(status: c.Status, edit: c.Edit), c);

    [Fact]
    public void Plan_InvalidSpec_StallsWithoutAction()
    {
        var step = EndpointPlanner.Plan(s_ic, Registry(2, 1, 2), Observed() with { InvalidSpec = "spec.roleArn: not allowed" }, Now).Step;

        Assert.Equal((A.Stall, P.Failed, Reasons.InvalidSpec), (step.Action, step.Phase, step.Reason));
        Assert.Equal("spec.roleArn: not allowed", step.Message);
    }

    public static TheoryData<string, Case> SingleModelCases()
    {
        var single = Endpoint(EndpointDeploymentMode.SingleModel);
        string m1 = ModelOf(single, 1), m2 = ModelOf(single, 2), c1 = ConfigOf(single, 1), c2 = ConfigOf(single, 2);
        var serving1 = new DetectionEndpointStatus { DeployedVersion = 1, ModelName = m1, EndpointConfigName = c1, EndpointArn = "arn" };
        return new()
        {
            { "nothing exists", new(null, Observed(), A.CreateModel, P.Creating, R.CreatingModel, m2) },
            { "config ready", new(null, Observed(models: [m2], configs: [c2]), A.CreateEndpoint, P.Creating, R.CreatingEndpoint,
                DetectionEndpointNames.Endpoint(single), 2) },
            { "serving", new(serving1 with { DeployedVersion = 2, ModelName = m2, EndpointConfigName = c2 }, Observed(InService(c2), models: [m2], configs: [c2]),
                A.None, P.InService, R.InService) },
            { "new version, config missing", new(serving1, Observed(InService(c1), models: [m1, m2], configs: [c1]),
                A.CreateEndpointConfig, P.Updating, R.CreatingEndpointConfig, c2) },
            { "new version ready", new(serving1, Observed(InService(c1), models: [m1, m2], configs: [c1, c2]),
                A.UpdateEndpoint, P.Updating, R.RollingOut, c2, 2) },
            { "instance count changed", new(serving1 with { DeployedVersion = 2, ModelName = m2, EndpointConfigName = c2 },
                Observed(InService(c2) with { DesiredInstanceCount = 1 }, models: [m2], configs: [c2]),
                A.UpdateInstanceCount, P.Updating, R.UpdatingInstanceCount, DetectionEndpointNames.Endpoint(single), Edit: s => s with { InstanceCount = 2 }) },
            { "blue/green running", new(serving1, Observed(new(EndpointStatus.Updating, c2), models: [m1, m2], configs: [c1, c2]),
                A.Wait, P.Updating, R.EndpointBusy) },
            { "old config left", new(serving1 with { DeployedVersion = 2, ModelName = m2, EndpointConfigName = c2 },
                Observed(InService(c2), models: [m2], configs: [c1, c2]), A.DeleteEndpointConfig, P.InService, R.CleaningUp, c1) },
        };
    }

    [Theory]
    [MemberData(nameof(SingleModelCases))]
    public void Plan_SingleModelMode_TakesOneStep(string situation, Case c) =>
        AssertStep(situation, Endpoint(EndpointDeploymentMode.SingleModel, c.Status, c.Edit), c);

    public static TheoryData<string, Case> FinalizeCases => new()
    {
        { "component exists", new(s_serving2, Observed(InService(s_config), Component(s_m2), [s_m2], [s_config]),
            A.DeleteInferenceComponent, P.InService, R.Deleting, s_component) },
        { "component deleting", new(s_serving2, Observed(InService(s_config), Component(s_m2, InferenceComponentStatus.Deleting), [s_m2], [s_config]),
            A.Wait, P.InService, R.Deleting) },
        { "endpoint in service", new(s_serving2, Observed(InService(s_config), null, [s_m2], [s_config]),
            A.DeleteEndpoint, P.InService, R.Deleting, s_endpoint) },
        { "endpoint failed", new(s_serving2, Observed(new(EndpointStatus.Failed, s_config), null, [s_m2], [s_config]),
            A.DeleteEndpoint, P.InService, R.Deleting, s_endpoint) },
        { "endpoint creating", new(s_serving2, Observed(new(EndpointStatus.Creating, s_config), null, [s_m2], [s_config]),
            A.Wait, P.InService, R.Deleting) },
        { "endpoint deleting", new(s_serving2, Observed(new(EndpointStatus.Deleting, s_config), null, [s_m2], [s_config]),
            A.Wait, P.InService, R.Deleting) },
        { "configs left", new(s_serving2, Observed(null, null, [s_m2], [s_config]), A.DeleteEndpointConfig, P.InService, R.Deleting, s_config) },
        { "models left", new(s_serving2, Observed(null, null, [s_m2, s_m1]), A.DeleteModel, P.InService, R.Deleting,
            new[] { s_m1, s_m2 }.Order(StringComparer.Ordinal).First()) },
        { "all gone", new(s_serving2, Observed(), A.RemoveFinalizer, P.InService, R.Deleting) },
        { "retain", new(s_serving2, Observed(InService(s_config), Component(s_m2), [s_m2], [s_config]), A.RemoveFinalizer, P.InService, R.Deleting,
            Edit: s => s with { DeletionPolicy = "Retain" }) },
    };

    [Theory]
    [MemberData(nameof(FinalizeCases))]
    public void Plan_Deleting_TearsDownInReverseOrder(string situation, Case c) =>
        AssertStep(situation, Endpoint(status: (c.Status ?? new()) with { Phase = P.InService }, edit: c.Edit, deleting: true), c);

    [Fact]
    public void Candidates_IncludeTargetCurrentPreviousAndRolloutNames()
    {
        var oldConfig = DetectionEndpointNames.EndpointConfig(Endpoint(edit: e => e with { InstanceType = "ml.g5.xlarge" }), null);
        var endpoint = Endpoint(status: s_serving2 with
        {
            PreviousModelName = s_m1, PreviousEndpointConfigName = oldConfig,
            LastRollout = new RolloutResult { Version = 3, ModelName = "m3", Result = RolloutResults.RolledBack },
        });
        var target = new EndpointTarget(2, Arn(2), s_m2, s_config);

        Assert.Equal(new[] { s_m1, s_m2, "m3" }.Order(), EndpointPlanner.CandidateModels(endpoint, target).Order());
        Assert.Equal(new[] { s_config, oldConfig }.Order(), EndpointPlanner.CandidateConfigs(endpoint, target).Order());
    }

    [Fact]
    public void Candidates_SingleModelRolledBackVersion_IncludeItsConfig_SoCleanupDeletesIt()
    {
        // Version 3's blue/green update was rolled back: the endpoint still runs version 2's config, never version 3's.
        var single = Endpoint(EndpointDeploymentMode.SingleModel);
        var (m2, m3) = (ModelOf(single, 2), ModelOf(single, 3));
        var endpoint = Endpoint(EndpointDeploymentMode.SingleModel, s_serving2 with
        {
            ModelName = m2, EndpointConfigName = ConfigOf(single, 2),
            LastRollout = new RolloutResult { Version = 3, ModelName = m3, Result = RolloutResults.RolledBack },
        });
        var target = new EndpointTarget(2, Arn(2), m2, ConfigOf(single, 2));
        var observed = Observed(new EndpointState("InService", ConfigOf(single, 2)), null, [m2], [ConfigOf(single, 2), ConfigOf(single, 3)]);

        Assert.Contains(ConfigOf(single, 3), EndpointPlanner.CandidateConfigs(endpoint, target));
        var step = EndpointPlanner.Plan(endpoint, Registry(2, 1, 2), observed, Now).Step;
        Assert.Equal((A.DeleteEndpointConfig, ConfigOf(single, 3)), (step.Action, step.Name));
    }

    [Fact]
    public void Candidates_ConfigTheEndpointWasPointedAtOutOfBand_IsNotTheOperatorsToDelete()
    {
        // Someone ran UpdateEndpoint to a copy in the console: the status recorded what the endpoint ran.
        var endpoint = Endpoint(status: s_serving2 with { EndpointConfigName = s_config, PreviousEndpointConfigName = "birds-live-console-copy" });
        var target = new EndpointTarget(2, Arn(2), s_m2, s_config);

        Assert.Equal([s_config], EndpointPlanner.CandidateConfigs(endpoint, target));
        var drifted = Endpoint(status: s_serving2 with { EndpointConfigName = "birds-live-console-copy" });
        Assert.Equal([s_config], EndpointPlanner.CandidateConfigs(drifted, target));
    }

    private static void AssertStep(string situation, DetectionEndpoint endpoint, Case c)
    {
        var step = EndpointPlanner.Plan(endpoint, c.Registry ?? Registry(2, 1, 2), c.Observed, Now).Step;

        Assert.True((c.Action, c.Phase, c.Reason) == (step.Action, step.Phase, step.Reason),
            $"{situation}: {step.Action} {step.Phase} {step.Reason} ({step.Message})");
        Assert.True(c.Name == step.Name, $"{situation}: name {step.Name}");
        Assert.True(c.RolloutVersion == step.RolloutVersion, $"{situation}: rollout {step.RolloutVersion}");
        Assert.False(string.IsNullOrWhiteSpace(step.Message));
    }
}
