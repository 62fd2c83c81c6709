using System.Text.RegularExpressions;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;

namespace Detector.Operator.TuningRuns;

/// <summary>
/// Pure: the SageMaker name of a TuningRun's tuning job, derived as <see cref="TrainingJobNames"/> derives a training
/// job's: the sanitized object name plus a short hash of (namespace, uid, the spec fields that define the tuning job,
/// the training fields included).
/// </summary>
public static partial class TuningJobNames
{
    /// <summary>Longest tuning job name (HyperParameterTuningJobName, 1-32); it prefixes every child training job.</summary>
    public const int MaxTuningJobLength = 32;

    /// <summary>The tuning job of the TuningRun's current spec.</summary>
    public static string TuningJob(TuningRun run) =>
        Names.Label(run.Metadata.Name, TrainingJobNames.Parts(run.Metadata, TuningIdentity(run.Spec)), MaxTuningJobLength);

    /// <summary>Whether <paramref name="name"/> matches SageMaker's tuning job name pattern and length.</summary>
    public static bool IsTuningJobName(string name) => name.Length <= MaxTuningJobLength && TuningPattern().IsMatch(name);

    private static TuningIdentityFields TuningIdentity(TuningRunSpec s) => new(TrainingJobNames.TrainingIdentity(s), s.Objective, s.Ranges, s.Strategy,
        s.Hyperband, s.MaxTrainingJobs, s.MaxParallelTrainingJobs, s.MaxRuntimeSeconds, s.EarlyStopping, s.CompletionCriteria,
        s.WarmStart, s.RandomSeed);

    /// <summary>The hashed tuning fields, listed explicitly so an unrelated new spec field never moves the hash.</summary>
    private sealed record TuningIdentityFields(TrainingJobNames.JobIdentity Training, TuningObjective Objective, TuningRanges Ranges, string Strategy,
        HyperbandConfig? Hyperband, int MaxTrainingJobs, int MaxParallelTrainingJobs, int? MaxRuntimeSeconds, string EarlyStopping,
        TuningCompletionCriteria? CompletionCriteria, TuningWarmStart? WarmStart, int? RandomSeed);

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}$")]
    private static partial Regex TuningPattern();
}
