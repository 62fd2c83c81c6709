using System.Text.Json.Serialization;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>
/// A running training job's latest figures, read from SageMaker Metrics (BatchGetMetrics) at most once per
/// <c>--progress-interval</c> per job, so <c>kubectl get trun -w</c> moves while training. Best effort: a failed read
/// keeps the previous figures.
/// </summary>
public sealed record TrainingProgress
{
    /// <summary>The latest epoch (iteration) with a validation:mAP value.</summary>
    [JsonPropertyName("epoch")] public long? Epoch { get; init; }

    /// <summary>validation:mAP at that epoch.</summary>
    [JsonPropertyName("mAP")] public double? MAP { get; init; }

    /// <summary>The best validation:mAP so far.</summary>
    [JsonPropertyName("bestMAP")] public double? BestMAP { get; init; }

    /// <summary>
    /// When the figures last changed. They are read at most once per progress interval (1 minute) while the job runs;
    /// a read that finds the same figures writes nothing, so a quiet job does not churn its object.
    /// </summary>
    [JsonPropertyName("updatedAt")] public DateTime? UpdatedAt { get; init; }
}
