using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes;
using Detector.Operator.Validation;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Datasets;

/// <summary>A Dataset reconciler wired to in-memory fakes, with helpers to play the Job controller's part.</summary>
public sealed class DatasetReconcilerHarness
{
    /// <summary>The poll interval of the harness.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    /// <summary>Creates the harness holding <paramref name="dataset"/> (default: the sample).</summary>
    public DatasetReconcilerHarness(Dataset? dataset = null, Func<Dataset, IReadOnlyList<FieldError>>? admit = null)
    {
        // The Jobs' default service account exists, as the chart's values.yaml asks the platform team to make it.
        Kube = new InMemoryKube(Clock, dataset ?? DatasetSamples.Dataset(), DatasetSamples.ServiceAccount(DatasetSamples.JobSettings.DefaultServiceAccountName!));
        Reconciler = new DatasetReconciler(
            Kube.Store<Dataset>(),
            new DatasetJobTracker(Kube.Store<V1Job>(), Kube.Store<V1Pod>(), NullLogger<DatasetJobTracker>.Instance, Kube.Store<V1ServiceAccount>()),
            _ => Storage,
            Events,
            new DatasetReconcilerSettings { Jobs = DatasetSamples.JobSettings, PollInterval = PollInterval, Admit = admit ?? (_ => []) },
            Clock,
            NullLogger<DatasetReconciler>.Instance);
    }

    /// <summary>The key of the sample Dataset.</summary>
    public static ObjectKey Key { get; } = new(DatasetSamples.Namespace, DatasetSamples.Name);

    /// <summary>The fake clock.</summary>
    public FakeTimeProvider Clock { get; } = new(DatasetSamples.Now);

    /// <summary>The fake API.</summary>
    public InMemoryKube Kube { get; }

    /// <summary>The fake object store.</summary>
    public MemoryObjectStore Storage { get; } = new();

    /// <summary>Events recorded.</summary>
    public RecordingEvents Events { get; } = new();

    /// <summary>The reconciler under test.</summary>
    public DatasetReconciler Reconciler { get; }

    /// <summary>The stored Dataset.</summary>
    public Dataset Dataset => Kube.Get<Dataset>(Key)!;

    /// <summary>The stored Jobs.</summary>
    public IReadOnlyList<V1Job> Jobs => Kube.All<V1Job>();

    /// <summary>Runs one reconcile of the sample.</summary>
    public Task<ReconcileResult> ReconcileAsync() => Reconciler.ReconcileAsync(Key, CancellationToken.None);

    /// <summary>The output prefix of the stored Dataset's current spec.</summary>
    public string Prefix => DatasetNames.OutputPrefix(Dataset, DatasetNames.SpecHash(Dataset));

    /// <summary>Marks a Job Complete, as the Job controller would.</summary>
    public Task SucceedAsync(string jobName) => SetJobConditionAsync(jobName, "Complete", "CompletionsReached", "Reached expected number of succeeded pods");

    /// <summary>Marks a Job Failed, as the Job controller would.</summary>
    public Task FailAsync(string jobName) => SetJobConditionAsync(jobName, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");

    /// <summary>Writes manifest.json into the current output prefix.</summary>
    public void WriteManifest() => Storage.PutManifest(DatasetNames.ManifestUri(Prefix), DatasetStatusMapperTests.Manifest());

    /// <summary>Changes the stored Dataset (spec edits bump its generation).</summary>
    public async Task EditAsync(Action<Dataset> edit)
    {
        var dataset = Dataset;
        edit(dataset);
        await Kube.Store<Dataset>().UpdateAsync(dataset, CancellationToken.None);
    }

    private async Task SetJobConditionAsync(string jobName, string type, string reason, string message)
    {
        var job = Kube.Get<V1Job>(new ObjectKey(DatasetSamples.Namespace, jobName)) ?? throw new InvalidOperationException($"No Job {jobName}");
        job.Status = new V1JobStatus
        {
            Conditions = [new V1JobCondition { Type = type, Status = "True", Reason = reason, Message = message }],
            Succeeded = type == "Complete" ? job.Spec.Completions ?? 1 : 0,
            Failed = type == "Failed" ? 3 : 0,
        };
        await Kube.Store<V1Job>().UpdateStatusAsync(job, CancellationToken.None);
    }
}
