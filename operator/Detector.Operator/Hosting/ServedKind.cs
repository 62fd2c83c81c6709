using Detector.Operator.Runtime;
using Detector.Preprocessing.Storage;
using k8s;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Hosting;

/// <summary>What a kind's registration gets from the host.</summary>
/// <param name="Client">The Kubernetes client.</param>
/// <param name="Settings">The operator's settings.</param>
/// <param name="Events">Event recorder for the reconcilers' own (transition) Events.</param>
/// <param name="Stores">Object storage by URI scheme (the S3 client is created on first use).</param>
/// <param name="SageMaker">The SageMaker client (signed, retried, rate-limited), shared by every kind.</param>
/// <param name="Registry">The Prometheus registry for kind-specific metrics.</param>
/// <param name="Clock">The clock.</param>
/// <param name="Logs">Logger factory.</param>
/// <param name="AwsMetrics">The AWS request metrics every AWS client of the process reports its attempts to.</param>
public sealed record HostServices(
    IKubernetes Client,
    OperatorSettings Settings,
    IEventRecorder Events,
    Func<StorageUri, IObjectStore> Stores,
    Aws.ISageMaker SageMaker,
    Prometheus.CollectorRegistry Registry,
    TimeProvider Clock,
    ILoggerFactory Logs,
    Aws.AwsMetrics AwsMetrics);

/// <summary>
/// One kind the operator serves: what configuration it cannot fully work without (logged as a warning at start-up; the
/// kind is served all the same, and its objects say what to set in their Ready condition), and how its controller is
/// registered. The host serves every entry of <see cref="ServedKinds.All"/>.
/// </summary>
/// <param name="Kind">The kind name.</param>
/// <param name="MissingConfiguration">Pure: what these settings keep this kind from doing (naming the flag to set), or null.</param>
/// <param name="Register">Registers the kind's controller (and its owned kinds) with the manager.</param>
public sealed record ServedKind(string Kind, Func<OperatorSettings, string?> MissingConfiguration, Action<ControllerManager, HostServices> Register);

/// <summary>The kinds <c>detector run</c> serves. A new kind's controller is one more entry in <see cref="All"/>.</summary>
public static class ServedKinds
{
    /// <summary>Every served kind, in dependency order.</summary>
    public static IReadOnlyList<ServedKind> All { get; } =
    [
        Datasets.DatasetController.Served,
        Runs.SageMakerRunControllers.Served,
        RegisteredModels.RegisteredModelController.Served,
        DetectionEndpoints.DetectionEndpointController.Served,
    ];

    /// <summary>Pure: the start-up problems of <paramref name="kinds"/> with these settings, one per distinct problem.</summary>
    public static IReadOnlyList<string> Problems(OperatorSettings settings, IEnumerable<ServedKind> kinds) =>
        [.. kinds
            .Select(k => (k.Kind, Problem: k.MissingConfiguration(settings)))
            .Where(p => p.Problem is not null)
            .GroupBy(p => p.Problem!, StringComparer.Ordinal)
            .Select(g => $"{g.Key} (needed by {string.Join(", ", g.Select(p => p.Kind))})")];

    /// <summary>
    /// Pure: why S3 cannot be reached — neither a region nor an endpoint override — or null. The SDK would otherwise
    /// throw "No RegionEndpoint or ServiceURL configured" on the first reconcile.
    /// </summary>
    public static string? MissingS3Region(OperatorSettings settings) =>
        string.IsNullOrEmpty(settings.Storage.Region) && string.IsNullOrEmpty(settings.Storage.ServiceUrl)
            ? $"No AWS region is configured: {ReconcileErrors.NoRegionFix}"
            : null;
}
