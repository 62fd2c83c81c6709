using Detector.Operator.Datasets;
using Detector.Operator.Runtime;
using Detector.Preprocessing.Storage;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Hosting;

/// <summary>Everything <c>detector run</c> is configured with; built from flags and environment by <c>RunCommand</c>.</summary>
public sealed record OperatorSettings
{
    /// <summary>
    /// The kubeconfig files to merge, in precedence order (<c>--kubeconfig</c>, else <c>KUBECONFIG</c>, else
    /// <c>~/.kube/config</c>); empty: the pod's service account (in-cluster). See <see cref="KubeClientConfig.Files"/>.
    /// </summary>
    public IReadOnlyList<string> KubeconfigFiles { get; init; } = [];

    /// <summary>True when running in a pod (KUBERNETES_SERVICE_HOST is set); picks the defaults of leader election and metrics.</summary>
    public bool InPod { get; init; }

    /// <summary>AWS region of S3 (and SageMaker); null: none configured (an S3 endpoint override may make it unnecessary).</summary>
    public string? AwsRegion { get; init; }

    /// <summary>kubeconfig context to use; null: the current context.</summary>
    public string? Context { get; init; }

    /// <summary>Namespaces to watch; empty: all namespaces (needs cluster-wide RBAC).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Parallel reconciles per kind.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Lease-based leader election (two replicas are safe).</summary>
    public LeaderElectionOptions LeaderElection { get; init; } = new();

    /// <summary>
    /// Where /metrics, /healthz and /readyz are served (<c>--metrics-bind-address</c>), e.g. <c>:8080</c> or
    /// <c>127.0.0.1:0</c> (a free port); null, empty or <c>0</c>: not served.
    /// </summary>
    public string? MetricsAddress { get; init; } = ":8080";

    /// <summary>Shapes the dataset Jobs (image, default service account, storage settings, retries, TTL).</summary>
    public DatasetJobSettings Jobs { get; init; } = new();

    /// <summary>The namespace policy file (YAML or JSON); null: no per-namespace restrictions.</summary>
    public string? PolicyFile { get; init; }

    /// <summary>How the operator itself reaches S3 (reads manifest.json, deletes prefixes); credentials from the default chain.</summary>
    public S3StorageSettings Storage { get; init; } = S3StorageSettings.Default;

    /// <summary>How the operator reaches SageMaker (endpoint override, rate limit, credentials).</summary>
    public SageMakerSettings SageMaker { get; init; } = new();

    /// <summary>How the operator reaches CloudWatch and SageMaker Metrics (live training progress, endpoint health).</summary>
    public MonitoringSettings Monitoring { get; init; } = new();

    /// <summary>How often objects waiting on a Job are looked at again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a settled DetectionEndpoint is described again, so out-of-band changes are found and undone.</summary>
    public TimeSpan DriftInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an object stalled on something only a person can fix outside it (credentials, IAM, RBAC, a quota) waits
    /// before it is looked at again; a change to the object brings it back at once.
    /// </summary>
    public TimeSpan StalledRecheckInterval { get; init; } = Runtime.ControllerOptions.DefaultStalledRecheck;

    /// <summary>How often unused memory is given back to the operating system (<see cref="MemoryTrimmer"/>); zero: never.</summary>
    public TimeSpan MemoryTrimInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>"json" (default, one object per line) or "text".</summary>
    public string LogFormat { get; init; } = "json";

