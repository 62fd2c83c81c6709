using System.Text.Json;
using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Cli;
using Detector.Operator.Hosting;
using Detector.Operator.Validation;
using Detector.Testing;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.GitOps;

/// <summary>
/// The samples (crds/samples/*.yaml) applied server-side as <c>kubectl apply --server-side</c> does (field manager
/// <c>kubectl</c>, no force) to a real kube-apiserver (../shared/envtest) with the operator running in-process (as
/// <c>detector run</c>), until the operator has written each object's status. SageMaker and S3 point at a closed port,
/// so the chain stops where it needs them; what matters here is every write the operator makes on the way.
/// </summary>
public sealed class ServerSideApplyScenario : IAsyncDisposable
{
    /// <summary>The field manager of <c>kubectl apply --server-side</c>.</summary>
    public const string ApplyManager = "kubectl";

    /// <summary>How long the operator may take to reconcile an object (generous: the machine is shared).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _operator;
    private readonly string _directory;

    private ServerSideApplyScenario(EnvtestServer server, string ns, string directory, IReadOnlyList<Manifest> samples)
    {
        (Namespace, _directory, Samples) = (ns, directory, samples);
        Client = server.CreateClient();
        var kubeconfig = server.WriteKubeconfig(Path.Combine(directory, "kubeconfig"), ns);
        // Closed local ports: every AWS call fails fast (transient), nothing leaves the machine.
        string[] args =
        [
            "--kubeconfig", kubeconfig, "--watch-namespaces", ns, "--leader-elect", "false", "--metrics-address", "0",
            "--image", "registry.example/detector:ssa", "--aws-region", "us-east-1",
            "--sagemaker-endpoint-url", "http://127.0.0.1:9", "--s3-endpoint-url", "http://127.0.0.1:9",
            "--poll-interval", "2s", "--log-level", "Critical",
        ];
        // Keys of its own (read through the settings' environment, never set on the test process), so a call gets as
        // far as the closed port instead of stopping at "no credentials".
        var env = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDSSATEST", ["AWS_SECRET_ACCESS_KEY"] = "ssa-test-secret" };
        var settings = RunCommand.ParseSettings(args, name => env.GetValueOrDefault(name));
        _operator = Task.Run(() => OperatorHost.RunAsync(settings, _stop.Token));
    }

    /// <summary>One sample object: its kind's plural, name and the manifest as applied.</summary>
    /// <param name="Kind">The kind.</param>
    /// <param name="Plural">The resource.</param>
    /// <param name="Name">metadata.name.</param>
    /// <param name="Body">The manifest, with the test's namespace.</param>
    public sealed record Manifest(string Kind, string Plural, string Name, JsonObject Body);

    /// <summary>The test's namespace (the samples' <c>vision</c> is replaced by it).</summary>
    public string Namespace { get; }

    /// <summary>An admin client.</summary>
    public IKubernetes Client { get; }

    /// <summary>The samples, one per kind.</summary>
    public IReadOnlyList<Manifest> Samples { get; }

    /// <summary>Starts the operator, applies the samples and waits until the operator has written every object's status.</summary>
    public static async Task<ServerSideApplyScenario> StartAsync()
    {
        var server = EnvtestServer.Shared;
        var ns = await server.CreateNamespaceAsync("ssa");
        var directory = Directory.CreateTempSubdirectory("detector-ssa-").FullName;
        var samples = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "crds", "samples"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => YamlDocuments.Parse(File.ReadAllText(f)))
            .OfType<JsonObject>()
            .Select(o => ToManifest(o, ns))
            .ToList();
        var scenario = new ServerSideApplyScenario(server, ns, directory, samples);
        foreach (var sample in samples)
            await scenario.ApplyAsync(sample);
        foreach (var sample in samples)
            await scenario.WaitForAsync(sample, Reconciled);
        return scenario;
    }

    /// <summary>Applies a sample as <c>kubectl apply --server-side</c> does and returns the object the server answers with.</summary>
    public async Task<JsonObject> ApplyAsync(Manifest sample)
    {
        var patch = new V1Patch(sample.Body.ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var answer = await Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, ApiGroup.Name, ApiGroup.Version, Namespace,
            sample.Plural, sample.Name, fieldManager: ApplyManager, force: false);
        return ToJson(answer);
    }

    /// <summary>The stored object.</summary>
    public async Task<JsonObject> GetAsync(Manifest sample) =>
        ToJson(await Client.CustomObjects.GetNamespacedCustomObjectAsync(ApiGroup.Name, ApiGroup.Version, Namespace, sample.Plural, sample.Name));

    /// <summary>Waits, on the watch of the sample's resource, until the stored object satisfies <paramref name="predicate"/>.</summary>
    public async Task<JsonObject> WaitForAsync(Manifest sample, Func<JsonObject, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        JsonObject? last = null;
        try
        {
            while (true)
            {
                // A watch without resourceVersion starts with the current object, then every change.
                var watch = Client.CustomObjects.WatchListNamespacedCustomObjectAsync(ApiGroup.Name, ApiGroup.Version, Namespace,
                    sample.Plural, fieldSelector: $"metadata.name={sample.Name}", cancellationToken: timeout.Token);
                await foreach (var (_, item) in watch)
                {
                    last = ToJson(item);
                    if (predicate(last))
                        return last;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{sample.Kind} {sample.Name} did not get there in {Timeout.TotalSeconds} s; last seen: {last?.ToJsonString()}");
        }
    }

    /// <summary>The operator has written a status for the object's current generation.</summary>
    public static bool Reconciled(JsonObject obj) =>
        obj["status"]?["observedGeneration"]?.GetValue<long>() == obj["metadata"]!["generation"]!.GetValue<long>()
        && obj["status"]!["conditions"] is JsonArray { Count: > 0 };

    /// <summary>Stops the operator and deletes the namespace's objects' scratch folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _operator.WaitAsync(Timeout);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        Client.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static Manifest ToManifest(JsonObject obj, string ns)
    {
        var body = (JsonObject)obj.DeepClone();
        body["metadata"]!["namespace"] = ns;
        var kind = body["kind"]!.GetValue<string>();
        var plural = kind switch
        {
            Dataset.KindName => Dataset.Plural,
            TrainingRun.KindName => TrainingRun.Plural,
            TuningRun.KindName => TuningRun.Plural,
            RegisteredModel.KindName => RegisteredModel.Plural,
            DetectionEndpoint.KindName => DetectionEndpoint.Plural,
            _ => throw new InvalidOperationException($"crds/samples: unexpected kind {kind}"),
        };
        return new Manifest(kind, plural, body["metadata"]!["name"]!.GetValue<string>(), body);
    }

    private static JsonObject ToJson(object answer) => JsonNode.Parse(KubernetesJson.Serialize(answer))!.AsObject();
}
