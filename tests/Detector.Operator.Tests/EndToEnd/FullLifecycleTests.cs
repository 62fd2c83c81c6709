using Amazon.Runtime;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Cli;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.TrainingRuns;
using k8s.Models;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// The whole product over HTTP, as a user drives it with kubectl and <c>detector predict</c>: the operator as
/// <c>detector run</c> starts it, the fake API server, the fake SageMaker (AWS-model validation, hosting and registry
/// state machines on a controllable clock) and s3rver holding data prepared by the real pipeline.
/// </summary>
public sealed class FullLifecycleTests
{
    private const string Ns = OperatorEnvironment.Namespace;

    [SkippableFact]
    public async Task DatasetToEndpoint_PredictsRollsToVersionTwoAcrossARestart_AndDeletingEverythingLeavesNothing()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var client = env.Kube.Api.CreateClient();
        var models = new KubeStore<RegisteredModel>(client, KubeResources.RegisteredModel);
        var endpoints = new KubeStore<DetectionEndpoint>(client, KubeResources.DetectionEndpoint);
        env.StartOperator();

        var firstJob = await TrainVersionOneAsync(env, models);

        // DetectionEndpoint → Creating; the operator restarts while SageMaker creates the endpoint.
        await endpoints.CreateAsync(NewEndpoint(), CancellationToken.None);
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
        var (again, _, againError, againPng) = await PredictAsync(env);
        Assert.True(again == 0, againError);
        Directory.Delete(Path.GetDirectoryName(againPng)!, recursive: true);
        Assert.Equal(2, env.SageMaker.Requests.Count(r => r.Operation == "InvokeEndpoint" && r.Succeeded));

