using System.Text.Json.Nodes;
using Amazon.Runtime;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Cli;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Datasets;
using Detector.Operator.Tests.Fakes;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Operator.Tests.FakeSageMakerTests;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>
/// The reconciler with the real SageMaker client against the fake SageMaker over HTTP (every request checked against
/// the AWS model, the injected eventual-consistency failure of CreateEndpoint included), then `detector predict` on
/// the endpoint it made, then deletion leaving nothing behind. Kubernetes is in memory here.
/// </summary>
public sealed class DetectionEndpointOverHttpTests : IAsyncLifetime
{
    private FakeSageMaker _sm = null!;
    private SageMakerClient _client = null!;

    public async Task InitializeAsync()
    {
        _sm = await FakeSageMaker.StartAsync();
        _client = SageMakerClient.Create(new SageMakerClientOptions
        {
            Region = _sm.Region, ServiceUrl = _sm.Url, Credentials = new BasicAWSCredentials(_sm.AccessKey, _sm.SecretKey),
            RequestsPerSecond = 0, Delay = (_, _) => Task.CompletedTask,
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        var problems = _sm.ResponseProblems;
        await _sm.DisposeAsync();
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task ApprovedPackage_ServesPredictsAndIsDeletedWithoutLeftovers()
    {
        var packageArn = await ApprovedPackageAsync();
        var endpoint = EndpointSamples.Endpoint(edit: s => s with { InstanceType = "ml.g4dn.xlarge" });
        var kube = new InMemoryKube(endpoint, ApprovedModel(packageArn));
        var events = new RecordingEvents();
        var reconciler = new DetectionEndpointReconciler(kube.Store<DetectionEndpoint>(), kube.Store<RegisteredModel>(), _client, events,
            new EndpointMetrics(Prometheus.Metrics.NewCustomRegistry()), new DetectionEndpointSettings { Region = _sm.Region }, _sm.Clock,
            NullLogger<DetectionEndpointReconciler>.Instance);
        var key = endpoint.Key();

        await ConvergeAsync(reconciler, key);
        var status = kube.Get<DetectionEndpoint>(key)!.Status!;
        var component = _sm.InferenceComponent(status.InferenceComponentName!)?["InferenceComponentStatus"]?.GetValue<string>();
        var predicted = await PredictAsync(status);
        await kube.Store<DetectionEndpoint>().DeleteAsync(key, CancellationToken.None);
        await ConvergeAsync(reconciler, key);

        Assert.Equal((DetectionEndpointPhase.InService, 1), (status.Phase, status.DeployedVersion));
        Assert.Equal("InService", component);
        Assert.Equal(2, _sm.CallCount("CreateEndpoint"));       // the eventual-consistency failure, retried by the client
        Assert.Equal(1, _sm.CreateCount("CreateEndpoint"));
        Assert.Equal(0, predicted.Code);
        Assert.StartsWith("CLASS", predicted.Output);
        Assert.Null(kube.Get<DetectionEndpoint>(key));
        Assert.Empty(_sm.Models);
        Assert.Empty(_sm.EndpointConfigs);
        Assert.Empty(_sm.Endpoints);
        Assert.Empty(_sm.InferenceComponents);
        Assert.Empty(_sm.ValidationFailures);
    }

    [SkippableFact]
    public async Task InstanceCountChange_IsAppliedInPlace_WithoutANewConfigOrFleet()
    {
        var packageArn = await ApprovedPackageAsync();
        var endpoint = EndpointSamples.Endpoint(edit: s => s with { InstanceType = "ml.g4dn.xlarge" });
        var kube = new InMemoryKube(endpoint, ApprovedModel(packageArn));
        var reconciler = new DetectionEndpointReconciler(kube.Store<DetectionEndpoint>(), kube.Store<RegisteredModel>(), _client, new RecordingEvents(),
            new EndpointMetrics(Prometheus.Metrics.NewCustomRegistry()), new DetectionEndpointSettings { Region = _sm.Region }, _sm.Clock,
            NullLogger<DetectionEndpointReconciler>.Instance);
        var key = endpoint.Key();
        await ConvergeAsync(reconciler, key);
        var serving = kube.Get<DetectionEndpoint>(key)!;

        serving.Spec = serving.Spec with { InstanceCount = 2 };
        await kube.Store<DetectionEndpoint>().UpdateAsync(serving, CancellationToken.None);
        await reconciler.ReconcileAsync(key, CancellationToken.None);
        var updating = kube.Get<DetectionEndpoint>(key)!.Status!;
        var variant = _sm.Endpoint(updating.EndpointName!)!["ProductionVariants"]![0]!;
        (int? current, int? desired) counts = (variant["CurrentInstanceCount"]!.GetValue<int>(), variant["DesiredInstanceCount"]!.GetValue<int>());
        await ConvergeAsync(reconciler, key);

        var status = kube.Get<DetectionEndpoint>(key)!.Status!;
        Assert.Equal((DetectionEndpointPhase.Updating, EndpointReasons.UpdatingInstanceCount),
            (updating.Phase, Conditions.Get(updating.Conditions, Conditions.Reconciling)!.Reason));
        Assert.Equal(((int?)1, (int?)2), counts);
        Assert.Equal(DetectionEndpointPhase.InService, status.Phase);
        Assert.Equal(2, _sm.Endpoint(status.EndpointName!)!["ProductionVariants"]![0]!["CurrentInstanceCount"]!.GetValue<int>());
        Assert.Equal(serving.Status!.EndpointConfigName, status.EndpointConfigName);
        Assert.Equal(1, _sm.CreateCount("CreateEndpointConfig"));
        Assert.Equal(0, _sm.CallCount("UpdateEndpoint"));
        Assert.Equal(1, _sm.CallCount("UpdateEndpointWeightsAndCapacities"));
        Assert.Empty(_sm.ValidationFailures);
    }

    private static RegisteredModel ApprovedModel(string packageArn) => new()
    {
        Metadata = new() { Name = "birds", NamespaceProperty = "vision" },
        Status = new RegisteredModelStatus
        {
            Versions = [new ModelVersion { Version = 1, Arn = packageArn, ApprovalStatus = ModelApprovalStatus.Approved }],
            LatestVersion = 1, LatestApprovedVersion = 1,
        },
    };

    // Reconciles as the runtime would, moving the fake's clock past each SageMaker wait.
    private async Task ConvergeAsync(DetectionEndpointReconciler reconciler, ObjectKey key)
    {
        for (var round = 0; round < 30; round++)
        {
            var result = await reconciler.ReconcileAsync(key, CancellationToken.None);
            if (result == ReconcileResult.Done || result.RequeueAfter == new DetectionEndpointSettings().DriftInterval)
                return;
            _sm.Advance(TimeSpan.FromMinutes(7));
        }
        throw new InvalidOperationException("the DetectionEndpoint did not settle in 30 reconciles");
    }

    private async Task<(int Code, string Output)> PredictAsync(DetectionEndpointStatus status)
    {
        var path = Path.Combine(Path.GetTempPath(), $"predict-{Guid.NewGuid():N}.jpg");
        using (var image = new Image<Rgb24>(96, 64, new Rgb24(20, 40, 60)))
            image.SaveAsJpeg(path);
        try
        {
            using var runtime = SageMakerRuntimeClient.Create(new SageMakerClientOptions
            {
                Region = _sm.Region, ServiceUrl = _sm.Url, Credentials = new BasicAWSCredentials(_sm.AccessKey, _sm.SecretKey),
            });
            var arguments = PredictCommand.ParseArguments(
                ["--endpoint", status.EndpointName!, "--inference-component", status.InferenceComponentName!, "--threshold", "0", path], _ => null);
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await PredictCommand.RunAsync(arguments, () => throw new InvalidOperationException("no cluster"), runtime, output, error,
                CancellationToken.None);
            return (code, output + error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A trained artifact registered and approved, as the RegisteredModel controller leaves it.
    private async Task<string> ApprovedPackageAsync()
    {
        using var client = new SageMakerTestClient(_sm);
        await client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));
        _sm.Advance(TimeSpan.FromHours(1));
        await client.OkAsync("CreateModelPackageGroup", new JsonObject { ["ModelPackageGroupName"] = "aquarium" });
        var arn = (await client.OkAsync("CreateModelPackage", FakeSageMakerRegistryTests.Package("token-1")))["ModelPackageArn"]!.GetValue<string>();
        _sm.Advance(TimeSpan.FromMinutes(1));
        _sm.SetApproval(arn, "Approved");
        return arn;
    }
}
