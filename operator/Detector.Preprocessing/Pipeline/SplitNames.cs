namespace Detector.Preprocessing.Pipeline;

/// <summary>Output names of the splits (the SageMaker channel names) and their files.</summary>
public static class SplitNames
{
    /// <summary>The splits in output (and content-hash) order.</summary>
    public static IReadOnlyList<TargetSplit> All { get; } = [TargetSplit.Train, TargetSplit.Validation];

    /// <summary>"train" or "validation".</summary>
    public static string Of(TargetSplit split) => split == TargetSplit.Train ? "train" : "validation";

    /// <summary>The final file of a split, e.g. "train.rec"; or its part file when sharded.</summary>
    public static string FileName(TargetSplit split, string extension, ShardSpec shard) =>
        shard.IsSingle ? Of(split) + extension : shard.PartName(Of(split), extension);
}
