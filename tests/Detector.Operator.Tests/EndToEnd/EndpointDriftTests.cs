using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.TrainingRuns;
using static Detector.Operator.Tests.EndToEnd.LifecycleSteps;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// Changes made to a settled endpoint outside the operator (console, AWS CLI) over HTTP, with the operator started as
/// <c>detector run --drift-interval 3s</c>: nothing enqueues the DetectionEndpoint (no spec, model or annotation
/// change), so only the periodic describe of a settled endpoint can find the drift, and the operator undoes it. Also
/// <c>deletionPolicy: Retain</c>: the object goes, SageMaker keeps serving.
/// </summary>
public sealed class EndpointDriftTests
{
    [SkippableFact]
    public async Task InferenceComponentDeletedOutOfBand_IsRecreatedWithTheDeployedVersion()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, endpoints) = Stores(env);
        env.StartOperator("--drift-interval", "3s");
        var firstJob = await TrainVersionOneAsync(env, models);
        var serving = await CreateServingEndpointAsync(env, endpoints, NewEndpoint(env.Kube.Namespace));
        await TrainVersionTwoAsync(env, firstJob);
        await env.WaitForAsync(e => e.SageMaker.CallCount("UpdateInferenceComponent") == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => Endpoint(e)?.Status?.DeployedVersion == 2 && Settled(e));
        var rolled = Endpoint(env)!.Status!;
        Assert.NotEqual(serving.ModelName, rolled.ModelName);

        env.SageMaker.DeleteInferenceComponentOutOfBand(rolled.InferenceComponentName!);
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateInferenceComponent") == 2);
        var recreate = env.SageMaker.Requests.Last(r => r.Operation == "CreateInferenceComponent" && r.Committed).Body!;
        Assert.Equal(rolled.ModelName, recreate["Specification"]?["ModelName"]?.GetValue<string>());   // Version 2, not 1.
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => Settled(e)
            && e.SageMaker.InferenceComponent(rolled.InferenceComponentName!)?["InferenceComponentStatus"]?.GetValue<string>() == "InService");

        var restored = Endpoint(env)!.Status!;
        Assert.Equal((2, (int?)1), (restored.DeployedVersion, restored.PreviousVersion));
        Assert.Equal(rolled.ModelName, env.SageMaker.InferenceComponent(rolled.InferenceComponentName!)?["Specification"]?["ModelName"]?.GetValue<string>());
        Assert.Equal(1, env.SageMaker.CreateCount("CreateEndpoint"));   // The endpoint itself was never touched.
        Assert.Equal(2, env.SageMaker.CreateCount("CreateModel"));
        await PredictOkAsync(env);
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task ComponentCopiesChangedOutOfBand_AreRestoredToSpecCopies()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, endpoints) = Stores(env);
        env.StartOperator("--drift-interval", "3s");
        await TrainVersionOneAsync(env, models);
        var serving = await CreateServingEndpointAsync(env, endpoints, NewEndpoint(env.Kube.Namespace, s => s with { Copies = 2 }));
        var component = serving.InferenceComponentName!;
        Assert.Equal(2, Copies(env, component));

        env.SageMaker.SetInferenceComponentCopiesOutOfBand(component, 5);
        await env.WaitForAsync(e => e.SageMaker.CallCount("UpdateInferenceComponentRuntimeConfig") == 1);
        var update = env.SageMaker.Requests.Single(r => r.Operation == "UpdateInferenceComponentRuntimeConfig").Body!;
        Assert.Equal(2, update["DesiredRuntimeConfig"]?["CopyCount"]?.GetValue<int>());
        env.SageMaker.Advance(TimeSpan.FromMinutes(4));
        await env.WaitForAsync(e => Settled(e) && Copies(e, component) == 2
            && e.SageMaker.InferenceComponent(component)?["RuntimeConfig"]?["CurrentCopyCount"]?.GetValue<int>() == 2);

        var restored = Endpoint(env)!.Status!;
        Assert.Equal((1, serving.ModelName), (restored.DeployedVersion, restored.ModelName));
        Assert.Equal(0, env.SageMaker.CallCount("UpdateInferenceComponent"));   // Copies change in place, the model stays.
        Assert.Equal(1, env.SageMaker.CreateCount("CreateInferenceComponent"));
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task EndpointUpdatedOutOfBandToAnotherConfig_IsRestoredToItsOwnConfig()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, endpoints) = Stores(env);
        env.StartOperator("--drift-interval", "3s");
        await TrainVersionOneAsync(env, models);
        var serving = await CreateServingEndpointAsync(env, endpoints, NewEndpoint(env.Kube.Namespace));
        var own = serving.EndpointConfigName!;

        env.SageMaker.UpdateEndpointOutOfBand(serving.EndpointName!, "fish-console-copy");
        Assert.Equal("fish-console-copy", env.SageMaker.Endpoint(serving.EndpointName!)?["EndpointConfigName"]?.GetValue<string>());
        await env.WaitForAsync(e => e.SageMaker.CallCount("UpdateEndpoint") == 1);
        Assert.Equal(own, env.SageMaker.Requests.Single(r => r.Operation == "UpdateEndpoint").Body!["EndpointConfigName"]?.GetValue<string>());
        env.SageMaker.Advance(TimeSpan.FromMinutes(6));
        await env.WaitForAsync(e => Settled(e) && e.SageMaker.Endpoint(serving.EndpointName!)?["EndpointStatus"]?.GetValue<string>() == "InService"
            && e.SageMaker.Endpoint(serving.EndpointName!)?["EndpointConfigName"]?.GetValue<string>() == own);

        var restored = Endpoint(env)!.Status!;
        Assert.Equal((own, 1, serving.ModelName), (restored.EndpointConfigName, restored.DeployedVersion, restored.ModelName));
        // The copy was made outside the operator: it is not the operator's to delete.
        Assert.Contains("fish-console-copy", env.SageMaker.EndpointConfigs);
        Assert.Equal(0, env.SageMaker.CallCount("DeleteEndpointConfig"));
        Assert.Equal("InService", env.SageMaker.InferenceComponent(serving.InferenceComponentName!)?["InferenceComponentStatus"]?.GetValue<string>());
        await PredictOkAsync(env);
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task DeletionPolicyRetain_DeletingEndpointAndModel_RemovesTheObjectsAndKeepsEverythingInSageMaker()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, endpoints) = Stores(env);
        env.StartOperator("--drift-interval", "3s");
        await TrainVersionOneAsync(env, models);
        var serving = await CreateServingEndpointAsync(env, endpoints, NewEndpoint(env.Kube.Namespace, s => s with { DeletionPolicy = "Retain" }));

        await endpoints.DeleteAsync(new ObjectKey(env.Kube.Namespace, "fish-live"), CancellationToken.None);
        await env.WaitForAsync(e => Endpoint(e) is null);   // The finalizer went without any SageMaker delete.
        Assert.Equal([serving.ModelName!], env.SageMaker.Models);
        Assert.Equal([serving.EndpointConfigName!], env.SageMaker.EndpointConfigs);
        Assert.Equal("InService", env.SageMaker.Endpoint(serving.EndpointName!)?["EndpointStatus"]?.GetValue<string>());
        Assert.Equal(serving.EndpointConfigName, env.SageMaker.Endpoint(serving.EndpointName!)?["EndpointConfigName"]?.GetValue<string>());
        var component = env.SageMaker.InferenceComponent(serving.InferenceComponentName!);
        Assert.Equal(("InService", serving.ModelName), (component?["InferenceComponentStatus"]?.GetValue<string>(),
            component?["Specification"]?["ModelName"]?.GetValue<string>()));

        // A RegisteredModel never deletes its registry entries: the group and its versions stay for audit.
        var registered = Model(env)!.Status!;
        await models.DeleteAsync(new ObjectKey(env.Kube.Namespace, "fish"), CancellationToken.None);
        await env.WaitForAsync(e => Model(e) is null);
        Assert.Contains(registered.ModelPackageGroupName!, env.SageMaker.ModelPackageGroups);
        Assert.All(registered.Versions, v =>
            Assert.Equal("Approved", env.SageMaker.ModelPackage(v.Arn!)?["ModelApprovalStatus"]?.GetValue<string>()));

        foreach (var delete in new[] { "DeleteInferenceComponent", "DeleteEndpoint", "DeleteEndpointConfig", "DeleteModel",
                     "DeleteModelPackage", "DeleteModelPackageGroup" })
            Assert.Equal(0, env.SageMaker.CallCount(delete));
        Assert.Equal([serving.InferenceComponentName!], env.SageMaker.InferenceComponents);
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    private static int? Copies(SageMakerEnvironment env, string component) =>
        env.SageMaker.InferenceComponent(component)?["RuntimeConfig"]?["DesiredCopyCount"]?.GetValue<int>();
}
