using Amazon.Runtime;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Cli;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.TrainingRuns;
using k8s;
using k8s.Models;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// The steps of the end-to-end lifecycle tests, as a user takes them with kubectl and <c>detector predict</c>: the
/// Dataset "aquarium", the TrainingRun "ssd", the RegisteredModel "fish" and the DetectionEndpoint "fish-live".
/// </summary>
public static class LifecycleSteps
{
    /// <summary>Client-side stores of RegisteredModels and DetectionEndpoints (what kubectl would do).</summary>
    public static (IKubeStore<RegisteredModel> Models, IKubeStore<DetectionEndpoint> Endpoints) Stores(SageMakerEnvironment env)
    {
        var client = env.Kube.Api.CreateClient();
        return (new KubeStore<RegisteredModel>(client, KubeResources.RegisteredModel), new KubeStore<DetectionEndpoint>(client, KubeResources.DetectionEndpoint));
    }

    /// <summary>Dataset → TrainingRun Completed → RegisteredModel version 1, approved automatically above the threshold.</summary>
    public static async Task<TrainingRunStatus> TrainVersionOneAsync(SageMakerEnvironment env, IKubeStore<RegisteredModel> models)
    {
        await env.PrepareDatasetAsync("aquarium");
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.TrainingJobName is not null);
        env.SageMaker.Advance(TimeSpan.FromHours(1));
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.Phase == TrainingRunPhase.Completed);
        var firstJob = env.TrainingRun("ssd")!.Status!;
        await models.CreateAsync(NewModel(env.Kube.Namespace), CancellationToken.None);
        await env.WaitForAsync(e => Model(e)?.Status?.Versions.Count == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(1));   // The registry validates a new version for a few seconds.
        await env.WaitForAsync(e => Model(e)?.Status?.LatestApprovedVersion == 1);
        Assert.Equal(firstJob.ModelArtifactUri, Model(env)!.Status!.Versions[0].ModelArtifactUri);
        return firstJob;
    }

    /// <summary>A hyperparameter change trains again: a new artifact, registered as version 2 and approved.</summary>
    public static async Task<TrainingRunStatus> TrainVersionTwoAsync(SageMakerEnvironment env, TrainingRunStatus firstJob)
    {
        await EditAsync(env.TrainingRuns, env.Kube.Namespace, "ssd",
            run => run.Spec = run.Spec with { Hyperparameters = run.Spec.Hyperparameters with { Epochs = run.Spec.Hyperparameters.Epochs + 1 } });
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

    /// <summary>
    /// Changes an object as kubectl edit does: read, change, update, and on a 409 with the operator's concurrent write
    /// read again and reapply.
    /// </summary>
    public static async Task EditAsync<T>(IKubeStore<T> store, string ns, string name, Action<T> change)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = (await store.GetAsync(new ObjectKey(ns, name), CancellationToken.None))!;
            change(current);
            try
            {
                await store.UpdateAsync(current, CancellationToken.None);
                return;
            }
            catch (KubeConflictException) when (attempt < 10)
            {
                // The operator wrote in between (status, finalizer): its change is in the next read.
            }
        }
    }

    /// <summary>The RegisteredModel "fish" a user applies: versions of TrainingRun "ssd", approved automatically above a tiny mAP.</summary>
    public static RegisteredModel NewModel(string ns) => new()
    {
        Metadata = new() { Name = "fish", NamespaceProperty = ns },
        Spec = new RegisteredModelSpec
        {
            Source = new ModelSource { TrainingRunRef = "ssd" },
            Approval = new ModelApproval { Mode = "Automatic", MinMetric = 0.0001 },
        },
    };

    /// <summary>The DetectionEndpoint "fish-live" a user applies: the latest approved version of "fish" on one GPU instance.</summary>
    public static DetectionEndpoint NewEndpoint(string ns, Func<DetectionEndpointSpec, DetectionEndpointSpec>? edit = null)
    {
        var spec = new DetectionEndpointSpec
        {
            ModelRef = new ModelReference { Name = "fish" },
            RoleArn = "arn:aws:iam::123456789012:role/detector-vision-sagemaker",
            InstanceType = "ml.g4dn.xlarge",
        };
        return new DetectionEndpoint { Metadata = new() { Name = "fish-live", NamespaceProperty = ns }, Spec = edit is null ? spec : edit(spec) };
    }

    /// <summary>
    /// Applies an InferenceComponent-mode DetectionEndpoint and walks SageMaker through endpoint creation (6 min) and
    /// component creation (4 min) until the object is InService; returns its status.
    /// </summary>
    public static async Task<DetectionEndpointStatus> CreateServingEndpointAsync(SageMakerEnvironment env, IKubeStore<DetectionEndpoint> endpoints,
        DetectionEndpoint endpoint)
    {
        await endpoints.CreateAsync(endpoint, CancellationToken.None);
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateEndpoint") == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(7));
        await env.WaitForAsync(e => e.SageMaker.CreateCount("CreateInferenceComponent") == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => Endpoint(e)?.Status?.Phase == DetectionEndpointPhase.InService);
        return Endpoint(env)!.Status!;
    }

    /// <summary>
    /// Deletes the RegisteredModel, the TrainingRun and the Dataset as kubectl delete would (the DetectionEndpoint is
    /// gone already), waits until they are, and asserts that nothing is left: no SageMaker model, config, endpoint or
    /// component, and no object of ours in the namespace (no finalizer stuck).
    /// </summary>
    public static async Task DeleteTheRestAndAssertNothingLeftAsync(SageMakerEnvironment env)
    {
        var (models, _) = Stores(env);
        await models.DeleteAsync(new ObjectKey(env.Kube.Namespace, "fish"), CancellationToken.None);
        await env.TrainingRuns.DeleteAsync(new ObjectKey(env.Kube.Namespace, "ssd"), CancellationToken.None);
        await env.Kube.Datasets.DeleteAsync(new ObjectKey(env.Kube.Namespace, "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => Model(e) is null && e.TrainingRun("ssd") is null && e.Kube.Dataset("aquarium") is null);
        Assert.Empty(env.SageMaker.InferenceComponents);
        Assert.Empty(env.SageMaker.Endpoints);
        Assert.Empty(env.SageMaker.EndpointConfigs);
        Assert.Empty(env.SageMaker.Models);
        foreach (var plural in new[] { "datasets", "trainingruns", "registeredmodels", "detectionendpoints" })
            Assert.Empty(env.Kube.Api.List(plural, env.Kube.Namespace));
    }

    /// <summary>The stored RegisteredModel "fish", or null.</summary>
    public static RegisteredModel? Model(SageMakerEnvironment env) => env.Kube.Api.Get<RegisteredModel>("registeredmodels", env.Kube.Namespace, "fish");

    /// <summary>The stored DetectionEndpoint "fish-live", or null.</summary>
    public static DetectionEndpoint? Endpoint(SageMakerEnvironment env) => env.Kube.Api.Get<DetectionEndpoint>("detectionendpoints", env.Kube.Namespace, "fish-live");

    /// <summary>True when the endpoint serves as specified and nothing is in progress (cleanup included).</summary>
    public static bool Settled(SageMakerEnvironment env) =>
        Endpoint(env)?.Status is { Phase: DetectionEndpointPhase.InService } status && !Conditions.IsTrue(status.Conditions, Conditions.Reconciling);

    /// <summary>
    /// <c>detector predict --endpoint vision/fish-live photo.jpg -o out.png</c> with a kubeconfig: the names come from the
    /// DetectionEndpoint's status. The caller deletes the PNG's directory.
    /// </summary>
    public static async Task<(int Code, string Output, string Error, string Png)> PredictAsync(SageMakerEnvironment env)
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
            ["--endpoint", $"{env.Kube.Namespace}/fish-live", image, "-o", png, "--threshold", "0", "--kubeconfig", env.Kube.UserKubeconfig], _ => null);
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await PredictCommand.RunAsync(arguments, () => PredictCommand.KubeClient(arguments), runtime, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString(), png);
    }

    /// <summary>Runs <see cref="PredictAsync"/>, asserts it succeeded and removes its output.</summary>
    public static async Task<string> PredictOkAsync(SageMakerEnvironment env)
    {
        var (code, output, error, png) = await PredictAsync(env);
        Directory.Delete(Path.GetDirectoryName(png)!, recursive: true);
        Assert.True(code == 0, error);
        return output;
    }
}
