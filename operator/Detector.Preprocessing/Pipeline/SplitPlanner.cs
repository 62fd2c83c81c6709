using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Detector.Preprocessing.Layout;

namespace Detector.Preprocessing.Pipeline;

/// <summary>The two channels SageMaker's Object Detection algorithm trains on.</summary>
public enum TargetSplit
{
    /// <summary>The "train" channel.</summary>
    Train,

    /// <summary>The "validation" channel.</summary>
    Validation,
}

/// <summary>What to do with a source's own test split.</summary>
public enum TestSplitPolicy
{
    /// <summary>Leave test images out (listed in the report).</summary>
    Ignore,

    /// <summary>Add them to the train split.</summary>
    Train,

    /// <summary>Add them to the validation split.</summary>
    Validation,
}

/// <summary>Settings that decide which split an image lands in.</summary>
/// <param name="ValidationFraction">Share of images sent to validation when the split is computed (0 &lt; f &lt; 1).</param>
/// <param name="Seed">Seed mixed into the per-image hash.</param>
/// <param name="Test">Policy for the source's test split.</param>
public sealed record SplitOptions(double ValidationFraction = 0.2, int Seed = 42, TestSplitPolicy Test = TestSplitPolicy.Ignore);

/// <summary>The images of each split in their stable (ordinal path) order, plus images the plan leaves out.</summary>
/// <param name="Train">Train images; the index in this list is the record id.</param>
/// <param name="Validation">Validation images; the index in this list is the record id.</param>
/// <param name="Ignored">Test images left out by <see cref="TestSplitPolicy.Ignore"/>.</param>
/// <param name="Computed">True when the split was computed from the seed (the source had no usable train/validation folders).</param>
public sealed record SplitPlan(IReadOnlyList<SourceImage> Train, IReadOnlyList<SourceImage> Validation, IReadOnlyList<SourceImage> Ignored, bool Computed)
{
    /// <summary>The images of one split.</summary>
    public IReadOnlyList<SourceImage> Of(TargetSplit split) => split == TargetSplit.Train ? Train : Validation;
}

/// <summary>
/// Assigns images to splits (pure). The source's own train and validation folders are used when it has both;
/// otherwise every image is split by a hash of seed and relative path, so adding an image never moves another.
/// </summary>
public static class SplitPlanner
{
    /// <summary>Builds the plan; throws <see cref="DatasetLayoutException"/> for a split folder name it does not know.</summary>
    public static SplitPlan Plan(IReadOnlyList<SourceImage> images, SplitOptions options)
    {
        if (options.ValidationFraction is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.ValidationFraction, "validation fraction must be between 0 and 1 (exclusive)");
        var train = new List<SourceImage>();
        var validation = new List<SourceImage>();
        var ignored = new List<SourceImage>();
        foreach (var image in images)
        {
            var target = image.SplitFolder is null ? null : FromFolder(image.SplitFolder, options.Test);
            if (target is { } t)
                (t == TargetSplit.Train ? train : validation).Add(image);
            else if (image.SplitFolder is not null && IsTest(image.SplitFolder))
                ignored.Add(image);
            else if (image.SplitFolder is not null)
                throw new DatasetLayoutException($"'{image.ImagePath}': split folder '{image.SplitFolder}' is not train, valid/val/validation or test");
        }
        var hasOwnSplits = train.Count > 0 && validation.Count > 0;
        if (hasOwnSplits)
            return new(Sorted(train), Sorted(validation), Sorted(ignored), Computed: false);
        // No usable source split (flat layout, or only valid+test as in Roboflow's aquarium export): split everything.
        var computedTrain = new List<SourceImage>();
        var computedValidation = new List<SourceImage>();
        foreach (var image in images)
            (IsValidation(image.ImagePath, options) ? computedValidation : computedTrain).Add(image);
        return new(Sorted(computedTrain), Sorted(computedValidation), [], Computed: true);
    }

    /// <summary>True when the hash of seed and path puts this image in validation (stable per image).</summary>
    public static bool IsValidation(string relativePath, SplitOptions options)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{options.Seed}:{relativePath}"), hash);
        var unit = (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
        return unit < options.ValidationFraction;
    }

    /// <summary>Maps a source split folder to a target split (null when the image is left out or unknown).</summary>
    public static TargetSplit? FromFolder(string folder, TestSplitPolicy test) => folder.ToLowerInvariant() switch
    {
        "train" or "training" => TargetSplit.Train,
        "valid" or "val" or "validation" => TargetSplit.Validation,
        "test" or "testing" => test switch
        {
            TestSplitPolicy.Train => TargetSplit.Train,
            TestSplitPolicy.Validation => TargetSplit.Validation,
            _ => null,
        },
        _ => null,
    };

    private static bool IsTest(string folder) => folder.ToLowerInvariant() is "test" or "testing";

    private static List<SourceImage> Sorted(List<SourceImage> images) => [.. images.OrderBy(i => i.ImagePath, StringComparer.Ordinal)];
}
