using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Kube;
using Detector.Operator.Predictions;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.TrainingRuns;
using static Detector.Operator.Tests.EndToEnd.LifecycleSteps;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// <c>deploymentMode: SingleModel</c> over HTTP, as <see cref="FullLifecycleTests"/> drives the default mode: a classic
/// production variant naming the version's model (no inference component), new versions rolled out blue/green by
/// UpdateEndpoint to a new endpoint config.
/// </summary>
public sealed class SingleModelLifecycleTests
{
    [SkippableFact]
    public async Task SingleModel_ServesWithoutAComponent_RollsBlueGreenToVersionTwo_AndDeletingLeavesNothing()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, endpoints) = Stores(env);
        env.StartOperator("--drift-interval", "3s");
        var firstJob = await TrainVersionOneAsync(env, models);
        var serving = await CreateSingleModelEndpointAsync(env, endpoints);

        // The endpoint config is the classic one: the variant names version 1's model; no role at config level.
        var config = env.SageMaker.EndpointConfig(serving.EndpointConfigName!)!;
        var variant = Assert.Single(config["ProductionVariants"]!.AsArray())!;
        Assert.Equal(serving.ModelName, variant["ModelName"]?.GetValue<string>());
        Assert.Equal("ml.g4dn.xlarge", variant["InstanceType"]?.GetValue<string>());
        Assert.Null(config["ExecutionRoleArn"]);
        Assert.Null(serving.InferenceComponentName);
        Assert.Empty(env.SageMaker.InferenceComponents);
        Assert.Equal(0, env.SageMaker.CallCount("CreateInferenceComponent"));
        Assert.Equal((1, (int?)null), (serving.DeployedVersion, serving.PreviousVersion));

        // `detector predict` resolves no component (so sends no component header) and the variant's model answers.
        using (var client = env.Kube.Api.CreateClient())
            Assert.Null((await new EndpointResolver(client).ResolveAsync(PredictTarget.Parse($"{env.Kube.Namespace}/fish-live"), null, CancellationToken.None)).InferenceComponentName);
        var output = await PredictOkAsync(env);
        Assert.StartsWith("CLASS", output);
        Assert.Equal(200, env.SageMaker.Requests.Last(r => r.Operation == "InvokeEndpoint").StatusCode);

        // Version 2: a new model and a new config, and a blue/green UpdateEndpoint onto it.
        await TrainVersionTwoAsync(env, firstJob);
        await env.WaitForAsync(e => e.SageMaker.Requests.Any(r => r.Operation == "UpdateEndpoint" && r.Succeeded));
        var update = env.SageMaker.Requests.Last(r => r.Operation == "UpdateEndpoint" && r.Succeeded).Body!;
        Assert.Equal("ALL_AT_ONCE", update["DeploymentConfig"]?["BlueGreenUpdatePolicy"]?["TrafficRoutingConfiguration"]?["Type"]?.GetValue<string>());
        env.SageMaker.Advance(TimeSpan.FromMinutes(6));
        await env.WaitForAsync(e => Endpoint(e)?.Status?.DeployedVersion == 2 && Settled(e));
        var rolled = Endpoint(env)!.Status!;
        Assert.Equal((2, (int?)1), (rolled.DeployedVersion, rolled.PreviousVersion));
        Assert.Equal((2, (int?)1, RolloutResults.Succeeded), (rolled.LastRollout?.Version, rolled.LastRollout?.FromVersion, rolled.LastRollout?.Result));
        Assert.Equal(serving.EndpointName, rolled.EndpointName);
        Assert.NotEqual(serving.EndpointConfigName, rolled.EndpointConfigName);
        Assert.Equal(rolled.EndpointConfigName, env.SageMaker.Endpoint(rolled.EndpointName!)?["EndpointConfigName"]?.GetValue<string>());
        Assert.Equal(rolled.ModelName, env.SageMaker.EndpointConfig(rolled.EndpointConfigName!)?["ProductionVariants"]?[0]?["ModelName"]?.GetValue<string>());
        Assert.Equal(1, env.SageMaker.CreateCount("CreateEndpoint"));
        // Version 1's model and config went once version 2 served.
        Assert.Equal([rolled.ModelName!], env.SageMaker.Models);
        Assert.Equal([rolled.EndpointConfigName!], env.SageMaker.EndpointConfigs);
        await PredictOkAsync(env);

        await DeleteAndWaitAsync(env, endpoints);
        Assert.Equal(0, env.SageMaker.CallCount("DeleteInferenceComponent"));
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task SingleModel_FailedBlueGreenUpdate_KeepsVersionOneWithRolloutFailed_AndDeletingLeavesNothing()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, endpoints) = Stores(env);
        env.StartOperator("--drift-interval", "3s");
        var firstJob = await TrainVersionOneAsync(env, models);
        var serving = await CreateSingleModelEndpointAsync(env, endpoints);

        // SageMaker rolls the blue/green update back (the green fleet failed its health check).
        env.SageMaker.FailNextEndpointUpdate(serving.EndpointName!, "The primary container for production variant AllTraffic did not pass the ping health check");
        await TrainVersionTwoAsync(env, firstJob);
        await env.WaitForAsync(e => e.SageMaker.Requests.Any(r => r.Operation == "UpdateEndpoint" && r.Succeeded));
        env.SageMaker.Advance(TimeSpan.FromMinutes(6));
        await env.WaitForAsync(e => Endpoint(e)?.Status?.LastRollout is { Version: 2, Result: not RolloutResults.InProgress } && Settled(e));

        var failed = Endpoint(env)!.Status!;
        Assert.Equal((1, 2), (failed.DeployedVersion, failed.FailedVersion));
        Assert.Equal((serving.ModelName, serving.EndpointConfigName), (failed.ModelName, failed.EndpointConfigName));
        Assert.Equal(RolloutResults.RolledBack, failed.LastRollout!.Result);
        Assert.True(Conditions.IsTrue(failed.Conditions, EndpointReasons.RolloutFailedCondition));
        Assert.Equal(ReconcileState.Stalled, Conditions.StateOf(failed.Conditions));   // Version 1 serves; version 2 needs a person.
        Assert.Equal(serving.EndpointConfigName, env.SageMaker.Endpoint(serving.EndpointName!)?["EndpointConfigName"]?.GetValue<string>());
        Assert.Equal(1, env.SageMaker.Requests.Count(r => r.Operation == "UpdateEndpoint" && r.Succeeded));   // Version 2 is not retried.
        // Version 2's model and config are cleaned up while version 1 serves on: nothing is left to leak.
        Assert.Equal([serving.ModelName!], env.SageMaker.Models);
        Assert.Equal([serving.EndpointConfigName!], env.SageMaker.EndpointConfigs);
        await PredictOkAsync(env);

        await DeleteAndWaitAsync(env, endpoints);
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    // Applies a SingleModel DetectionEndpoint: model → config → endpoint (Creating 6 min) → InService, no component.
    private static async Task<DetectionEndpointStatus> CreateSingleModelEndpointAsync(SageMakerEnvironment env, IKubeStore<DetectionEndpoint> endpoints)
    {
        await endpoints.CreateAsync(NewEndpoint(env.Kube.Namespace, s => s with { DeploymentMode = EndpointDeploymentMode.SingleModel }), CancellationToken.None);
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateEndpoint") == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(7));
        await env.WaitForAsync(e => Settled(e));
        return Endpoint(env)!.Status!;
    }

    // kubectl delete: the finalizer deletes endpoint, configs and models, then the object goes; SageMaker is empty.
    private static async Task DeleteAndWaitAsync(SageMakerEnvironment env, IKubeStore<DetectionEndpoint> endpoints)
    {
        await endpoints.DeleteAsync(new ObjectKey(env.Kube.Namespace, "fish-live"), CancellationToken.None);
        await env.WaitForAsync(e => e.SageMaker.CallCount("DeleteEndpoint") >= 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(2));
        await env.WaitForAsync(e => Endpoint(e) is null);
        Assert.Empty(env.SageMaker.Endpoints);
        Assert.Empty(env.SageMaker.EndpointConfigs);
        Assert.Empty(env.SageMaker.Models);
        Assert.Empty(env.SageMaker.InferenceComponents);
    }
}
