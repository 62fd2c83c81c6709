using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Preprocessing.Storage;
using k8s;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Detector.Operator.Hosting;

/// <summary>
/// The operator process: Kubernetes client, health and metrics server, leader election, and the controllers of
/// <see cref="ServedKinds.All"/>. Runs until the token is cancelled (SIGTERM) or leadership is lost, then shuts down
/// gracefully. <c>detector run</c> and the end-to-end tests start it the same way, through
/// <see cref="RunAsync(OperatorSettings, CancellationToken)"/>. Exit codes: 0 stopped, 1 failed or lost the lease,
/// 2 configuration that cannot work (named in the log).
/// </summary>
public sealed partial class OperatorHost(OperatorSettings settings, ILoggerFactory logs, TimeProvider clock, CollectorRegistry registry,
    IReadOnlyList<ServedKind>? kinds = null)
{
    private readonly ILogger _log = logs.CreateLogger<OperatorHost>();
    private readonly IReadOnlyList<ServedKind> _kinds = kinds ?? ServedKinds.All;
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
        // A kind that lacks its AWS configuration is still served: Datasets still get their Jobs, and every object that
        // needs the missing setting says so in its Ready condition (OperatorMisconfigured) and a Warning Event, where
        // `kubectl describe` shows it. Exiting here would leave those objects silent.
        foreach (var limit in ServedKinds.Problems(settings, _kinds))
            LogLimitedKind(limit);
        if (settings.Validate() is { Count: > 0 } errors)
        {
            foreach (var error in errors)
                LogInvalidSetting(error);
            _serving.TrySetResult(null);
            return 2;
        }
        try
        {
            var config = KubeClientConfig.Build(settings);
            using var client = new Kubernetes(config);
            var awsMetrics = new AwsMetrics(registry);
            using var s3 = new Lazy<S3ObjectStore>(() => new S3ObjectStore(S3ClientFactory.Create(settings.Storage, awsMetrics.ForS3()), settings.Storage))
                .AsDisposable();
            var podName = settings.InPod ? Environment.GetEnvironmentVariable("POD_NAME") : null;
            var failureEvents = new KubeEventRecorder(new CoreEventStore(client), clock, logs.CreateLogger<KubeEventRecorder>(), podName,
                aggregateByReason: true);
            var manager = new ControllerManager(new KubeWatchSourceFactory(client), settings.Namespaces, clock, logs, new ControllerMetrics(registry),
                new KubeFailureReporterFactory(client, failureEvents, clock)) { StalledRecheck = settings.StalledRecheckInterval };
            var events = new KubeEventRecorder(new CoreEventStore(client), clock, logs.CreateLogger<KubeEventRecorder>(), podName);
            using var sageMaker = Runs.SageMakerRunControllers.CreateClient(settings.AwsRegion, settings.SageMaker.EndpointUrl,
                settings.SageMaker.Credentials, settings.SageMaker.RequestsPerSecond, clock, awsMetrics.For("SageMaker"));
            var services = new HostServices(client, settings, events, uri => uri.IsS3 ? s3.Value : new FileObjectStore(), sageMaker,
                registry, clock, logs, awsMetrics);
            foreach (var kind in _kinds)
                kind.Register(manager, services);
            _manager = manager;
            var leaderElection = settings.LeaderElection with
            {
                LeaseNamespace = LeaseNamespace(settings.LeaderElection.LeaseNamespace, KubeClientConfig.ContextNamespace(config)),
            };
            var election = LeaderElection.ForLease(client, leaderElection, logs.CreateLogger<LeaderElection>());
            _election = election;

            await using var health = StartHealth();
            await using var trimmer = MemoryTrimmer.Start(settings.MemoryTrimInterval, clock, logs, registry);
            _serving.TrySetResult(health?.Url);
            LogStarted(settings.Namespaces.Count == 0 ? "all namespaces" : string.Join(",", settings.Namespaces), settings.Jobs.Image,
                leaderElection.Enabled ? $"on (Lease {leaderElection.LeaseNamespace}/{leaderElection.LeaseName})" : "off",
                health?.Url ?? "(none)");
            await election.RunAsync(manager.RunAsync, ct);
            await Task.WhenAll(events.FlushAsync(), failureEvents.FlushAsync());
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
            return 2;
        }
        catch (MetricsAddressInUseException e)
        {
            LogInvalidSetting(e.Message);
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

    /// <summary>
    /// Pure: the Lease namespace — the flag or POD_NAMESPACE (already in <paramref name="configured"/>), else the
    /// kubeconfig context's namespace, else <c>default</c> (as kubectl falls back).
    /// </summary>
    public static string LeaseNamespace(string? configured, string? contextNamespace) =>
        !string.IsNullOrWhiteSpace(configured) ? configured : !string.IsNullOrWhiteSpace(contextNamespace) ? contextNamespace : "default";

    private HealthServer? StartHealth()
    {
        if (MetricsEndpoint.IsDisabled(settings.MetricsAddress))
            return null;
        var address = settings.MetricsAddress!;
        MetricsEndpoint.TryParse(address, out var endpoint);
        try
        {
            return HealthServer.Start(endpoint, registry, IsReady, logs);
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            throw new MetricsAddressInUseException(
                $"{MetricsEndpoint.Flag} {address} is already in use (another detector run, or one still stopping?): " +
                $"pass another address, e.g. {MetricsEndpoint.Flag} 127.0.0.1:0 for a free port, or 0 to serve no metrics", e);
        }
    }

    /// <summary>The health and metrics address is taken by another process.</summary>
    private sealed class MetricsAddressInUseException(string message, Exception inner) : Exception(message, inner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Started without a setting some kinds need: {Problem}; their objects will show reason OperatorMisconfigured until it is set")]
    private partial void LogLimitedKind(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused setting: {Problem}")]
    private partial void LogInvalidSetting(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started operator watching {Namespaces} with job image {Image}, leader election {LeaderElection}, health and metrics on {HealthUrl}")]
    private partial void LogStarted(string namespaces, string image, string leaderElection, string healthUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped operator: {Why}")]
    private partial void LogStopped(string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the Kubernetes configuration: {Problem}; pass --kubeconfig/--context, set KUBECONFIG, or run in a pod")]
    private partial void LogNoKubeConfig(string problem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Operator failed")]
    private partial void LogFailed(Exception exception);
}
