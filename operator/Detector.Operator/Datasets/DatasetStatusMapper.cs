using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using Detector.Preprocessing.Outputs;

namespace Detector.Operator.Datasets;

/// <summary>Pure: what the reconciler observed → the Dataset status (phase, conditions, counts, outputs).</summary>
public static class DatasetStatusMapper
{
    /// <summary>Maps an observation to the status; conditions keep their transition times when their status does not flip.</summary>
    public static DatasetStatus Map(Dataset dataset, DatasetObservation observed, DateTimeOffset now)
    {
        var view = View(observed);
        var generation = dataset.Metadata.Generation;
        var conditions = Conditions.SetSummary(dataset.Status?.Conditions, DatasetPhaseTable.Table.StateOf(view.Phase, view.Reason),
            view.Reason, view.Message, generation, now);
        var manifest = view.Phase == DatasetPhases.Ready ? observed.Manifest : null;
        var valid = observed.InvalidSpec is null;
        return new DatasetStatus
        {
            Phase = view.Phase,
            ObservedGeneration = generation,
            Conditions = conditions,
            JobName = observed.Job?.Name,
            SpecHash = valid ? observed.SpecHash : null,
            ContentHash = manifest?.ContentHash,
            ClassNames = manifest?.Classes ?? dataset.Spec.Classes,
            Counts = manifest is null ? null : Counts(manifest),
            Outputs = valid ? Outputs(observed.OutputPrefix, manifest) : null,
            LabelWidth = manifest?.LabelWidth,
            FailureReason = view.Phase == DatasetPhases.Failed ? view.Message : null,
        };
    }

    /// <summary>True when nothing more happens without a spec change or an outside event: Ready or Failed.</summary>
    public static bool IsSettled(DatasetStatus status) => status.Phase is DatasetPhases.Ready or DatasetPhases.Failed;

    private static PhaseView View(DatasetObservation observed)
    {
        if (observed.InvalidSpec is { } invalid)
            return new(DatasetPhases.Failed, DatasetPhases.InvalidSpecReason, invalid);
        if (observed.Manifest is { } manifest)
            return new(DatasetPhases.Ready, DatasetPhases.PreparedReason, Summary(manifest, observed.OutputPrefix));
        if (observed.Blocked is { } blocked)
            return new(observed.Job is null ? DatasetPhases.Pending : DatasetPhases.Preparing, blocked.Reason, blocked.Message);
        return observed.Job switch
        {
            null => new(DatasetPhases.Pending, DatasetPhases.JobPendingReason, "The preparation Job is not created yet"),
            { State: JobState.Failed } job => new(DatasetPhases.Failed, DatasetPhases.JobFailedReason, FailureMessage(job)),
            { State: JobState.Succeeded, Stage: JobStage.Shards } job =>
                new(DatasetPhases.Preparing, DatasetPhases.MergingReason, $"All shards of Job {job.Name} are done; merging them"),
            { State: JobState.Succeeded } job => new(DatasetPhases.Failed, DatasetPhases.ManifestMissingReason,
                $"Job {job.Name} succeeded but {DatasetNames.ManifestUri(observed.OutputPrefix)} could not be read: " +
                (observed.ManifestError ?? "it does not exist")),
            { PodProblem: { } stuck } job => new(DatasetPhases.Preparing, DatasetPhases.PodNotStartingReason,
                $"Job {job.Name} cannot start its pod {Truncate(stuck)}"),
            { Stage: JobStage.Shards } job => new(DatasetPhases.Preparing, DatasetPhases.JobRunningReason,
                $"Job {job.Name} is preparing the data: {job.SucceededPods}/{job.Completions} shards done"),
            { Stage: JobStage.Merge } job => new(DatasetPhases.Preparing, DatasetPhases.MergingReason, $"Job {job.Name} is merging the shards"),
            var job => new(DatasetPhases.Preparing, DatasetPhases.JobRunningReason, $"Job {job.Name} is preparing the data"),
        };
    }

    private static string FailureMessage(JobObservation job)
    {
        // The pod's termination message is the tool's own error (file and line of the bad item); the Job condition
        // only says that pods failed. Prefer the former, keep the latter for context.
        var condition = (job.Reason, job.Message) switch
        {
            (null, null) => "no reason given",
            ({ } reason, null) => reason,
            (null, { } message) => message,
            ({ } reason, { } message) => $"{reason}: {message}",
        };
        return job.PodTerminationMessage is { Length: > 0 } pod
            ? $"Job {job.Name} failed ({condition}): {Truncate(pod)}"
            : $"Job {job.Name} failed: {condition}";
    }

    private static string Summary(DatasetManifest manifest, string prefix)
    {
        var counts = Counts(manifest);
        return $"Prepared {counts.Images} images ({counts.TrainImages} train, {counts.ValidationImages} validation), " +
            $"{counts.Boxes} boxes, {manifest.Classes.Count} classes, {counts.Skipped} skipped, in {prefix}";
    }

    /// <summary>Counts over all splits of a manifest.</summary>
    public static DatasetCounts Counts(DatasetManifest manifest)
    {
        var perClass = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var split in manifest.Splits.Values)
            foreach (var (name, boxes) in split.BoxesPerClass)
                perClass[name] = perClass.GetValueOrDefault(name) + boxes;
        return new DatasetCounts
        {
            Images = manifest.Splits.Values.Sum(s => s.Images),
            TrainImages = manifest.Splits.GetValueOrDefault("train")?.Images ?? 0,
            ValidationImages = manifest.Splits.GetValueOrDefault("validation")?.Images ?? 0,
            Boxes = manifest.Splits.Values.Sum(s => s.Boxes),
            Skipped = manifest.Skipped.Values.Sum(),
            BoxesPerClass = perClass,
        };
    }

    private static DatasetOutputs Outputs(string prefix, DatasetManifest? manifest)
    {
        var train = manifest?.Splits.GetValueOrDefault("train");
        var validation = manifest?.Splits.GetValueOrDefault("validation");
        return new DatasetOutputs
        {
            Prefix = prefix,
            TrainRec = Under(prefix, train?.Rec),
            TrainIdx = Under(prefix, train?.Idx),
            ValidationRec = Under(prefix, validation?.Rec),
            ValidationIdx = Under(prefix, validation?.Idx),
            Manifest = manifest is null ? null : DatasetNames.ManifestUri(prefix),
            Report = manifest is null ? null : prefix + "report.json",
            Preview = manifest is null ? null : prefix + "preview.png",
        };
    }

    private static string? Under(string prefix, string? relative) => string.IsNullOrEmpty(relative) ? null : prefix + relative;

    // Status must stay small (etcd object size, kubectl output); the full log is in the pod.
    private static string Truncate(string text) => text.Length <= 1024 ? text : text[..1024] + "…";

    private sealed record PhaseView(string Phase, string Reason, string Message);
}
