using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.TrainingRuns;
using Detector.Operator.TuningRuns;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.TuningRuns;

/// <summary>A TuningRun reconciler wired to InMemoryKube and <see cref="InMemorySageMaker"/>.</summary>
public sealed class TuningRunHarness : RunHarness<TuningRun, TuningRunSpec, TuningRunStatus>
{
    /// <summary>The poll interval of the harness.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    /// <summary>Creates the harness holding the objects (default: the sample TuningRun and the Ready Dataset).</summary>
    public TuningRunHarness(params IKubernetesObject<V1ObjectMeta>[] objects)
        : base(Key, objects.Length > 0 ? objects : [RunSamples.TuningRun(), RunSamples.Dataset()])
    {
        Reconciler = new TuningRunReconciler(Kube.Store<TuningRun>(), Kube.Store<Dataset>(), SageMaker, Events, Metrics,
            new SageMakerRunSettings { Region = RunSamples.Region, PollInterval = PollInterval }, Clock, NullLogger<TuningRunReconciler>.Instance);
    }

    /// <summary>The key of the sample run.</summary>
    public static ObjectKey Key { get; } = new(RunSamples.Namespace, "aquarium-hpo");

    /// <summary>The reconciler under test.</summary>
    public TuningRunReconciler Reconciler { get; }

    /// <summary>The Ready condition of the stored sample run.</summary>
    public V1Condition Ready => Conditions.Get(Status.Conditions, Conditions.Ready)!;

    /// <summary>Runs one reconcile of the sample.</summary>
    public Task<ReconcileResult> ReconcileAsync() => Reconciler.ReconcileAsync(Key, CancellationToken.None);
}
