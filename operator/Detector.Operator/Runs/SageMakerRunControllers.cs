using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.TrainingRuns;
using Detector.Operator.TuningRuns;
using k8s;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Runs;

/// <summary>How the host serves TrainingRuns and TuningRuns: one SageMaker client and one metrics set for both controllers.</summary>
public static class SageMakerRunControllers
{
    /// <summary>The served-kind entry: both kinds need a region that has the Object Detection image.</summary>
    public static Hosting.ServedKind Served { get; } = new($"{TrainingRun.KindName}, {TuningRun.KindName}",
        s => ObjectDetectionImage.Problem(s.AwsRegion), Register);

    /// <summary>Registers both controllers with the host's shared SageMaker client, events and registry.</summary>
    public static void Register(ControllerManager manager, Hosting.HostServices host)
    {
        var settings = host.Settings;
        var runSettings = new SageMakerRunSettings
        {
            Region = settings.AwsRegion,
            PollInterval = settings.PollInterval,
            Policy = string.IsNullOrEmpty(settings.PolicyFile) ? null : Policy.NamespacePolicy.Load(settings.PolicyFile),
            LiveMetrics = LiveMetricsClient(settings, host.Clock, host.AwsMetrics.For("SageMakerMetrics")),
            ProgressInterval = settings.Monitoring.Interval,
        };
        Register(manager, host.Client, host.SageMaker, host.Events, new TrainingMetrics(host.Registry), runSettings, settings.Workers,
            host.Clock, host.Logs);
    }

    /// <summary>Registers the TrainingRun and TuningRun controllers with <paramref name="manager"/>.</summary>
    public static void Register(ControllerManager manager, IKubernetes client, ISageMaker sageMaker, IEventRecorder events,
        TrainingMetrics metrics, SageMakerRunSettings settings, int workers, TimeProvider clock, ILoggerFactory logs)
    {
        var datasets = manager.Cached(KubeResources.Dataset, new KubeStore<Dataset>(client, KubeResources.Dataset));
        var training = new TrainingRunReconciler(manager.Cached(KubeResources.TrainingRun, new KubeStore<TrainingRun>(client, KubeResources.TrainingRun)), datasets, sageMaker, events,
            metrics, settings, clock, logs.CreateLogger<TrainingRunReconciler>());
        // A run waiting for its Dataset starts as soon as the Dataset's status says Ready, not at the next poll.
        manager.Register(KubeResources.TrainingRun, training, new ControllerOptions { Workers = workers })
            .Watches<Dataset>(KubeResources.Dataset, (dataset, runs) => Referrers.Of(dataset, runs, r => r.Spec.DatasetRef));
        var tuning = new TuningRunReconciler(manager.Cached(KubeResources.TuningRun, new KubeStore<TuningRun>(client, KubeResources.TuningRun)), datasets, sageMaker, events,
            metrics, settings, clock, logs.CreateLogger<TuningRunReconciler>());
        manager.Register(KubeResources.TuningRun, tuning, new ControllerOptions { Workers = workers })
            .Watches<Dataset>(KubeResources.Dataset, (dataset, runs) => Referrers.Of(dataset, runs, r => r.Spec.DatasetRef));
    }

    /// <summary>
    /// SageMaker Metrics for the live progress of running jobs (one per process, like the SageMaker client): the region's
    /// endpoint, or the override (<c>--sagemaker-metrics-endpoint-url</c> and its variables: emulators, tests), with the
    /// SageMaker client's credentials. Null without a region.
    /// </summary>
    public static SageMakerMetricsClient? LiveMetricsClient(Hosting.OperatorSettings settings, TimeProvider clock,
        Action<SageMakerAttempt>? onAttempt = null)
    {
        if (string.IsNullOrEmpty(settings.AwsRegion))
            return null;
        var url = settings.Monitoring.SageMakerMetricsEndpointUrl;
        return new SageMakerMetricsClient(new SageMakerClientOptions
        {
            Region = settings.AwsRegion, ServiceUrl = string.IsNullOrEmpty(url) ? null : new Uri(url), Credentials = settings.SageMaker.Credentials,
            TimeProvider = clock, RequestsPerSecond = 2, Burst = 2, OnAttempt = onAttempt,
            // Best effort: with more running jobs than reads per minute allow, a read is skipped (the figures stay) rather
            // than holding a reconcile worker, which would delay every Describe and create behind it. Measured with 200
            // running jobs (bench/Detector.RuntimeBench): holding capped the whole controller at the 2/s of this limit.
            MaxRateLimitWait = TimeSpan.Zero,
        });
    }

    /// <summary>
    /// The SageMaker client of the operator's settings: the region's endpoint, or the override (tests, emulators);
    /// credentials from the default chain unless given. Without a region the runs report OperatorMisconfigured before
    /// any call, so the client then gets a placeholder region that is never used to sign a call. Each HTTP attempt is
    /// reported to <paramref name="onAttempt"/> (the operator's <see cref="AwsMetrics"/>).
    /// </summary>
    public static SageMakerClient CreateClient(string? region, string? endpointUrl, Amazon.Runtime.AWSCredentials? credentials,
        double requestsPerSecond, TimeProvider clock, Action<SageMakerAttempt>? onAttempt = null) => SageMakerClient.Create(new SageMakerClientOptions
    {
        OnAttempt = onAttempt,
        Region = string.IsNullOrEmpty(region) ? "us-east-1" : region,
        ServiceUrl = string.IsNullOrEmpty(endpointUrl) ? null : new Uri(endpointUrl),
        Credentials = credentials,
        RequestsPerSecond = requestsPerSecond,
        TimeProvider = clock,
    });
}
