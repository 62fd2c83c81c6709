using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Runs;

/// <summary>
/// Pure decisions about the SageMaker job of a TrainingRun or TuningRun that both kinds share: which jobs a deletion
/// stops, and whether SageMaker already refused the job of this generation.
/// </summary>
public static class RunJobs
{
    /// <summary>The metric both run kinds report as mAP (the Object Detection algorithm's validation mAP, also tuning's objective).</summary>
    public const string MapMetric = "validation:mAP";

    /// <summary>How many replaced jobs a run keeps in <c>status.history</c> (status must stay small).</summary>
    public const int MaxHistory = 10;

    /// <summary>
    /// The jobs to stop when the run is deleted: the job in status, and the current spec's job unless the run never got
    /// that far (a crash between create and the status write leaves a job that only the derived name finds).
    /// </summary>
    /// <param name="currentJob">The job name in status (null: none yet).</param>
    /// <param name="derivedJob">The job name the current spec derives.</param>
    /// <param name="conditions">The conditions in status (null: no status).</param>
    public static IReadOnlyList<string> ToStop(string? currentJob, string derivedJob, IReadOnlyList<V1Condition>? conditions)
    {
        var reason = Conditions.Get(conditions, Conditions.Ready)?.Reason;
        var names = new List<string>();
        if (currentJob is not null)
            names.Add(currentJob);
        if (reason is not (Reasons.InvalidSpec or Reasons.OperatorMisconfigured or Reasons.SageMakerRejected))
            names.Add(derivedJob);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// SageMaker's refusal message when it already refused <paramref name="derivedJob"/> for this
    /// <paramref name="generation"/> (<see cref="Reasons.RefusedThisGeneration"/>, for the job the spec still derives),
    /// else null: the run then waits for a spec change instead of retrying.
    /// </summary>
    /// <param name="currentJob">The job name in status.</param>
    /// <param name="derivedJob">The job name the current spec derives.</param>
    /// <param name="conditions">The conditions in status.</param>
    /// <param name="generation">The run's <c>metadata.generation</c>.</param>
    public static string? RejectedBefore(string? currentJob, string derivedJob, IReadOnlyList<V1Condition>? conditions, long? generation) =>
        currentJob == derivedJob ? Reasons.RefusedThisGeneration(conditions, generation) : null;
}
