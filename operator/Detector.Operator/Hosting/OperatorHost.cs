using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Preprocessing.Storage;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Detector.Operator.Hosting;

/// <summary>
/// The operator process: Kubernetes client, health and metrics server, leader election, and the controllers. Runs
/// until the token is cancelled (SIGTERM) or leadership is lost, then shuts down gracefully. <c>detector run</c> and the
/// end-to-end tests start it the same way, through <see cref="RunAsync(OperatorSettings, CancellationToken)"/>.
/// </summary>
public sealed partial class OperatorHost(OperatorSettings settings, ILoggerFactory logs, TimeProvider clock, CollectorRegistry registry)
{
    private readonly ILogger _log = logs.CreateLogger<OperatorHost>();
    private readonly TaskCompletionSource<string?> _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ControllerManager? _manager;
    private volatile LeaderElection? _election;

    /// <summary>Completes with the health server's URL (null when none is served) once the host is serving.</summary>
    public Task<string?> Serving => _serving.Task;

    /// <summary>Runs the operator with the process-wide logger and metrics registry; returns the exit code.</summary>
    public static async Task<int> RunAsync(OperatorSettings settings, CancellationToken ct)
    {
        using var logs = OperatorLogging.Create(settings);
        return await new OperatorHost(settings, logs, TimeProvider.System, Metrics.DefaultRegistry).RunAsync(ct);
    }

    /// <summary>Runs until <paramref name="ct"/> is cancelled or leadership is lost; returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (settings.Validate() is { Count: > 0 } errors)
        {
            foreach (var error in errors)
                LogInvalidSetting(error);
            _serving.TrySetResult(null);
            return 2;
        }
        try
        {
            using var client = new Kubernetes(KubeClientConfig.Build(settings));
            using var s3 = new Lazy<S3ObjectStore>(() => new S3ObjectStore(S3ClientFactory.Create(settings.Storage), settings.Storage)).AsDisposable();
            var admit = DatasetAdmission.Create(settings.PolicyFile);
            using var sageMaker = TrainingRuns.SageMakerRunControllers.CreateClient(settings.AwsRegion, settings.SageMaker.EndpointUrl,
                settings.SageMaker.Credentials, settings.SageMaker.RequestsPerSecond, clock);
            var manager = new ControllerManager(new KubeWatchSourceFactory(client), settings.Namespaces, clock, logs, new ControllerMetrics(registry));
            RegisterControllers(manager, client, uri => uri.IsS3 ? s3.Value : new FileObjectStore(), admit, sageMaker);
            _manager = manager;
            var election = LeaderElection.ForLease(client, settings.LeaderElection, logs.CreateLogger<LeaderElection>());
            _election = election;

            await using var health = string.IsNullOrEmpty(settings.MetricsAddress) ? null
                : await HealthServer.StartAsync(Url(settings.MetricsAddress), registry, IsReady, logs, ct);
            _serving.TrySetResult(health?.Url);
            LogStarted(settings.Namespaces.Count == 0 ? "all namespaces" : string.Join(",", settings.Namespaces), settings.Jobs.Image,
                settings.LeaderElection.Enabled, health?.Url ?? "(none)");
            await election.RunAsync(manager.RunAsync, ct);
            LogStopped(ct.IsCancellationRequested ? "shutdown requested" : "leadership lost");
            // Losing the lease without being asked to stop is an error exit: Kubernetes restarts the pod as a follower.
            return ct.IsCancellationRequested ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
        catch (k8s.Exceptions.KubeConfigException e)
        {
            // A configuration problem, not a crash: say what to fix without a stack trace.
            LogNoKubeConfig(e.Message);
            _serving.TrySetResult(null);
            return 2;
        }
        catch (Exception e)
        {
            LogFailed(e);
            return 1;
        }
        finally
        {
            _serving.TrySetResult(null);
        }
    }

    /// <summary>True while this replica holds the lease (always true once started when leader election is off).</summary>
    public bool IsLeading => _election?.IsLeader == true;

    /// <summary>Ready when leading with every cache synced, or when following (a follower is healthy and waits).</summary>
    public bool IsReady() =>
        _election is { } election && _manager is { } manager && (!election.IsLeader ? settings.LeaderElection.Enabled : manager.IsReady);

    private void RegisterControllers(ControllerManager manager, IKubernetes client, Func<StorageUri, IObjectStore> stores,
        Func<Dataset, IReadOnlyList<Validation.FieldError>> admit, Aws.ISageMaker sageMaker)
    {
        var events = new KubeEventRecorder(new CoreEventStore(client), clock, logs.CreateLogger<KubeEventRecorder>(),
            Environment.GetEnvironmentVariable("POD_NAME"));
        var jobs = new DatasetJobTracker(new KubeStore<V1Job>(client, KubeResources.Job), new CorePodStore(client), logs.CreateLogger<DatasetJobTracker>());
        var reconciler = new DatasetReconciler(new KubeStore<Dataset>(client, KubeResources.Dataset), jobs, stores, events,
            new DatasetReconcilerSettings { Jobs = settings.Jobs, PollInterval = settings.PollInterval, Admit = admit },
            clock, logs.CreateLogger<DatasetReconciler>());
        manager.Register(KubeResources.Dataset, reconciler, new ControllerOptions { Workers = settings.Workers })
            .Owns<V1Job>(KubeResources.Job);
        var runSettings = new TrainingRuns.SageMakerRunSettings
        {
            Region = settings.AwsRegion,
            PollInterval = settings.PollInterval,
            Policy = string.IsNullOrEmpty(settings.PolicyFile) ? null : Policy.NamespacePolicy.Load(settings.PolicyFile),
        };
        TrainingRuns.SageMakerRunControllers.Register(manager, client, sageMaker, events, new TrainingRuns.TrainingMetrics(registry), runSettings,
            settings.Workers, clock, logs);
    }

    private static string Url(string address) =>
        MetricsEndpoint.TryParse(address, out var url) ? url : throw new ArgumentException($"--metrics-address '{address}' is not host:port");

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused setting: {Problem}")]
    private partial void LogInvalidSetting(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started operator watching {Namespaces} with job image {Image}, leader election {LeaderElection}, health on {HealthUrl}")]
    private partial void LogStarted(string namespaces, string image, bool leaderElection, string healthUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped operator: {Why}")]
    private partial void LogStopped(string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the Kubernetes configuration: {Problem}; pass --kubeconfig/--context, set KUBECONFIG, or run in a pod")]
    private partial void LogNoKubeConfig(string problem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Operator failed")]
    private partial void LogFailed(Exception exception);
}
