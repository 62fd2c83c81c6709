using Detector.Operator.Policy;

namespace Detector.Operator.Runs;

/// <summary>What the TrainingRun and TuningRun reconcilers need from the operator's configuration.</summary>
public sealed record SageMakerRunSettings
{
    /// <summary>AWS region of SageMaker (<c>--aws-region</c>); it picks the Object Detection image. Null: none configured.</summary>
    public string? Region { get; init; }

    /// <summary>How often a running job (or a run waiting for its Dataset) is described again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The namespace policy (allowed roles and S3 prefixes per namespace); null: no restrictions.</summary>
    public NamespacePolicy? Policy { get; init; }

    /// <summary>SageMaker Metrics, for the live progress of running jobs (<see cref="TrainingRuns.LiveProgress"/>); null: no live progress.</summary>
    public Aws.ISageMakerMetrics? LiveMetrics { get; init; }

    /// <summary>At most one BatchGetMetrics per running job per this interval (default 60 s: one call per job per minute).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(60);
}
