namespace Detector.RuntimeBench;

/// <summary>What one benchmark run does (the command line of <c>detector-runtime-bench</c>).</summary>
public sealed record BenchOptions
{
    /// <summary>Datasets, and as many TrainingRuns (one per Dataset).</summary>
    public int Objects { get; init; } = 300;

    /// <summary>Seconds between "every expected CreateTrainingJob arrived" and the start of the idle window.</summary>
    public int SettleSeconds { get; init; } = 60;

    /// <summary>Length of the idle window the rates, RSS and CPU are measured over.</summary>
    public int IdleSeconds { get; init; } = 120;

    /// <summary>How long the operator may take from the bulk apply to the last expected CreateTrainingJob.</summary>
    public int TimeoutSeconds { get; init; } = 900;

    /// <summary>The <c>detector</c> executable to measure; null: the build of operator/Detector.Operator in the bench's configuration.</summary>
    public string? OperatorPath { get; init; }

    /// <summary>Keep the working folder (operator log, kubeconfig, request logs) instead of removing it.</summary>
    public bool Keep { get; init; }

    /// <summary>Upper bound of <see cref="Objects"/>: one namespace of a bare API server on a small machine.</summary>
    public const int MaxObjects = 5000;

    /// <summary>Pure: what is wrong with these options, one line per flag, empty when they can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Objects is < 3 or > MaxObjects)
            problems.Add($"--objects must be between 3 and {MaxObjects} (got {Objects}): a third of them stay waiting");
        if (SettleSeconds < 0)
            problems.Add($"--settle-seconds must not be negative (got {SettleSeconds})");
        if (IdleSeconds < 1)
            problems.Add($"--idle-seconds must be at least 1 (got {IdleSeconds})");
        if (TimeoutSeconds < 1)
            problems.Add($"--timeout-seconds must be at least 1 (got {TimeoutSeconds})");
        return problems;
    }
}
