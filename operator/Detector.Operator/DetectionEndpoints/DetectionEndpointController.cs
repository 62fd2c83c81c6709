using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using k8s;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>How the host serves DetectionEndpoints.</summary>
public static class DetectionEndpointController
{
    /// <summary>
    /// The served-kind entry: SageMaker calls are signed for a region (the same start-up warning as the runs', so the
    /// host reports it once for all of them).
    /// </summary>
    public static Hosting.ServedKind Served { get; } = new(DetectionEndpoint.KindName,
        s => string.IsNullOrEmpty(s.AwsRegion) ? Runs.ObjectDetectionImage.Problem(null) : null, Register);

    /// <summary>Registers the controller with the host's shared SageMaker client, events and registry.</summary>
    public static void Register(ControllerManager manager, Hosting.HostServices host) =>
        Register(manager, host.Client, host.SageMaker, host.Events, new EndpointMetrics(host.Registry),
            new DetectionEndpointSettings
            {
                Region = host.Settings.AwsRegion,
                PollInterval = host.Settings.PollInterval,
                DriftInterval = host.Settings.DriftInterval,
                Policy = string.IsNullOrEmpty(host.Settings.PolicyFile) ? null : Policy.NamespacePolicy.Load(host.Settings.PolicyFile),
                Health = HealthMonitor(host),
            },
            host.Settings.Workers, host.Clock, host.Logs);

    // CloudWatch for endpoint health (one client per process): the region's endpoint, or the override
    // (--cloudwatch-endpoint-url and its variables: emulators, tests), with the SageMaker client's credentials. None
    // without a region.
    private static EndpointHealthMonitor? HealthMonitor(Hosting.HostServices host)
    {
        var settings = host.Settings;
        if (string.IsNullOrEmpty(settings.AwsRegion))
            return null;
        var url = settings.Monitoring.CloudWatchEndpointUrl;
        var client = new CloudWatchClient(new SageMakerClientOptions
        {
            Region = settings.AwsRegion, ServiceUrl = string.IsNullOrEmpty(url) ? null : new Uri(url), Credentials = settings.SageMaker.Credentials,
            TimeProvider = host.Clock, RequestsPerSecond = 2, Burst = 2, OnAttempt = host.AwsMetrics.For("CloudWatch"),
            MaxRateLimitWait = TimeSpan.Zero,   // best effort, as the live training progress
        });
        return new EndpointHealthMonitor(client, host.Registry, settings.Monitoring.Interval);
    }

    /// <summary>Registers the DetectionEndpoint controller with <paramref name="manager"/>.</summary>
    public static void Register(ControllerManager manager, IKubernetes client, ISageMaker sageMaker, IEventRecorder events,
        EndpointMetrics metrics, DetectionEndpointSettings settings, int workers, TimeProvider clock, ILoggerFactory logs)
    {
        var reconciler = new DetectionEndpointReconciler(
            manager.Cached(KubeResources.DetectionEndpoint, new KubeStore<DetectionEndpoint>(client, KubeResources.DetectionEndpoint)),
            manager.Cached(KubeResources.RegisteredModel, new KubeStore<RegisteredModel>(client, KubeResources.RegisteredModel)), sageMaker, events, metrics, settings, clock,
            logs.CreateLogger<DetectionEndpointReconciler>());
        // A newly approved version shows in the RegisteredModel's status: roll out then, not at the next periodic look.
        manager.Register(KubeResources.DetectionEndpoint, reconciler, new ControllerOptions { Workers = workers })
            .Watches<RegisteredModel>(KubeResources.RegisteredModel, ReferringEndpoints);
    }

    /// <summary>Pure: the endpoints in the model's namespace whose <c>modelRef</c> names it.</summary>
    public static IEnumerable<Runtime.ObjectKey> ReferringEndpoints(RegisteredModel model, IReadOnlyCollection<DetectionEndpoint> endpoints) =>
        Runtime.Referrers.Of(model, endpoints, e => e.Spec.ModelRef.Name);
}
