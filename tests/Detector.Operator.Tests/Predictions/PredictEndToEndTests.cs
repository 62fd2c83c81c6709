using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Cli;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Operator.Tests.FakeSageMakerTests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Operator.Tests.Predictions;

/// <summary>`detector predict` against the fake SageMaker's runtime and the fake API server, over HTTP.</summary>
public sealed class PredictEndToEndTests : IAsyncLifetime
{
    private static readonly string[] s_classes = ["fish", "jellyfish", "penguin", "puffin", "shark", "starfish", "stingray"];
    private readonly string _dir = Directory.CreateTempSubdirectory("predict-").FullName;
    private FakeSageMaker _sm = null!;
    private FakeApiServer _api = null!;
    private SageMakerRuntimeClient _runtime = null!;

    public async Task InitializeAsync()
    {
        _sm = await FakeSageMaker.StartAsync();
        _api = await FakeApiServer.StartAsync();
        _runtime = SageMakerRuntimeClient.Create(new SageMakerClientOptions
        {
            Region = _sm.Region, ServiceUrl = _sm.Url, Credentials = new BasicAWSCredentials(_sm.AccessKey, _sm.SecretKey),
        });
    }

    public async Task DisposeAsync()
    {
        _runtime.Dispose();
        await _api.DisposeAsync();
        await _sm.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public async Task Predict_DetectionEndpoint_PrintsNamedDetectionsInPixelsAndWritesThePng()
    {
        await ServeFishEndpointAsync();
        PutObjects();
        var image = WriteJpeg(320, 240);
        var png = Path.Combine(_dir, "out.png");
        var kubeconfig = _api.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
        var arguments = PredictCommand.ParseArguments(
            ["--endpoint", "vision/fish", image, "-o", png, "--threshold", "0", "--kubeconfig", kubeconfig], _ => null);
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await PredictCommand.RunAsync(arguments, () => PredictCommand.KubeClient(arguments),
            _runtime, output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var expected = await ExpectedRowsAsync(File.ReadAllBytes(image), 320, 240);
        Assert.InRange(expected.Count, 3, 5);
        Assert.Equal(["CLASS", "SCORE", "XMIN", "YMIN", "XMAX", "YMAX"], Cells(lines[0]));
        Assert.Equal(expected, lines[1..^1].Select(Cells));
        Assert.Equal($"wrote {png}", lines[^1]);
        using var drawn = Image.Load<Rgb24>(png);
        Assert.Equal((320, 240), (drawn.Width, drawn.Height));
        var invoke = _sm.Requests.Last(r => r.Operation == "InvokeEndpoint");
        Assert.Equal(200, invoke.StatusCode);
        Assert.Empty(_sm.ValidationFailures);
    }

    [SkippableFact]
    public async Task Predict_RawSageMakerName_WithoutTheComponent_FailsWithSageMakersMessage()
    {
        await ServeFishEndpointAsync();
        var image = WriteJpeg(64, 48);
        var arguments = PredictCommand.ParseArguments(["--endpoint", "fish", image], _ => null);
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await PredictCommand.RunAsync(arguments, () => throw new InvalidOperationException("no cluster needed"), _runtime, output, error,
            CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("Inference Component Name header is required", error.ToString());
        Assert.Equal("", output.ToString());
    }

    [SkippableFact]
    public async Task Predict_RawSageMakerName_WithTheComponent_PrintsIndices()
    {
        await ServeFishEndpointAsync();
        var image = WriteJpeg(64, 48);
        var arguments = PredictCommand.ParseArguments(["--endpoint", "fish", "--inference-component", "fish-ic", "--threshold", "0", image], _ => null);
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await PredictCommand.RunAsync(arguments, () => throw new InvalidOperationException("no cluster needed"), _runtime, output, error,
            CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        var expected = await ExpectedRowsAsync(File.ReadAllBytes(image), 64, 48, names: false);
        Assert.Equal(expected, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[1..].Select(Cells));
    }

    [SkippableFact]
    public async Task Predict_DetectionEndpointWithoutEndpointYet_SaysSo()
    {
        _api.Put(new DetectionEndpoint
        {
            Metadata = new() { Name = "fish", NamespaceProperty = "vision" },
            Spec = new() { ModelRef = new() { Name = "fish" } },
            Status = new() { Phase = DetectionEndpointPhase.Waiting, FailureReason = "RegisteredModel vision/fish has no approved version" },
        });
        var image = WriteJpeg(64, 48);
        var kubeconfig = _api.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
        var arguments = PredictCommand.ParseArguments(["--endpoint", "vision/fish", image, "--kubeconfig", kubeconfig], _ => null);
        var error = new StringWriter();

        var code = await PredictCommand.RunAsync(arguments, () => PredictCommand.KubeClient(arguments),
            _runtime, new StringWriter(), error, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("DetectionEndpoint vision/fish has no SageMaker endpoint yet (phase Waiting: RegisteredModel vision/fish has no approved version)", error.ToString());
        Assert.Equal(0, _sm.CallCount("InvokeEndpoint"));
    }

    [Fact]
    public async Task Predict_NotAnImage_NamesTheFile()
    {
        var path = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(path, "hello");
        var error = new StringWriter();

        var code = await PredictCommand.RunAsync(PredictCommand.ParseArguments(["-e", "fish", path], _ => null),
            () => throw new InvalidOperationException(), _runtime, new StringWriter(), error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains($"{path} is neither a JPEG nor a PNG", error.ToString());
    }

    // The rows the table must show, computed from the fake's own answer for the same bytes (threshold 0, best first).
    private async Task<List<string[]>> ExpectedRowsAsync(byte[] image, int width, int height, bool names = true)
    {
        using var client = new SageMakerTestClient(_sm);
        var (_, body, _, _) = await client.InvokeAsync("fish", image, "image/jpeg", "fish-ic");
        return [.. JsonNode.Parse(body)!["prediction"]!.AsArray()
            .Select(row => row!.AsArray().Select(v => v!.GetValue<double>()).ToArray())
            .OrderByDescending(r => r[1])
            .Select(r => new[]
            {
                names ? s_classes[(int)r[0]] : ((int)r[0]).ToString(CultureInfo.InvariantCulture),
                r[1].ToString("0.000", CultureInfo.InvariantCulture),
                Px(r[2], width), Px(r[3], height), Px(r[4], width), Px(r[5], height),
            })];
    }

    private static string Px(double fraction, int size) => ((int)Math.Round(Math.Clamp(fraction, 0, 1) * size)).ToString(CultureInfo.InvariantCulture);

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private string WriteJpeg(int width, int height)
    {
        var path = Path.Combine(_dir, $"photo-{width}x{height}.jpg");
        using var picture = new Image<Rgb24>(width, height, new Rgb24(10, 80, 160));
        picture.SaveAsJpeg(path);
        return path;
    }

    // A trained 7-class artifact served through an inference component, as the DetectionEndpoint controller leaves it.
    private async Task ServeFishEndpointAsync()
    {
        using var client = new SageMakerTestClient(_sm);
        await client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));
        _sm.Advance(TimeSpan.FromHours(1));
        await client.OkAsync("CreateModel", new JsonObject
        {
            ["ModelName"] = "fish-v1",
            ["PrimaryContainer"] = new JsonObject { ["Image"] = SageMakerRequests.Image, ["ModelDataUrl"] = "s3://data/models/job/output/model.tar.gz" },
            ["ExecutionRoleArn"] = SageMakerRequests.Role,
        });
        await client.OkAsync("CreateEndpointConfig", new JsonObject
        {
            ["EndpointConfigName"] = "fish-config",
            ["ExecutionRoleArn"] = SageMakerRequests.Role,
            ["ProductionVariants"] = new JsonArray(new JsonObject { ["VariantName"] = "AllTraffic", ["InstanceType"] = "ml.g4dn.xlarge", ["InitialInstanceCount"] = 1 }),
        });
        var endpoint = new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" };
        await client.CallAsync("CreateEndpoint", endpoint); // the injected eventual-consistency failure
        await client.OkAsync("CreateEndpoint", endpoint.DeepClone());
        _sm.Advance(TimeSpan.FromMinutes(6));
        await client.OkAsync("CreateInferenceComponent", new JsonObject
        {
            ["InferenceComponentName"] = "fish-ic",
            ["EndpointName"] = "fish",
            ["VariantName"] = "AllTraffic",
            ["Specification"] = new JsonObject
            {
                ["ModelName"] = "fish-v1",
                ["ComputeResourceRequirements"] = new JsonObject { ["MinMemoryRequiredInMb"] = 1024, ["NumberOfCpuCoresRequired"] = 1 },
            },
            ["RuntimeConfig"] = new JsonObject { ["CopyCount"] = 1 },
        });
        _sm.Advance(TimeSpan.FromMinutes(4));
    }

    private void PutObjects()
    {
        _api.Put(new Dataset
        {
            Metadata = new() { Name = "aquarium", NamespaceProperty = "vision" },
            Status = new() { ClassNames = s_classes },
        });
        _api.Put(new TrainingRun { Metadata = new() { Name = "aquarium-run", NamespaceProperty = "vision" }, Spec = new() { DatasetRef = "aquarium" } });
        _api.Put(new RegisteredModel
        {
            Metadata = new() { Name = "fish", NamespaceProperty = "vision" },
            Spec = new() { Source = new() { TrainingRunRef = "aquarium-run" } },
        });
        _api.Put(new DetectionEndpoint
        {
            Metadata = new() { Name = "fish", NamespaceProperty = "vision" },
            Spec = new() { ModelRef = new() { Name = "fish" } },
            Status = new() { Phase = DetectionEndpointPhase.InService, EndpointName = "fish", InferenceComponentName = "fish-ic" },
        });
    }
}
