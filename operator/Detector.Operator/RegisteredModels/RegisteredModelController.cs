using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using k8s;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.RegisteredModels;

/// <summary>How the host serves RegisteredModels: the shared SageMaker client, its own metrics.</summary>
public static class RegisteredModelController
{
    /// <summary>The served-kind entry: versions need a region that has the Object Detection inference image.</summary>
    public static Hosting.ServedKind Served { get; } = new(RegisteredModel.KindName, s => ObjectDetectionImage.Problem(s.AwsRegion), Register);

    /// <summary>Registers the controller with the host's shared SageMaker client, events and registry.</summary>
    public static void Register(ControllerManager manager, Hosting.HostServices host) =>
        Register(manager, host.Client, host.SageMaker, host.Stores, host.Events, new RegisteredModelMetrics(host.Registry),
            new SageMakerRunSettings { Region = host.Settings.AwsRegion, PollInterval = host.Settings.PollInterval },
            host.Settings.Workers, host.Clock, host.Logs);

    /// <summary>Registers the RegisteredModel controller with <paramref name="manager"/>.</summary>
    public static void Register(ControllerManager manager, IKubernetes client, ISageMaker sageMaker,
        Func<Preprocessing.Storage.StorageUri, Preprocessing.Storage.IObjectStore> stores, IEventRecorder events,
        RegisteredModelMetrics metrics, SageMakerRunSettings settings, int workers, TimeProvider clock, ILoggerFactory logs)
    {
        var reconciler = new RegisteredModelReconciler(manager.Cached(KubeResources.RegisteredModel, new KubeStore<RegisteredModel>(client, KubeResources.RegisteredModel)),
            manager.Cached(KubeResources.TrainingRun, new KubeStore<TrainingRun>(client, KubeResources.TrainingRun)),
            manager.Cached(KubeResources.TuningRun, new KubeStore<TuningRun>(client, KubeResources.TuningRun)),
            sageMaker, stores, events, metrics, settings, clock, logs.CreateLogger<RegisteredModelReconciler>());
        // A completed source run registers its artifact at once, not at the next poll.
        manager.Register(KubeResources.RegisteredModel, reconciler, new ControllerOptions { Workers = workers })
            .Watches<TrainingRun>(KubeResources.TrainingRun, (run, models) => Runtime.Referrers.Of(run, models, m => m.Spec.Source.TrainingRunRef))
            .Watches<TuningRun>(KubeResources.TuningRun, (run, models) => Runtime.Referrers.Of(run, models, m => m.Spec.Source.TuningRunRef));
    }
}