        // Delete everything, as kubectl delete would: the finalizers clean SageMaker up, then the objects go.
        await endpoints.DeleteAsync(new ObjectKey(Ns, "fish-live"), CancellationToken.None);
        await env.WaitForAsync(e => e.SageMaker.CallCount("DeleteInferenceComponent") >= 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(2));
        await env.WaitForAsync(e => e.SageMaker.CallCount("DeleteEndpoint") >= 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(2));
        await env.WaitForAsync(e => Endpoint(e) is null);
        await models.DeleteAsync(new ObjectKey(Ns, "fish"), CancellationToken.None);
        await env.TrainingRuns.DeleteAsync(new ObjectKey(Ns, "ssd"), CancellationToken.None);
        await env.Kube.Datasets.DeleteAsync(new ObjectKey(Ns, "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => Model(e) is null && e.TrainingRun("ssd") is null && e.Kube.Dataset("aquarium") is null);

        Assert.Empty(env.SageMaker.InferenceComponents);
        Assert.Empty(env.SageMaker.Endpoints);
        Assert.Empty(env.SageMaker.EndpointConfigs);
        Assert.Empty(env.SageMaker.Models);
        foreach (var plural in new[] { "datasets", "trainingruns", "registeredmodels", "detectionendpoints" })
            Assert.Empty(env.Kube.Api.List(plural, Ns));
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task FailedRolloutToVersionTwo_KeepsVersionOneServingWithRolloutFailed_AndAnEndpointDeletedOutOfBandIsRecreated()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var client = env.Kube.Api.CreateClient();
        var models = new KubeStore<RegisteredModel>(client, KubeResources.RegisteredModel);
        var endpoints = new KubeStore<DetectionEndpoint>(client, KubeResources.DetectionEndpoint);
        env.StartOperator();
        var firstJob = await TrainVersionOneAsync(env, models);
        await endpoints.CreateAsync(NewEndpoint(), CancellationToken.None);
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateEndpoint") == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(7));
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateInferenceComponent") == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => Endpoint(e)?.Status?.Phase == DetectionEndpointPhase.InService);
        var serving = Endpoint(env)!.Status!;

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
        var (code, _, error, png) = await PredictAsync(env);
        Assert.True(code == 0, error);
        Directory.Delete(Path.GetDirectoryName(png)!, recursive: true);

        // Deleted in the console: the operator creates it again, still serving version 1 (version 2 is not retried).
        env.SageMaker.DeleteEndpointOutOfBand(serving.EndpointName!);
        await RequestReconcileAsync(endpoints, "2026-12-03T12:05:00Z");
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateEndpoint") == 2);
        env.SageMaker.Advance(TimeSpan.FromMinutes(7));
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateInferenceComponent") == 2);
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => Endpoint(e)?.Status is { Phase: DetectionEndpointPhase.InService, DeployedVersion: 1 }
            && e.SageMaker.InferenceComponent(serving.InferenceComponentName!)?["InferenceComponentStatus"]?.GetValue<string>() == "InService");
        Assert.Equal("InService", env.SageMaker.Endpoint(serving.EndpointName!)?["EndpointStatus"]?.GetValue<string>());
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    // Dataset → TrainingRun Completed → RegisteredModel version 1, approved automatically above the threshold.
    private static async Task<TrainingRunStatus> TrainVersionOneAsync(SageMakerEnvironment env, IKubeStore<RegisteredModel> models)
    {
        await env.PrepareDatasetAsync("aquarium");
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.TrainingJobName is not null);
        env.SageMaker.Advance(TimeSpan.FromHours(1));
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.Phase == TrainingRunPhase.Completed);
        var firstJob = env.TrainingRun("ssd")!.Status!;
        await models.CreateAsync(new RegisteredModel
        {
            Metadata = new() { Name = "fish", NamespaceProperty = Ns },
            Spec = new RegisteredModelSpec
            {
                Source = new ModelSource { TrainingRunRef = "ssd" },
                Approval = new ModelApproval { Mode = "Automatic", MinMetric = 0.0001 },
            },
        }, CancellationToken.None);
        await env.WaitForAsync(e => Model(e)?.Status?.Versions.Count == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(1));   // The registry validates a new version for a few seconds.
        await env.WaitForAsync(e => Model(e)?.Status?.LatestApprovedVersion == 1);
        Assert.Equal(firstJob.ModelArtifactUri, Model(env)!.Status!.Versions[0].ModelArtifactUri);
        return firstJob;
    }

    // A hyperparameter change trains again: a new artifact, registered as version 2 and approved.
    private static async Task<TrainingRunStatus> TrainVersionTwoAsync(SageMakerEnvironment env, TrainingRunStatus firstJob)
    {
        var run = (await env.TrainingRuns.GetAsync(new ObjectKey(Ns, "ssd"), CancellationToken.None))!;
        run.Spec = run.Spec with { Hyperparameters = run.Spec.Hyperparameters with { Epochs = run.Spec.Hyperparameters.Epochs + 1 } };
        await env.TrainingRuns.UpdateAsync(run, CancellationToken.None);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.TrainingJobName is { } job && job != firstJob.TrainingJobName);
        env.SageMaker.Advance(TimeSpan.FromHours(1));
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status is { Phase: TrainingRunPhase.Completed } s && s.TrainingJobName != firstJob.TrainingJobName);
        var secondJob = env.TrainingRun("ssd")!.Status!;
        Assert.NotEqual(firstJob.ModelArtifactUri, secondJob.ModelArtifactUri);
        await env.WaitForAsync(e => Model(e)?.Status?.Versions.Count == 2);
        env.SageMaker.Advance(TimeSpan.FromMinutes(1));
        await env.WaitForAsync(e => Model(e)?.Status?.LatestApprovedVersion == 2);
        Assert.Equal(secondJob.ModelArtifactUri, Model(env)!.Status!.Versions.Single(v => v.Version == 2).ModelArtifactUri);
        return secondJob;
    }

    // Drift out of band is found at the periodic look of a settled endpoint (every 5 minutes), so the test asks for a
    // reconcile as a user can (kubectl annotate detector.dev/reconcile-requested-at=... --overwrite).
    private static async Task RequestReconcileAsync(IKubeStore<DetectionEndpoint> endpoints, string at)
    {
        var live = (await endpoints.GetAsync(new ObjectKey(Ns, "fish-live"), CancellationToken.None))!;
        live.SetAnnotation(Annotations.ReconcileRequestedAtName, at);
        await endpoints.UpdateAsync(live, CancellationToken.None);
    }

    // The DetectionEndpoint a user applies: the latest approved version of "fish" on one GPU instance.
    private static DetectionEndpoint NewEndpoint() => new DetectionEndpoint
    {
        Metadata = new() { Name = "fish-live", NamespaceProperty = Ns },
        Spec = new DetectionEndpointSpec
        {
            ModelRef = new ModelReference { Name = "fish" },
            RoleArn = "arn:aws:iam::123456789012:role/detector-vision-sagemaker",
            InstanceType = "ml.g4dn.xlarge",
        },
    };

    private static RegisteredModel? Model(SageMakerEnvironment env) => env.Kube.Api.Get<RegisteredModel>("registeredmodels", Ns, "fish");

    private static DetectionEndpoint? Endpoint(SageMakerEnvironment env) => env.Kube.Api.Get<DetectionEndpoint>("detectionendpoints", Ns, "fish-live");

    // `detector predict --endpoint vision/fish-live photo.jpg -o out.png`: the names come from the DetectionEndpoint's status.
    private static async Task<(int Code, string Output, string Error, string Png)> PredictAsync(SageMakerEnvironment env)
    {
        var dir = Directory.CreateTempSubdirectory("full-lifecycle-").FullName;
        var image = Path.Combine(dir, "photo.jpg");
        using (var picture = new Image<Rgb24>(96, 64, new Rgb24(10, 80, 160)))
            picture.SaveAsJpeg(image);
        var png = Path.Combine(dir, "out.png");
        using var runtime = SageMakerRuntimeClient.Create(new SageMakerClientOptions
        {
            Region = env.SageMaker.Region, ServiceUrl = env.SageMaker.Url,
            Credentials = new BasicAWSCredentials(env.SageMaker.AccessKey, env.SageMaker.SecretKey),
        });
        var arguments = PredictCommand.ParseArguments(
            ["--endpoint", $"{Ns}/fish-live", image, "-o", png, "--threshold", "0", "--kubeconfig", env.Kube.Kubeconfig], _ => null);
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await PredictCommand.RunAsync(arguments, () => PredictCommand.KubeClient(arguments), runtime, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString(), png);
    }
}
