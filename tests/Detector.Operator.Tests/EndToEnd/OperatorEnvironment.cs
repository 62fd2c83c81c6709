using System.Text.Json;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Cli;
using Detector.Operator.Hosting;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.EndToEnd.Apis;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Preprocessing.Outputs;
using Detector.Preprocessing.Storage;
using Detector.Testing;
using Microsoft.Extensions.Logging;
using k8s.Models;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// A real API server (the shared <see cref="EnvtestServer"/>, this test's own namespace and lease namespace), an
/// s3rver bucket and the operator running in-process through the same entry as <c>detector run</c>
/// (<see cref="RunCommand.ParseSettings"/> + <see cref="OperatorHost.RunAsync(OperatorSettings, CancellationToken)"/>),
/// talking to the server over HTTP with the real KubernetesClient (through <see cref="ApiProxy"/>, which logs its
/// requests) and to s3rver with the real S3 client. <see cref="StartOnFakeAsync"/> uses our fake API server instead,
/// only for what a bare server cannot show.
/// </summary>
public sealed class OperatorEnvironment : IAsyncDisposable
{

    /// <summary>The service account of the dataset Jobs (created in <see cref="Namespace"/>).</summary>
    public const string JobServiceAccount = "detector-dataset";

    /// <summary>How long any condition may take (generous: the machine is shared).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _directory;
    private CancellationTokenSource? _stop;
    private Task<int>? _run;

    private OperatorEnvironment(ITestApi api, S3rverServer s3, string bucket, string directory, string ns, string leaseNamespace)
    {
        (Api, S3, Bucket, _directory, Namespace, LeaseNamespace) = (api, s3, bucket, directory, ns, leaseNamespace);
        Kubeconfig = UserKubeconfig = api.WriteKubeconfig(Path.Combine(directory, "kubeconfig"), Namespace);
        Datasets = new KubeStore<Dataset>(api.CreateClient(), KubeResources.Dataset);
    }

    /// <summary>The namespace of this test (its own, so tests run in parallel on the shared server).</summary>
    public string Namespace { get; }

    /// <summary>The namespace of the operator's leader-election Lease (its own: parallel tests' operators never share one).</summary>
    public string LeaseNamespace { get; }

    /// <summary>The API server.</summary>
    public ITestApi Api { get; }

    /// <summary>The fake API server, for a test that started with <see cref="StartOnFakeAsync"/>.</summary>
    public FakeApiServer Fake => (Api as FakeApi)?.Server ?? throw new InvalidOperationException("this environment runs on the real API server");

    /// <summary>The working folder of this environment (kubeconfigs, files), removed on dispose.</summary>
    public string Directory => _directory;

    /// <summary>The S3 server.</summary>
    public S3rverServer S3 { get; }

    /// <summary>A bucket of this environment.</summary>
    public string Bucket { get; }

    /// <summary>
    /// kubeconfig of the operator, through the logging proxy: admin, or the chart's
    /// ServiceAccount after <see cref="StartWithChartRbacAsync"/>.
    /// </summary>
    public string Kubeconfig { get; private set; }

    /// <summary>kubeconfig of a user (kubectl, <c>detector predict</c>): admin, through the logging proxy.</summary>
    public string UserKubeconfig { get; }

    /// <summary>The Lease name the operator is started with (the chart passes its full name).</summary>
    public string LeaseName { get; private set; } = "detector-operator";

    /// <summary>A client-side store of Datasets (what kubectl would do).</summary>
    public IKubeStore<Dataset> Datasets { get; }

    /// <summary>
    /// Takes a namespace and a lease namespace on the shared real API server and a bucket on the shared s3rver (skips
    /// without KUBEBUILDER_ASSETS or node/npm, fails in CI).
    /// </summary>
    public static async Task<OperatorEnvironment> StartAsync()
    {
        var server = EnvtestServer.Shared;
        var s3 = S3rverServer.Shared;
        var bucket = await s3.CreateUniqueBucketAsync("e2e");
        var ns = await server.CreateNamespaceAsync("e2e");
        var leaseNamespace = await server.CreateNamespaceAsync("e2e-lease");
        var api = await EnvtestApi.StartAsync(server, ns, leaseNamespace);
        return Create(api, s3, bucket, ns, leaseNamespace);
    }

    /// <summary>
    /// Like <see cref="StartAsync"/> but on our fake API server: only for what a bare kube-apiserver cannot show
    /// (whether a Job's pods could start; see Fakes/ApiServer/README.md).
    /// </summary>
    public static async Task<OperatorEnvironment> StartOnFakeAsync()
    {
        var s3 = S3rverServer.Shared;
        var bucket = await s3.CreateUniqueBucketAsync("e2e");
        var api = new FakeApi(await FakeApiServer.StartAsync());
        return Create(api, s3, bucket, "vision", "detector-system");
    }

