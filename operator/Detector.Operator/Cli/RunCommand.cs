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
    private static readonly Option<string?> s_kubeconfig = new("--kubeconfig") { Description = "Path of a kubeconfig file (default: in-cluster config in a pod, else KUBECONFIG or ~/.kube/config)." };
    private static readonly Option<string?> s_context = new("--context") { Description = "kubeconfig context to use (default: the current context)." };
    private static readonly Option<string?> s_namespace = new("--namespace", "-n") { Description = "Watch only this namespace." };
    private static readonly Option<string?> s_watchNamespaces = new("--watch-namespaces") { Description = "Comma-separated namespaces to watch (default: all)." };
    private static readonly Option<int> s_workers = new("--workers") { Description = "Parallel reconciles per kind.", DefaultValueFactory = _ => 2 };
    private static readonly Option<bool> s_leaderElect = new("--leader-elect") { Description = "Elect a leader through a Lease, so several replicas are safe.", DefaultValueFactory = _ => true };
    private static readonly Option<string> s_leaseName = new("--lease-name") { Description = "Name of the leader election Lease.", DefaultValueFactory = _ => "detector-operator" };
    private static readonly Option<string?> s_leaseNamespace = new("--lease-namespace") { Description = "Namespace of the Lease (default: POD_NAMESPACE)." };
    private static readonly Option<string> s_metricsAddress = new("--metrics-address") { Description = "Address of /metrics, /healthz and /readyz, e.g. :8080; empty disables.", DefaultValueFactory = _ => ":8080" };
    private static readonly Option<string?> s_image = new("--image") { Description = "Image of the dataset Jobs: the operator's own (default: DETECTOR_IMAGE)." };
    private static readonly Option<string?> s_jobServiceAccount = new("--job-service-account") { Description = "Service account of dataset Jobs whose Dataset names none (it carries their S3 access)." };
    private static readonly Option<int> s_jobBackoffLimit = new("--job-backoff-limit") { Description = "Pod retries before a dataset Job fails.", DefaultValueFactory = _ => 2 };
    private static readonly Option<int> s_jobTtl = new("--job-ttl-seconds") { Description = "Seconds a finished dataset Job is kept.", DefaultValueFactory = _ => 7 * 24 * 3600 };
    private static readonly Option<string?> s_policyFile = new("--policy-file") { Description = "Namespace policy (YAML/JSON): S3 prefixes, roles and service accounts per namespace." };
    private static readonly Option<string?> s_s3Endpoint = new("--s3-endpoint-url") { Description = "S3 endpoint override for S3-compatible stores (default: DETECTOR_S3_ENDPOINT_URL, else AWS)." };
    private static readonly Option<bool?> s_s3PathStyle = new("--s3-force-path-style") { Description = "Path-style S3 addressing (default: on when an endpoint is set)." };
    private static readonly Option<bool?> s_s3Checksum = new("--s3-checksum-when-required") { Description = "Checksums only when S3 requires them, no aws-chunked uploads (default: on when an endpoint is set)." };
    private static readonly Option<string> s_pollInterval = new("--poll-interval") { Description = "How often running Jobs are looked at again: seconds, or 30s, 2m.", DefaultValueFactory = _ => "30s" };
    private static readonly Option<string> s_logFormat = new("--log-format") { Description = "json (one object per line) or text.", DefaultValueFactory = _ => "json" };
    private static readonly Option<LogLevel> s_logLevel = new("--log-level") { Description = "Minimum log level.", DefaultValueFactory = _ => LogLevel.Information };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("run", "Runs the operator: watches the Detector kinds and reconciles them.");
        foreach (var option in new Option[] { s_kubeconfig, s_context, s_namespace, s_watchNamespaces, s_workers, s_leaderElect, s_leaseName,
            s_leaseNamespace, s_metricsAddress, s_image, s_jobServiceAccount, s_jobBackoffLimit, s_jobTtl, s_policyFile, s_s3Endpoint,
            s_s3PathStyle, s_s3Checksum, s_pollInterval, s_logFormat, s_logLevel })
            command.Options.Add(option);
        command.SetAction(async (parseResult, ct) =>
        {
            OperatorSettings settings;
            try
            {
                settings = ToSettings(parseResult, Environment.GetEnvironmentVariable);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"detector run: {e.Message}");
                return 2;
            }
            return await OperatorHost.RunAsync(settings, ct);
        });
        return command;
    }

    /// <summary>Pure: the settings from parsed flags, falling back to environment variables read through <paramref name="env"/>.</summary>
    public static OperatorSettings ToSettings(ParseResult parsed, Func<string, string?> env)
    {
        var storage = S3StorageSettings.FromVariables(env);
        var endpoint = parsed.GetValue(s_s3Endpoint) ?? storage.ServiceUrl;
        var hasEndpoint = !string.IsNullOrEmpty(endpoint);
        storage = storage with
        {
            ServiceUrl = endpoint,
            ForcePathStyle = parsed.GetValue(s_s3PathStyle) ?? (storage.ForcePathStyle || hasEndpoint),
            ChecksumWhenRequired = parsed.GetValue(s_s3Checksum) ?? (storage.ChecksumWhenRequired || hasEndpoint),
        };
        var podNamespace = env("POD_NAMESPACE");
        return new OperatorSettings
        {
            Kubeconfig = parsed.GetValue(s_kubeconfig),
            Context = parsed.GetValue(s_context),
            Namespaces = Namespaces(parsed.GetValue(s_namespace), parsed.GetValue(s_watchNamespaces)),
            Workers = parsed.GetValue(s_workers),
            LeaderElection = new LeaderElectionOptions
            {
                Enabled = parsed.GetValue(s_leaderElect),
                LeaseName = parsed.GetValue(s_leaseName)!,
                LeaseNamespace = parsed.GetValue(s_leaseNamespace) ?? podNamespace ?? "",
                Identity = env("POD_NAME") ?? Environment.MachineName,
            },
            MetricsAddress = parsed.GetValue(s_metricsAddress),
            PolicyFile = parsed.GetValue(s_policyFile),
            Storage = storage,
            PollInterval = ParseDuration(parsed.GetValue(s_pollInterval)!, "--poll-interval"),
            LogFormat = parsed.GetValue(s_logFormat)!,
            LogLevel = parsed.GetValue(s_logLevel),
            Jobs = new DatasetJobSettings
            {
                Image = parsed.GetValue(s_image) ?? env("DETECTOR_IMAGE") ?? "",
                DefaultServiceAccountName = parsed.GetValue(s_jobServiceAccount),
                // The Job gets where and how to reach storage, never the operator's own credentials.
                S3EndpointUrl = storage.ServiceUrl,
                S3ForcePathStyle = storage.ForcePathStyle,
                S3ChecksumWhenRequired = storage.ChecksumWhenRequired,
                BackoffLimit = parsed.GetValue(s_jobBackoffLimit),
                TtlSecondsAfterFinished = parsed.GetValue(s_jobTtl),
            },
        };
    }

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
}
