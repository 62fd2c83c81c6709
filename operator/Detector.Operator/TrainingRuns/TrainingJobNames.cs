using System.Text.RegularExpressions;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using k8s;

namespace Detector.Operator.TrainingRuns;

/// <summary>
/// Pure: the SageMaker names of TrainingRuns and TuningRuns — the sanitized object name plus a short hash of
/// (namespace, uid, the spec fields that define the job). Re-applying the same spec gives the same name (a retried
/// create finds the job), an edit that changes the job gives a new one, and a re-created object (new uid) never adopts
/// the job of its predecessor. Tags and deletionPolicy are left out: changing them must not start a new job.
/// </summary>
public static partial class TrainingJobNames
{
    /// <summary>Longest training job name (TrainingJobName, 1-63).</summary>
    public const int MaxTrainingJobLength = 63;

    /// <summary>Longest tuning job name (HyperParameterTuningJobName, 1-32); it prefixes every child training job.</summary>
    public const int MaxTuningJobLength = 32;

    /// <summary>The training job of the TrainingRun's current spec.</summary>
    public static string TrainingJob(TrainingRun run) =>
        Names.Label(run.Metadata.Name, Parts(run.Metadata, TrainingIdentity(run.Spec)), MaxTrainingJobLength);

    /// <summary>The tuning job of the TuningRun's current spec.</summary>
    public static string TuningJob(TuningRun run) =>
        Names.Label(run.Metadata.Name, Parts(run.Metadata, TuningIdentity(run.Spec)), MaxTuningJobLength);

    /// <summary>Whether <paramref name="name"/> matches SageMaker's training job name pattern and length.</summary>
    public static bool IsTrainingJobName(string name) => name.Length <= MaxTrainingJobLength && TrainingPattern().IsMatch(name);

    /// <summary>Whether <paramref name="name"/> matches SageMaker's tuning job name pattern and length.</summary>
    public static bool IsTuningJobName(string name) => name.Length <= MaxTuningJobLength && TuningPattern().IsMatch(name);

    private static string?[] Parts(k8s.Models.V1ObjectMeta meta, object identity) =>
        [meta.NamespaceProperty ?? "", meta.Uid ?? "", KubernetesJson.Serialize(identity)];

    private static JobIdentity TrainingIdentity(ITrainingJobSpec s) => new(s.DatasetRef, s.RoleArn, s.Output, s.Algorithm,
        s.Hyperparameters, s.Resources, s.StoppingCondition, s.Spot, s.VpcConfig, s.NetworkIsolation, s.InterContainerTrafficEncryption,
        s.MaxRetryAttempts);

    private static TuningIdentityFields TuningIdentity(TuningRunSpec s) => new(TrainingIdentity(s), s.Objective, s.Ranges, s.Strategy,
        s.Hyperband, s.MaxTrainingJobs, s.MaxParallelTrainingJobs, s.MaxRuntimeSeconds, s.EarlyStopping, s.CompletionCriteria,
        s.WarmStart, s.RandomSeed);

    /// <summary>The hashed training fields, listed explicitly so an unrelated new spec field never moves the hash.</summary>
    private sealed record JobIdentity(string DatasetRef, string RoleArn, ArtifactOutput Output, ObjectDetectionAlgorithm Algorithm,
        ObjectDetectionHyperparameters Hyperparameters, TrainingResources Resources, StoppingCondition StoppingCondition,
        SpotTraining? Spot, VpcConfig? VpcConfig, bool NetworkIsolation, bool InterContainerTrafficEncryption, int? MaxRetryAttempts);

    /// <summary>The hashed tuning fields.</summary>
    private sealed record TuningIdentityFields(JobIdentity Training, TuningObjective Objective, TuningRanges Ranges, string Strategy,
        HyperbandConfig? Hyperband, int MaxTrainingJobs, int MaxParallelTrainingJobs, int? MaxRuntimeSeconds, string EarlyStopping,
        TuningCompletionCriteria? CompletionCriteria, TuningWarmStart? WarmStart, int? RandomSeed);

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex TrainingPattern();

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}$")]
    private static partial Regex TuningPattern();
}
