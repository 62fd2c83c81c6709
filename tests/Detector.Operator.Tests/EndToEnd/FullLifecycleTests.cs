using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.TrainingRuns;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Detector.Operator.Tests.EndToEnd.LifecycleSteps;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// The whole product over HTTP, as a user drives it with kubectl and <c>detector predict</c>: the operator as
/// <c>detector run</c> starts it, the real API server (envtest), the fake SageMaker (AWS-model validation, hosting and registry
/// state machines on a controllable clock) and s3rver holding data prepared by the real pipeline.
/// </summary>
public sealed class FullLifecycleTests
{
    [SkippableFact]
    public async Task DatasetToEndpoint_PredictsRollsToVersionTwoAcrossARestart_AndDeletingEverythingLeavesNothing()
    {
        // The operator runs as the chart's ServiceAccount with the chart's RBAC: a verb the chart lacks fails this test.
        await using var env = await SageMakerEnvironment.StartAsync(chartRbac: true);
        var (models, endpoints) = Stores(env);
        env.StartOperator();

        var firstJob = await TrainVersionOneAsync(env, models);

        // DetectionEndpoint → Creating; the operator restarts while SageMaker creates the endpoint.
        await endpoints.CreateAsync(NewEndpoint(env.Kube.Namespace), CancellationToken.None);
        await env.WaitForAsync(e => Endpoint(e)?.Status?.Phase == DetectionEndpointPhase.Creating && e.SageMaker.CreateCount("CreateEndpoint") == 1);
        Assert.Equal(0, await env.StopOperatorAsync());
        var describes = env.SageMaker.CallCount("DescribeEndpoint");
        env.StartOperator();
        await env.WaitForAsync(e => e.SageMaker.CallCount("DescribeEndpoint") > describes);
        env.SageMaker.Advance(TimeSpan.FromMinutes(7));   // The endpoint is InService; the component is created next.
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateInferenceComponent") == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => Endpoint(e)?.Status?.Phase == DetectionEndpointPhase.InService);

        var serving = Endpoint(env)!.Status!;
        Assert.NotNull(serving.EndpointName);
        Assert.NotNull(serving.InferenceComponentName);
        Assert.Equal("InService", env.SageMaker.Endpoint(serving.EndpointName!)?["EndpointStatus"]?.GetValue<string>());
        Assert.Equal("InService", env.SageMaker.InferenceComponent(serving.InferenceComponentName!)?["InferenceComponentStatus"]?.GetValue<string>());
        Assert.Equal($"https://runtime.sagemaker.{env.SageMaker.Region}.amazonaws.com/endpoints/{serving.EndpointName}/invocations", serving.Url);
        Assert.Equal((1, (int?)null), (serving.DeployedVersion, serving.PreviousVersion));
        Assert.Equal(1, env.SageMaker.CreateCount("CreateEndpoint"));
        Assert.Equal(1, env.SageMaker.CreateCount("CreateInferenceComponent"));

        // `detector predict` through the DetectionEndpoint's name, as a user runs it with a kubeconfig.
        var (code, output, error, png) = await PredictAsync(env);
        Assert.True(code == 0, error);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("CLASS", lines[0]);
        Assert.True(lines.Length >= 3, output);   // Header, at least one detection, "wrote <png>".
        Assert.Equal($"wrote {png}", lines[^1]);
        using (var drawn = Image.Load<Rgb24>(png))
            Assert.Equal((96, 64), (drawn.Width, drawn.Height));
        Directory.Delete(Path.GetDirectoryName(png)!, recursive: true);
        Assert.Equal(200, env.SageMaker.Requests.Last(r => r.Operation == "InvokeEndpoint").StatusCode);

        var secondJob = await TrainVersionTwoAsync(env, firstJob);

        // The endpoint rolls to version 2 by itself: the RegisteredModel's status change enqueues it.
        await env.WaitForAsync(e => e.SageMaker.CallCount("UpdateInferenceComponent") >= 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(10));
        await env.WaitForAsync(e => Endpoint(e)?.Status is { Phase: DetectionEndpointPhase.InService, DeployedVersion: 2 });
        var rolled = Endpoint(env)!.Status!;
        Assert.Equal((2, (int?)1), (rolled.DeployedVersion, rolled.PreviousVersion));
        Assert.Equal((serving.EndpointName, serving.InferenceComponentName), (rolled.EndpointName, rolled.InferenceComponentName));
        Assert.Equal((2, (int?)1, RolloutResults.Succeeded), (rolled.LastRollout?.Version, rolled.LastRollout?.FromVersion, rolled.LastRollout?.Result));
        Assert.NotEqual(serving.ModelName, rolled.ModelName);
        Assert.Equal(rolled.ModelName, env.SageMaker.InferenceComponent(rolled.InferenceComponentName!)?["Specification"]?["ModelName"]?.GetValue<string>());
        Assert.Equal(1, env.SageMaker.CreateCount("CreateEndpoint"));
        Assert.Equal(1, env.SageMaker.CreateCount("CreateInferenceComponent"));
        Assert.Equal(2, env.SageMaker.CreateCount("CreateModel"));   // One SageMaker model per version, none twice.
        await env.WaitForAsync(e => e.SageMaker.Models.SequenceEqual([rolled.ModelName!]));   // Version 1's model goes once 2 serves.
        await PredictOkAsync(env);
        Assert.Equal(2, env.SageMaker.Requests.Count(r => r.Operation == "InvokeEndpoint" && r.Succeeded));

        // Delete everything, as kubectl delete would: the finalizers clean SageMaker up, then the objects go.
        await endpoints.DeleteAsync(new ObjectKey(env.Kube.Namespace, "fish-live"), CancellationToken.None);
        await env.WaitForAsync(e => e.SageMaker.CallCount("DeleteInferenceComponent") >= 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(2));
        await env.WaitForAsync(e => e.SageMaker.CallCount("DeleteEndpoint") >= 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(2));
        await env.WaitForAsync(e => Endpoint(e) is null);
        await DeleteTheRestAndAssertNothingLeftAsync(env);
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task FailedRolloutToVersionTwo_KeepsVersionOneServingWithRolloutFailed_AndAnEndpointDeletedOutOfBandIsRecreated()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var (models, endpoints) = Stores(env);
        env.StartOperator("--drift-interval", "3s");   // A settled endpoint is described again every 3 s.
        var firstJob = await TrainVersionOneAsync(env, models);
        var serving = await CreateServingEndpointAsync(env, endpoints, NewEndpoint(env.Kube.Namespace));

        // SageMaker rolls the component update back (a failed health check): version 1 keeps serving.
        env.SageMaker.FailNextInferenceComponentUpdate(serving.InferenceComponentName!, "The container failed the ping health check");
        await TrainVersionTwoAsync(env, firstJob);
        await env.WaitForAsync(e => e.SageMaker.CallCount("UpdateInferenceComponent") >= 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(10));
        await env.WaitForAsync(e => Endpoint(e)?.Status?.LastRollout is { Version: 2, Result: not RolloutResults.InProgress });
        var failed = Endpoint(env)!.Status!;
        Assert.Equal((1, 2), (failed.DeployedVersion, failed.FailedVersion));
        Assert.Equal(serving.ModelName, failed.ModelName);
        Assert.True(Conditions.IsTrue(failed.Conditions, EndpointReasons.RolloutFailedCondition));
        Assert.Equal(serving.ModelName, env.SageMaker.InferenceComponent(serving.InferenceComponentName!)?["Specification"]?["ModelName"]?.GetValue<string>());
        await PredictOkAsync(env);

        // Deleted in the console: the periodic look finds it gone and creates it again, still serving version 1
        // (version 2 is not retried). Nothing else enqueues the object: no spec, model or annotation change.
        env.SageMaker.DeleteEndpointOutOfBand(serving.EndpointName!);
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateEndpoint") == 2);
        env.SageMaker.Advance(TimeSpan.FromMinutes(7));
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateInferenceComponent") == 2);
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => Endpoint(e)?.Status is { Phase: DetectionEndpointPhase.InService, DeployedVersion: 1 }
            && e.SageMaker.InferenceComponent(serving.InferenceComponentName!)?["InferenceComponentStatus"]?.GetValue<string>() == "InService");
        Assert.Equal("InService", env.SageMaker.Endpoint(serving.EndpointName!)?["EndpointStatus"]?.GetValue<string>());
        Assert.Empty(env.SageMaker.ValidationFailures);
    }
}