    /// <summary>Minimum log level.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Problems that make the settings unusable, each naming its flag; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Workers < 1)
            errors.Add($"--workers must be at least 1 (got {Workers})");
        if (PollInterval <= TimeSpan.Zero)
            errors.Add($"--poll-interval must be positive (got {PollInterval})");
        if (StalledRecheckInterval <= TimeSpan.Zero)
            errors.Add($"--stalled-recheck-interval must be positive (got {StalledRecheckInterval})");
        if (DriftInterval <= TimeSpan.Zero)
            errors.Add($"--drift-interval must be positive (got {DriftInterval})");
        if (string.IsNullOrWhiteSpace(Jobs.Image))
            errors.Add("--image (or DETECTOR_IMAGE) must name the operator's image: dataset Jobs run it");
        else if (Jobs.Image.Any(char.IsWhiteSpace))
            // The API server refuses a pod template whose image has surrounding whitespace; say so before any Job.
            errors.Add($"--image '{Jobs.Image}' must not contain whitespace (e.g. {OperatorImage.Default})");
        if (LogFormat is not ("json" or "text"))
            errors.Add($"--log-format must be json or text (got '{LogFormat}')");
        if (!MetricsEndpoint.IsDisabled(MetricsAddress) && !MetricsEndpoint.TryParse(MetricsAddress!, out _))
            errors.Add($"{MetricsEndpoint.Flag} '{MetricsAddress}' is not ip:port, localhost:port or :port (or 0 to disable)");
        if (PolicyFile is not null && !File.Exists(PolicyFile))
            errors.Add($"--policy-file {PolicyFile} does not exist");
        if (!string.IsNullOrEmpty(SageMaker.EndpointUrl) && !Uri.TryCreate(SageMaker.EndpointUrl, UriKind.Absolute, out _))
            errors.Add($"--sagemaker-endpoint-url '{SageMaker.EndpointUrl}' is not an absolute http(s) URL");
        foreach (var (flag, url) in new[] { (MonitoringSettings.CloudWatchFlag, Monitoring.CloudWatchEndpointUrl),
                     (MonitoringSettings.SageMakerMetricsFlag, Monitoring.SageMakerMetricsEndpointUrl) })
        {
            if (!string.IsNullOrEmpty(url) && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
                errors.Add($"{flag} '{url}' is not an absolute http(s) URL");
        }
        if (Monitoring.Interval <= TimeSpan.Zero)
            errors.Add($"--monitoring-interval must be positive (got {Monitoring.Interval})");
        if (SageMaker.RequestsPerSecond < 0)
            errors.Add($"--sagemaker-requests-per-second must not be negative (got {SageMaker.RequestsPerSecond})");
        if (LeaderElection.Enabled && string.IsNullOrWhiteSpace(LeaderElection.LeaseNamespace))
            errors.Add("--lease-namespace (or POD_NAMESPACE) is required with leader election");
        return errors;
    }
}

/// <summary>How the operator reaches SageMaker.</summary>
public sealed record SageMakerSettings
{
    /// <summary>Control-plane endpoint override (<c>--sagemaker-endpoint-url</c>), for emulators and tests; null: AWS.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Global rate limit of SageMaker calls (<c>--sagemaker-requests-per-second</c>); 0 disables it.</summary>
    public double RequestsPerSecond { get; init; } = 5;

    /// <summary>Credentials; null: AWSSDK.Core's default chain (IRSA, Pod Identity, environment, profile). Tests set fixed keys.</summary>
    public Amazon.Runtime.AWSCredentials? Credentials { get; init; }
}

/// <summary>
/// How the operator reaches the monitoring services (docs/monitoring.md): endpoint overrides for emulators and tests
/// and how often one object's figures are read. Credentials are the SageMaker client's (<see cref="SageMakerSettings.Credentials"/>).
/// </summary>
public sealed record MonitoringSettings
{
    /// <summary>The flag of <see cref="CloudWatchEndpointUrl"/>.</summary>
    public const string CloudWatchFlag = "--cloudwatch-endpoint-url";

    /// <summary>The flag of <see cref="SageMakerMetricsEndpointUrl"/>.</summary>
    public const string SageMakerMetricsFlag = "--sagemaker-metrics-endpoint-url";

    /// <summary>
    /// CloudWatch (GetMetricData, endpoint health) override (<c>--cloudwatch-endpoint-url</c>, else
    /// <c>AWS_ENDPOINT_URL_CLOUDWATCH</c>, else <c>AWS_ENDPOINT_URL</c>); null: the region's endpoint.
    /// </summary>
    public string? CloudWatchEndpointUrl { get; init; }

    /// <summary>
    /// SageMaker Metrics (BatchGetMetrics, live training progress) override (<c>--sagemaker-metrics-endpoint-url</c>,
    /// else <c>AWS_ENDPOINT_URL_SAGEMAKER_METRICS</c>, else <c>AWS_ENDPOINT_URL</c>); null: the region's endpoint.
    /// </summary>
    public string? SageMakerMetricsEndpointUrl { get; init; }

    /// <summary>
    /// Minimum time between two reads of one running job's progress or one endpoint's health
    /// (<c>--monitoring-interval</c>, default 1 minute: the documented polling cost).
    /// </summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);
}
