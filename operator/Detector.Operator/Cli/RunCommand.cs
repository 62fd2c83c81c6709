using System.CommandLine;
using System.Globalization;
using Detector.Operator.Datasets;
using Detector.Operator.Hosting;
using Detector.Operator.Runtime;
using Detector.Preprocessing.Storage;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Cli;

/// <summary>`detector run`: Runs the operator: watches the Detector kinds and reconciles them.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var (command, options) = Build();
        command.SetAction(async (parseResult, ct) =>
        {
            OperatorSettings settings;
            try
            {
                settings = ToSettings(parseResult, options, Environment.GetEnvironmentVariable);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"detector run: {e.Message}");
                return 2;
            }
            Kube.KubeJsonResolver.UseReflectionOnly();
            return await OperatorHost.RunAsync(AwsRegionFallback.Apply(settings), ct);
        });
        return command;
    }

    /// <summary>
    /// Pure: the settings <c>detector run &lt;args&gt;</c> would run with, falling back to environment variables read
    /// through <paramref name="env"/>. Throws <see cref="FormatException"/> naming the flag on bad input.
    /// </summary>
    public static OperatorSettings ParseSettings(IReadOnlyList<string> args, Func<string, string?> env)
    {
        var (command, options) = Build();
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
            throw new FormatException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return ToSettings(parsed, options, env);
    }

    private static (Command Command, RunOptions Options) Build()
    {
        var command = new Command("run", "Runs the operator: watches the Detector kinds and reconciles them.");
        var options = new RunOptions();
        foreach (var option in options.All)
            command.Options.Add(option);
        return (command, options);
    }

    private static OperatorSettings ToSettings(ParseResult parsed, RunOptions o, Func<string, string?> env)
    {
        var storage = S3StorageSettings.FromVariables(env);
        var endpoint = parsed.GetValue(o.S3Endpoint) ?? storage.ServiceUrl;
        var hasEndpoint = !string.IsNullOrEmpty(endpoint);
        var region = Blank(parsed.GetValue(o.AwsRegion)) ?? storage.Region;
        storage = storage with
        {
            ServiceUrl = endpoint,
            Region = region,
            ForcePathStyle = parsed.GetValue(o.S3PathStyle) ?? (storage.ForcePathStyle || hasEndpoint),
            ChecksumWhenRequired = parsed.GetValue(o.S3Checksum) ?? (storage.ChecksumWhenRequired || hasEndpoint),
        };
        // As client-go decides it: the API server's service variables are set in every pod.
        var inPod = !string.IsNullOrEmpty(env("KUBERNETES_SERVICE_HOST"));
        var home = env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new OperatorSettings
        {
            KubeconfigFiles = KubeClientConfig.Files(parsed.GetValue(o.Kubeconfig), env("KUBECONFIG"), parsed.GetValue(o.Context), inPod, home),
            Context = parsed.GetValue(o.Context),
            InPod = inPod,
            AwsRegion = region,
            Namespaces = Namespaces(parsed.GetValue(o.Namespace), parsed.GetValue(o.WatchNamespaces)),
            Workers = parsed.GetValue(o.Workers),
            LeaderElection = new LeaderElectionOptions
            {
                // On in a pod (replicas must not both act), off on a laptop (one process, nothing to elect), as kubebuilder does.
                Enabled = parsed.GetValue(o.LeaderElect) ?? inPod,
                LeaseName = parsed.GetValue(o.LeaseName)!,
                // Empty: the host takes the kubeconfig context's namespace, else "default".
                LeaseNamespace = Blank(parsed.GetValue(o.LeaseNamespace)) ?? Blank(env("POD_NAMESPACE")) ?? "",
                Identity = LeaderElectionOptions.UniqueIdentity(env("POD_NAME") ?? Environment.MachineName),
            },
            MetricsAddress = parsed.GetValue(o.MetricsAddress) ?? MetricsEndpoint.Default(inPod),
            PolicyFile = parsed.GetValue(o.PolicyFile),
            Storage = storage,
            SageMaker = new SageMakerSettings
            {
                EndpointUrl = Blank(parsed.GetValue(o.SageMakerEndpoint)) ?? Blank(env("DETECTOR_SAGEMAKER_ENDPOINT_URL")),
                RequestsPerSecond = parsed.GetValue(o.SageMakerRate),
            },
            Monitoring = new MonitoringSettings
            {
                // The AWS SDKs' service-specific variables, then the global one, as `detector logs` and `metrics` read them.
                CloudWatchEndpointUrl = Blank(parsed.GetValue(o.CloudWatchEndpoint)) ?? Blank(env("AWS_ENDPOINT_URL_CLOUDWATCH"))
                    ?? Blank(env("AWS_ENDPOINT_URL")),
                SageMakerMetricsEndpointUrl = Blank(parsed.GetValue(o.SageMakerMetricsEndpoint)) ?? Blank(env(MetricsCommand.EndpointVariable))
                    ?? Blank(env("AWS_ENDPOINT_URL")),
                Interval = ParseDuration(parsed.GetValue(o.MonitoringInterval)!, "--monitoring-interval"),
            },
            PollInterval = ParseDuration(parsed.GetValue(o.PollInterval)!, "--poll-interval"),
            DriftInterval = ParseDuration(parsed.GetValue(o.DriftInterval)!, "--drift-interval"),
            StalledRecheckInterval = ParseDuration(parsed.GetValue(o.StalledRecheck)!, "--stalled-recheck-interval"),
            MemoryTrimInterval = parsed.GetValue(o.MemoryTrimInterval)!.Trim() == "0" ? TimeSpan.Zero
                : ParseDuration(parsed.GetValue(o.MemoryTrimInterval)!, "--memory-trim-interval"),
            // Log collectors parse JSON in a pod; a person reads a terminal.
            LogFormat = parsed.GetValue(o.LogFormat) ?? (inPod ? "json" : "text"),
            LogLevel = parsed.GetValue(o.LogLevel),
            Jobs = new DatasetJobSettings
            {
                Image = Blank(parsed.GetValue(o.Image)) ?? Blank(env("DETECTOR_IMAGE")) ?? OperatorImage.Default,
                DefaultServiceAccountName = parsed.GetValue(o.JobServiceAccount),
                // The Job gets where and how to reach storage, never the operator's own credentials.
                S3EndpointUrl = storage.ServiceUrl,
                S3ForcePathStyle = storage.ForcePathStyle,
                S3ChecksumWhenRequired = storage.ChecksumWhenRequired,
                BackoffLimit = parsed.GetValue(o.JobBackoffLimit),
                TtlSecondsAfterFinished = parsed.GetValue(o.JobTtl),
            },
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Pure: <c>--namespace</c> and <c>--watch-namespaces</c> merged, trimmed and de-duplicated; empty means all.</summary>
    public static IReadOnlyList<string> Namespaces(string? single, string? list) =>
        [.. new[] { single }.Concat((list ?? "").Split(','))
            .Select(n => n?.Trim() ?? "")
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Pure: <c>45</c> (seconds), <c>30s</c>, <c>2m</c>, <c>1h</c> or a TimeSpan (<c>00:00:30</c>).</summary>
    public static TimeSpan ParseDuration(string value, string flag)
    {
        var text = value.Trim();
        var (number, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (unit)
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
            }
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
            return span;
        throw new FormatException($"{flag} '{value}' is not a positive duration (use 30s, 2m or 1h)");
    }

    /// <summary>The options of one <c>run</c> command instance (an option belongs to one command).</summary>
    private sealed class RunOptions
    {
        public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Path of a kubeconfig file (default: KUBECONFIG, a list merged as kubectl does; else the pod's service account in a pod; else ~/.kube/config)." };
        public Option<string?> Context { get; } = new("--context") { Description = "kubeconfig context to use (default: the current context)." };
        public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Watch only this namespace." };
        public Option<string?> WatchNamespaces { get; } = new("--watch-namespaces") { Description = "Comma-separated namespaces to watch (default: all)." };
        public Option<int> Workers { get; } = new("--workers") { Description = "Parallel reconciles per kind.", DefaultValueFactory = _ => 2 };
        public Option<bool?> LeaderElect { get; } = new("--leader-elect") { Description = "Elect a leader through a Lease, so several replicas are safe (default: on in a pod, off outside one)." };
        public Option<string> LeaseName { get; } = new("--lease-name") { Description = "Name of the leader election Lease.", DefaultValueFactory = _ => "detector-operator" };
        public Option<string?> LeaseNamespace { get; } = new("--lease-namespace") { Description = "Namespace of the Lease (default: POD_NAMESPACE in a pod, else the kubeconfig context's namespace, else default)." };
        // --metrics-address is the name of earlier releases; kubebuilder users know --metrics-bind-address.
        public Option<string?> MetricsAddress { get; } = new(MetricsEndpoint.Flag, "--metrics-address") { Description = $"Address of /metrics, /healthz and /readyz, e.g. :8080 or 127.0.0.1:0 (a free port); 0 disables (default: {MetricsEndpoint.InPodDefault} in a pod, {MetricsEndpoint.LocalDefault} outside one)." };
        public Option<string?> Image { get; } = new("--image") { Description = $"Image of the dataset Jobs: the operator's own (default: DETECTOR_IMAGE, else {OperatorImage.Default})." };
        public Option<string?> AwsRegion { get; } = new("--aws-region", "--region") { Description = "AWS region of S3 and SageMaker (default: AWS_REGION, AWS_DEFAULT_REGION, the AWS profile, instance metadata)." };
        public Option<string?> JobServiceAccount { get; } = new("--job-service-account") { Description = "Service account of dataset Jobs whose Dataset names none (it carries their S3 access)." };
        public Option<int> JobBackoffLimit { get; } = new("--job-backoff-limit") { Description = "Pod retries before a dataset Job fails.", DefaultValueFactory = _ => 2 };
        public Option<int> JobTtl { get; } = new("--job-ttl-seconds") { Description = "Seconds a finished dataset Job is kept.", DefaultValueFactory = _ => 7 * 24 * 3600 };
        public Option<string?> PolicyFile { get; } = new("--policy-file") { Description = "Namespace policy (YAML/JSON): roles, S3 prefixes, service accounts and http hosts per namespace." };
        public Option<string?> S3Endpoint { get; } = new("--s3-endpoint-url") { Description = "S3 endpoint override for S3-compatible stores (default: DETECTOR_S3_ENDPOINT_URL, else AWS)." };
        public Option<bool?> S3PathStyle { get; } = new("--s3-force-path-style") { Description = "Path-style S3 addressing (default: on when an endpoint is set)." };
        public Option<bool?> S3Checksum { get; } = new("--s3-checksum-when-required") { Description = "Checksums only when S3 requires them, no aws-chunked uploads (default: on when an endpoint is set)." };
        public Option<string?> SageMakerEndpoint { get; } = new("--sagemaker-endpoint-url") { Description = "SageMaker endpoint override for emulators and tests (default: DETECTOR_SAGEMAKER_ENDPOINT_URL, else AWS)." };
        public Option<double> SageMakerRate { get; } = new("--sagemaker-requests-per-second") { Description = "Global rate limit of SageMaker calls; 0 disables it.", DefaultValueFactory = _ => 5 };
        public Option<string?> CloudWatchEndpoint { get; } = new(MonitoringSettings.CloudWatchFlag) { Description = "CloudWatch endpoint override (endpoint health) for emulators and tests (default: AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL, else AWS)." };
        public Option<string?> SageMakerMetricsEndpoint { get; } = new(MonitoringSettings.SageMakerMetricsFlag) { Description = $"SageMaker Metrics endpoint override (live training progress) for emulators and tests (default: {MetricsCommand.EndpointVariable}, AWS_ENDPOINT_URL, else AWS)." };
        public Option<string> MonitoringInterval { get; } = new("--monitoring-interval") { Description = "Minimum time between two reads of a running job's progress or an endpoint's health: seconds, or 30s, 1m.", DefaultValueFactory = _ => "1m" };
        public Option<string> PollInterval { get; } = new("--poll-interval") { Description = "How often running Jobs are looked at again: seconds, or 30s, 2m.", DefaultValueFactory = _ => "30s" };
        public Option<string> DriftInterval { get; } = new("--drift-interval") { Description = "How often a settled DetectionEndpoint is described again, so changes made outside the operator are undone: seconds, or 30s, 5m.", DefaultValueFactory = _ => "5m" };
        public Option<string> StalledRecheck { get; } = new("--stalled-recheck-interval") { Description = "How often an object stalled on the operator's credentials, IAM permissions, RBAC or an AWS quota is looked at again (any change to it counts at once): seconds, or 30s, 5m.", DefaultValueFactory = _ => "5m" };
        public Option<string> MemoryTrimInterval { get; } = new("--memory-trim-interval") { Description = "How often memory the operator no longer uses is given back to the operating system (a full garbage collection and malloc_trim): seconds, or 30s, 2m; 0 never.", DefaultValueFactory = _ => "30s" };
        public Option<string?> LogFormat { get; } = new("--log-format") { Description = "json (one object per line) or text (default: json in a pod, text outside one)." };
        public Option<LogLevel> LogLevel { get; } = new("--log-level") { Description = "Minimum log level.", DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information };

        public IEnumerable<Option> All => [Kubeconfig, Context, Namespace, WatchNamespaces, Workers, LeaderElect, LeaseName, LeaseNamespace,
            MetricsAddress, Image, JobServiceAccount, JobBackoffLimit, JobTtl, PolicyFile, S3Endpoint, S3PathStyle, S3Checksum,
            AwsRegion, SageMakerEndpoint, SageMakerRate, CloudWatchEndpoint, SageMakerMetricsEndpoint, MonitoringInterval, PollInterval, DriftInterval, StalledRecheck, MemoryTrimInterval, LogFormat, LogLevel];
    }
}
