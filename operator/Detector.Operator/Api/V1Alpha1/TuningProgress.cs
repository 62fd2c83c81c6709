using System.Text.Json.Serialization;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>
/// A running tuning job's live figures: each running trial's latest validation:mAP (SageMaker Metrics) and the best
/// objective so far over those and the finished trials. Read at most once per minute per tuning job.
/// </summary>
public sealed record TuningProgress
{
    /// <summary>The best validation:mAP so far (running trials' latest values and the finished best).</summary>
    [JsonPropertyName("bestMAP")] public double? BestMAP { get; init; }

    /// <summary>The trial that has it.</summary>
    [JsonPropertyName("bestTrial")] public string? BestTrial { get; init; }

    /// <summary>The running trials' latest figures.</summary>
    [JsonPropertyName("runningTrials")] public IReadOnlyList<TrialProgress> RunningTrials { get; init; } = [];

    /// <summary>
    /// When the figures last changed. They are read at most once per progress interval (1 minute) while the job runs;
    /// a read that finds the same figures writes nothing, so a quiet job does not churn its object.
    /// </summary>
    [JsonPropertyName("updatedAt")] public DateTime? UpdatedAt { get; init; }
}

/// <summary>One running trial's latest figures.</summary>
public sealed record TrialProgress
{
    /// <summary>The trial's training job.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>Its latest epoch with a value.</summary>
    [JsonPropertyName("epoch")] public long? Epoch { get; init; }

    /// <summary>validation:mAP at that epoch.</summary>
    [JsonPropertyName("mAP")] public double? MAP { get; init; }
}
