using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Datasets;

/// <summary>
/// Thin adapter between the Dataset reconciler and the Jobs (and their Pods and ServiceAccount) of the Kubernetes API:
/// get-or-create by deterministic name, observe (why pods cannot start, why they failed), delete.
/// </summary>
public sealed partial class DatasetJobTracker(IKubeStore<V1Job> jobs, IKubeStore<V1Pod> pods, ILogger<DatasetJobTracker> log,
    IKubeStore<V1ServiceAccount>? serviceAccounts = null)
{
    /// <summary>Container waiting reasons that mean the pod will not start without the user's help.</summary>
    public static readonly IReadOnlySet<string> StuckWaitingReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateContainerConfigError", "CreateContainerError", "ErrImagePull", "ImagePullBackOff", "InvalidImageName",
    };

    /// <summary>Label Kubernetes puts on a Job's pods (the older <c>batch.kubernetes.io/job-name</c> twin exists since 1.27 only).</summary>
    public const string JobNameLabel = "job-name";

    /// <summary>The Job with this name, observed; null when it does not exist.</summary>
    public async Task<JobObservation?> GetAsync(Dataset dataset, string name, JobStage stage, CancellationToken ct)
    {
        var job = await jobs.GetAsync(new ObjectKey(dataset.Metadata.NamespaceProperty ?? "", name), ct);
        return job is null ? null : await ObserveAsync(job, stage, ct);
    }

    /// <summary>
    /// Creates the Job; when the name is already taken (a create whose answer was lost, another replica, a restart)
    /// the existing Job is adopted, so one spec never gets two Jobs.
    /// </summary>
    public async Task<JobObservation> CreateAsync(Dataset dataset, V1Job job, JobStage stage, CancellationToken ct)
    {
        try
        {
            var created = await jobs.CreateAsync(job, ct);
            LogCreated(job.Metadata.Name, dataset.Metadata.NamespaceProperty, dataset.Metadata.Name);
            return JobObservation.From(created, stage);
        }
        catch (KubeConflictException)
        {
            var existing = await jobs.GetAsync(ObjectKey.Of(job), ct)
                ?? throw new InvalidOperationException($"Job {ObjectKey.Of(job)} already exists but cannot be read; retrying");
            LogAdopted(job.Metadata.Name, dataset.Metadata.NamespaceProperty, dataset.Metadata.Name);
            return await ObserveAsync(existing, stage, ct);
        }
    }

    /// <summary>
    /// Deletes the Jobs this Dataset controls (background propagation removes their pods), except those of
    /// <paramref name="keepSpecHash"/>. A Job already gone is not an error.
    /// </summary>
    public async Task DeleteOwnedAsync(Dataset dataset, string? keepSpecHash, CancellationToken ct)
    {
        var selector = $"{DatasetNames.DatasetLabel}={DatasetNames.LabelValue(dataset.Metadata.Name)}";
        var owned = await jobs.ListAsync(dataset.Metadata.NamespaceProperty, selector, ct);
        foreach (var job in owned)
        {
            if (job.ControllerOwner()?.Uid != dataset.Metadata.Uid)
                continue;                                      // Same label, other owner: a Dataset of the same name re-created.
            if (keepSpecHash is not null && job.GetLabel(DatasetNames.SpecHashLabel) == keepSpecHash)
                continue;
            await jobs.DeleteAsync(ObjectKey.Of(job), ct);
            LogDeleted(job.Metadata.Name, dataset.Metadata.NamespaceProperty, dataset.Metadata.Name);
        }
    }

    /// <summary>Deletes one Job of this Dataset (background propagation); a Job already gone is not an error.</summary>
    public async Task DeleteAsync(Dataset dataset, string name, CancellationToken ct)
    {
        await jobs.DeleteAsync(new ObjectKey(dataset.Metadata.NamespaceProperty ?? "", name), ct);
        LogDeleted(name, dataset.Metadata.NamespaceProperty, dataset.Metadata.Name);
    }

    /// <summary>
    /// Why the Job's pods could not even be created: its ServiceAccount does not exist (the Job controller would only
    /// record FailedCreate on the Job, which nobody looks at). <c>default</c> is not checked: the controller-manager
    /// creates it in every namespace. Null when the account exists or no account store was given.
    /// </summary>
    public async Task<string?> MissingServiceAccountAsync(V1Job job, CancellationToken ct)
    {
        var name = job.Spec?.Template?.Spec?.ServiceAccountName;
        var ns = job.Metadata.NamespaceProperty ?? "";
        if (serviceAccounts is null || string.IsNullOrEmpty(name) || name == "default")
            return null;
        return await serviceAccounts.GetAsync(new ObjectKey(ns, name), ct) is null
            ? $"ServiceAccount {name} does not exist in namespace {ns}, so Job {job.Metadata.Name} could not start pods: " +
              "create it (it carries the Job's S3 access), or name another in spec.serviceAccountName"
            : null;
    }

    private async Task<JobObservation> ObserveAsync(V1Job job, JobStage stage, CancellationToken ct)
    {
        var observed = JobObservation.From(job, stage);
        if (observed.State == JobState.Active && JobObservation.PodsMayBeStuck(job))
        {
            // Pending pods whose container cannot start (a missing Secret, a bad image) wait forever without a Job condition.
            var active = await pods.ListAsync(job.Metadata.NamespaceProperty, $"{JobNameLabel}={job.Metadata.Name}", ct);
            return observed with { PodProblem = JobObservation.StuckPod(active, StuckWaitingReasons) };
        }
        if (observed.State != JobState.Failed)
            return observed;
        // The Job condition only says pods failed; the pod's termination message says why (file and line of bad data).
        var failedPods = await pods.ListAsync(job.Metadata.NamespaceProperty, $"{JobNameLabel}={job.Metadata.Name}", ct);
        return observed with { PodTerminationMessage = JobObservation.TerminationMessage(failedPods) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Job {JobName} for Dataset {Namespace}/{Name}")]
    private partial void LogCreated(string jobName, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted existing Job {JobName} for Dataset {Namespace}/{Name}")]
    private partial void LogAdopted(string jobName, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted Job {JobName} of Dataset {Namespace}/{Name}")]
    private partial void LogDeleted(string jobName, string? @namespace, string name);
}
