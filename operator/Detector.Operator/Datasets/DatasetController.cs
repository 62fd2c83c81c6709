using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Hosting;
using Detector.Operator.Kube;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Datasets;

/// <summary>How the host serves Datasets: the reconciler over the Kubernetes API and S3, watching the Jobs it owns.</summary>
public static class DatasetController
{
    /// <summary>
    /// The served-kind entry: the operator reads manifest.json from S3 (and deletes prepared data); without a region it
    /// still creates the Jobs (they have their own identity) and says on the Dataset why it cannot read their result.
    /// </summary>
    public static ServedKind Served { get; } = new(Dataset.KindName, ServedKinds.MissingS3Region, Register);

    /// <summary>Registers the Dataset controller and its watch on owned Jobs.</summary>
    public static void Register(Runtime.ControllerManager manager, HostServices host)
    {
        var settings = host.Settings;
        var client = host.Client;
        var admit = DatasetAdmission.Create(settings.PolicyFile);
        var jobs = new DatasetJobTracker(manager.Cached(KubeResources.Job, new KubeStore<V1Job>(client, KubeResources.Job)), new CorePodStore(client),
            host.Logs.CreateLogger<DatasetJobTracker>(), new CoreServiceAccountStore(client));
        var reconciler = new DatasetReconciler(manager.Cached(KubeResources.Dataset, new KubeStore<Dataset>(client, KubeResources.Dataset)), jobs, host.Stores, host.Events,
            new DatasetReconcilerSettings
            {
                Jobs = settings.Jobs, PollInterval = settings.PollInterval, Admit = admit, StorageProblem = ServedKinds.MissingS3Region(settings),
            },
            host.Clock, host.Logs.CreateLogger<DatasetReconciler>());
        manager.Register(KubeResources.Dataset, reconciler, new Runtime.ControllerOptions { Workers = settings.Workers })
            .Owns<V1Job>(KubeResources.Job);
    }
}