    /// <summary>
    /// Like <see cref="StartAsync"/>, but the chart is rendered (chart-render) with <c>watchNamespaces</c> set to this
    /// test's namespace and applied in the lease namespace (the release namespace), and the operator runs as the
    /// chart's ServiceAccount with a token from the TokenRequest API: only the chart's RBAC, so a missing verb fails.
    /// </summary>
    public static async Task<OperatorEnvironment> StartWithChartRbacAsync()
    {
        var env = await StartAsync();
        var api = (EnvtestApi)env.Api;
        // Without the chart's admission policies: they are cluster-wide objects and would bind every namespace of the
        // shared server (other tests' too); Admission/AdmissionPolicyTests install them scoped to labelled namespaces.
        var manifests = Charts.ChartRender.RenderOk(ChartRelease, env.LeaseNamespace, null, $"watchNamespaces={{{env.Namespace}}}",
            "admissionPolicies.enabled=false");
        var (code, output, error) = Charts.ChartRender.Apply(api.Server.AdminKubeconfig, manifests, dryRun: false);
        Assert.True(code == 0, $"the rendered chart was refused: {error}{output}");
        env.Kubeconfig = await api.WriteServiceAccountKubeconfigAsync(Path.Combine(env._directory, "operator-kubeconfig"),
            env.LeaseNamespace, ChartFullName, env.Namespace);
        env.LeaseName = ChartFullName;
        return env;
    }

    // chart-render's release name and the chart's resulting full name (ServiceAccount, Roles, Lease).
    private const string ChartRelease = "detector";
    private const string ChartFullName = "detector-detector-operator";

    private static OperatorEnvironment Create(ITestApi api, S3rverServer s3, string bucket, string ns, string leaseNamespace)
    {
        // The Jobs' service account (the chart's datasetJobs.serviceAccountName), as the platform team creates it.
        api.Put(ServiceAccount(ns, JobServiceAccount));
        var directory = System.IO.Directory.CreateTempSubdirectory("detector-e2e-").FullName;
        return new OperatorEnvironment(api, s3, bucket, directory, ns, leaseNamespace);
    }

    /// <summary>The <c>detector run</c> arguments of the tests; a flag in <paramref name="extra"/> replaces the default one.</summary>
    public IReadOnlyList<string> RunArgs(params string[] extra)
    {
        string[][] defaults =
        [
            ["--kubeconfig", Kubeconfig],
            ["--watch-namespaces", Namespace],
            // Leader election on, as in the chart. Its Lease renewals (every 2 s) are changes too, so waits on the fake
            // SageMaker (which signals nothing) are re-checked at least that often.
            ["--leader-elect", "true"],
            ["--lease-namespace", LeaseNamespace],
            ["--lease-name", LeaseName],
            ["--metrics-address", ""],
            // In-process, a memory trim would collect the whole test host (every test's heap) every 30 s.
            ["--memory-trim-interval", "0"],
            ["--image", "registry.example/detector:e2e"],
            ["--job-service-account", JobServiceAccount],
            ["--s3-endpoint-url", S3.ServiceUrl],
            ["--poll-interval", "0.5s"],   // Sub-second: a finished Job or SageMaker step is seen within half a second.
            ["--log-level", "Warning"],
        ];
        return [.. defaults.Where(d => !extra.Contains(d[0])).SelectMany(d => d), .. extra];
    }

    /// <summary>Starts the operator as <c>detector run</c> would, with the test's S3 credentials.</summary>
    public void StartOperator(params string[] extra)
    {
        if (_run is not null)
            throw new InvalidOperationException("The operator is already running");
        // In a pod the operator's S3 identity comes from IRSA; here s3rver's fixed keys stand in for it.
        var settings = RunCommand.ParseSettings(RunArgs(extra), _ => null) with { Storage = S3.Settings };
        _stop = new CancellationTokenSource();
        _run = Task.Run(async () =>
        {
            using var logs = Logs(settings.LogLevel);
            return await new OperatorHost(settings, logs, TimeProvider.System, Prometheus.Metrics.DefaultRegistry).RunAsync(_stop.Token);
        });
    }

