using System.Text.RegularExpressions;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using k8s;

namespace Detector.Operator.Runs;

/// <summary>
/// Pure: the SageMaker training job name of a TrainingRun (and, through <see cref="TuningRuns.TuningJobNames"/>, the
/// tuning job name of a TuningRun) — the sanitized object name plus a short hash of
/// (namespace, uid, the spec fields that define the job). Re-applying the same spec gives the same name (a retried
/// create finds the job), an edit that changes the job gives a new one, and a re-created object (new uid) never adopts
/// the job of its predecessor. Tags and deletionPolicy are left out: changing them must not start a new job.
/// </summary>
public static partial class TrainingJobNames
{
    /// <summary>Longest training job name (TrainingJobName, 1-63).</summary>
    public const int MaxTrainingJobLength = 63;

    /// <summary>The training job of the TrainingRun's current spec.</summary>
    public static string TrainingJob(TrainingRun run) =>
        Names.Label(run.Metadata.Name, Parts(run.Metadata, TrainingIdentity(run.Spec)), MaxTrainingJobLength);

    /// <summary>Whether <paramref name="name"/> matches SageMaker's training job name pattern and length.</summary>
    public static bool IsTrainingJobName(string name) => name.Length <= MaxTrainingJobLength && TrainingPattern().IsMatch(name);

    /// <summary>What a run's job name hashes: namespace, uid and the job's identity fields, serialised.</summary>
    internal static string?[] Parts(k8s.Models.V1ObjectMeta meta, object identity) =>
        [meta.NamespaceProperty ?? "", meta.Uid ?? "", KubernetesJson.Serialize(identity)];

    /// <summary>The training fields a job's name hashes (a tuning job's include them).</summary>
    internal static JobIdentity TrainingIdentity(ITrainingJobSpec s) => new(s.DatasetRef, s.RoleArn, s.Output, s.Algorithm,
        s.Hyperparameters, s.Resources, s.StoppingCondition, s.Spot, s.VpcConfig, s.NetworkIsolation, s.InterContainerTrafficEncryption,
        s.MaxRetryAttempts);

    /// <summary>The hashed training fields, listed explicitly so an unrelated new spec field never moves the hash.</summary>
    internal sealed record JobIdentity(string DatasetRef, string RoleArn, ArtifactOutput Output, ObjectDetectionAlgorithm Algorithm,
        ObjectDetectionHyperparameters Hyperparameters, TrainingResources Resources, StoppingCondition StoppingCondition,
        SpotTraining? Spot, VpcConfig? VpcConfig, bool NetworkIsolation, bool InterContainerTrafficEncryption, int? MaxRetryAttempts);

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex TrainingPattern();
}
