using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Operator.TrainingRuns;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>A TrainingRun reconciler wired to InMemoryKube and <see cref="InMemorySageMaker"/>.</summary>
public sealed class TrainingRunHarness : RunHarness<TrainingRun, TrainingRunSpec, TrainingRunStatus>
{
    /// <summary>The poll interval of the harness.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    /// <summary>Creates the harness holding <paramref name="run"/> (default: the sample) and the Dataset.</summary>
    public TrainingRunHarness(TrainingRun? run = null, Dataset? dataset = null, string? region = RunSamples.Region)
        : base(Key, [run ?? RunSamples.TrainingRun(), dataset ?? RunSamples.Dataset()])
    {
        Reconciler = new TrainingRunReconciler(Kube.Store<TrainingRun>(), Kube.Store<Dataset>(), SageMaker, Events, Metrics,
            new SageMakerRunSettings { Region = region, PollInterval = PollInterval }, Clock, NullLogger<TrainingRunReconciler>.Instance);
    }

    /// <summary>The key of the sample run.</summary>
    public static ObjectKey Key { get; } = new(RunSamples.Namespace, "aquarium-ssd");

    /// <summary>The reconciler under test.</summary>
    public TrainingRunReconciler Reconciler { get; }

    /// <summary>The Ready condition of the stored run.</summary>
    public k8s.Models.V1Condition Ready => Conditions.Get(Status.Conditions, Conditions.Ready)!;

    /// <summary>Runs one reconcile of the sample.</summary>
    public Task<ReconcileResult> ReconcileAsync() => Reconciler.ReconcileAsync(Key, CancellationToken.None);

    /// <summary>Deletes the stored run (the finalizer keeps it, with a deletionTimestamp).</summary>
    public Task DeleteAsync() => Kube.Store<TrainingRun>().DeleteAsync(Key, CancellationToken.None);
}
