using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.TrainingRuns;

/// <summary>
/// Pure decisions about the SageMaker job of a TrainingRun or TuningRun that both kinds share: which jobs a deletion
/// stops, and whether SageMaker already refused the job of this generation.
/// </summary>
public static class RunJobs
{
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
        if (reason is not (RunReasons.InvalidSpec or RunReasons.OperatorMisconfigured or RunReasons.SageMakerRejected))
            names.Add(derivedJob);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// SageMaker's refusal message when it already refused <paramref name="derivedJob"/> for this
    /// <paramref name="generation"/> (the run then waits for a spec change instead of retrying), else null.
    /// </summary>
    /// <param name="currentJob">The job name in status.</param>
    /// <param name="derivedJob">The job name the current spec derives.</param>
    /// <param name="conditions">The conditions in status.</param>
    /// <param name="generation">The run's <c>metadata.generation</c>.</param>
    public static string? RejectedBefore(string? currentJob, string derivedJob, IReadOnlyList<V1Condition>? conditions, long? generation) =>
        Conditions.Get(conditions, Conditions.Stalled) is { Status: Conditions.True, Reason: RunReasons.SageMakerRejected } stalled
        && stalled.ObservedGeneration == generation && currentJob == derivedJob
            ? stalled.Message
            : null;
}