    // Console at the run's level (what a failing test shows), and every level to the reconcile counter.
    private Microsoft.Extensions.Logging.ILoggerFactory Logs(Microsoft.Extensions.Logging.LogLevel console) =>
        Microsoft.Extensions.Logging.LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug);
            builder.AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, console);
            builder.AddProvider(Reconciles);
        });

    /// <summary>
    /// The operator's finished reconciles per object (of every run this environment started): a reconcile that changes
    /// nothing reads the shared cache and sends no request, so request logs cannot show it.
    /// </summary>
    internal ReconcileLog Reconciles { get; } = new();

    /// <summary>
    /// Starts the operator as <c>detector run &lt;args&gt;</c> on a laptop whose environment is <paramref name="env"/> (read
    /// through the settings parser, never set on the test process), serving <paramref name="kinds"/> (default: all).
    /// </summary>
    public void StartOperatorWithEnvironment(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, IReadOnlyList<ServedKind>? kinds = null)
    {
        if (_run is not null)
            throw new InvalidOperationException("The operator is already running");
        var settings = RunCommand.ParseSettings(args, name => env.GetValueOrDefault(name));
        _stop = new CancellationTokenSource();
        _run = Task.Run(async () =>
        {
            using var logs = Logs(Microsoft.Extensions.Logging.LogLevel.Warning);
            return await new OperatorHost(settings, logs, TimeProvider.System, Prometheus.Metrics.NewCustomRegistry(), kinds).RunAsync(_stop.Token);
        });
    }

    /// <summary>
    /// The environment of a developer's shell for <c>KUBECONFIG=… detector run</c>: the kubeconfig, this S3 server's
    /// endpoint and keys, a HOME of its own; no pod variables.
    /// </summary>
    public Dictionary<string, string> LaptopEnvironment() => new()
    {
        ["KUBECONFIG"] = Kubeconfig,
        ["HOME"] = _directory,
        ["DETECTOR_S3_ENDPOINT_URL"] = S3.ServiceUrl,
        ["AWS_ACCESS_KEY_ID"] = S3.Settings.AccessKeyId!,
        ["AWS_SECRET_ACCESS_KEY"] = S3.Settings.SecretAccessKey!,
    };

    /// <summary>Stops the operator as SIGTERM would and returns its exit code.</summary>
    public async Task<int> StopOperatorAsync()
    {
        if (_run is null)
            return 0;
        await _stop!.CancelAsync();
        var code = await _run.WaitAsync(Timeout);
        _stop.Dispose();
        (_run, _stop) = (null, null);
        return code;
    }

    /// <summary>A valid Dataset reading from and writing to this environment's bucket.</summary>
    public Dataset NewDataset(string name, Func<DatasetSpec, DatasetSpec>? edit = null)
    {
        var spec = new DatasetSpec
        {
            Source = new DatasetSource { S3 = new S3Source { Uri = $"s3://{Bucket}/raw/aquarium/" } },
            Classes = ["fish", "jellyfish", "penguin"],
            Output = new DatasetOutput { S3 = new S3Output { Uri = $"s3://{Bucket}/prepared" } },
        };
        return new Dataset
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = edit is null ? spec : edit(spec),
        };
    }

    /// <summary>Applies a Dataset through the API (as kubectl apply would create it).</summary>
    public Task<Dataset> ApplyAsync(Dataset dataset) => Datasets.CreateAsync(dataset, CancellationToken.None);

    /// <summary>The stored Dataset, or null.</summary>
    public Dataset? Dataset(string name) => Api.Get<Dataset>("datasets", Namespace, name);

    /// <summary>
    /// Changes a Dataset as a user's client does (kubectl edit, Argo CD): read, change, update, and on a 409 Conflict
    /// with the operator's own concurrent write read again and reapply. Returns the stored object.
    /// </summary>
    public async Task<Dataset> EditDatasetAsync(string name, Action<Dataset> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = Dataset(name) ?? throw new InvalidOperationException($"Dataset {name} does not exist");
            change(current);
            try
            {
                return await Datasets.UpdateAsync(current, CancellationToken.None);
            }
            catch (KubeConflictException) when (attempt < 10)
            {
                // The operator wrote in between (status, finalizer): its change is in the next read.
            }
        }
    }

    /// <summary>The Jobs of the namespace, read from the server on each call (read it once per check).</summary>
    public IReadOnlyList<V1Job> Jobs => [.. Api.List("jobs", Namespace).Select(j => k8s.KubernetesJson.Deserialize<V1Job>(j.ToJsonString()))];

    /// <summary>Waits until the predicate holds, re-checked on every change in the namespaces and every request of the operator.</summary>
    public Task WaitForAsync(Func<OperatorEnvironment, bool> predicate) => Api.WaitForAsync(_ => predicate(this), Timeout);

    /// <summary>Waits until the Dataset's status is in <paramref name="phase"/>.</summary>
    public Task WaitForPhaseAsync(string name, string phase) => WaitForAsync(e => e.Dataset(name)?.Status?.Phase == phase);

    /// <summary>Writes manifest.json into the Dataset's output prefix on s3rver, as <c>detector prepare</c> does last.</summary>
    public async Task WriteManifestAsync(string outputPrefix, DatasetManifest manifest)
    {
        using var store = new S3ObjectStore(S3.CreateClient(), S3.Settings);
        var uri = StorageUri.Parse(outputPrefix).Join("manifest.json");
        await store.PutAsync(uri, JsonSerializer.SerializeToUtf8Bytes(manifest, DatasetManifest.JsonOptions), "application/json", CancellationToken.None);
    }

    /// <summary>Whether an object exists on s3rver.</summary>
    public async Task<bool> ExistsAsync(string uri)
    {
        using var store = new S3ObjectStore(S3.CreateClient(), S3.Settings);
        return await store.ExistsAsync(StorageUri.Parse(uri), CancellationToken.None);
    }

    /// <summary>Requests of the operator (and the test.s clients) for one object (any verb), in order.</summary>
    public IReadOnlyList<ApiCall> RequestsFor(string resource, string name) =>
        [.. Api.Requests.Where(r => r.Resource == resource && r.Name == name)];

    /// <summary>A ServiceAccount object.</summary>
    public static V1ServiceAccount ServiceAccount(string ns, string name) => new()
    {
        ApiVersion = "v1",
        Kind = "ServiceAccount",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        await Api.DisposeAsync();
        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
