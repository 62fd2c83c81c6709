using System.Globalization;
using Detector.Preprocessing.Reporting;

namespace Detector.Preprocessing.Pipeline;

/// <summary>Applies the --on-invalid policy (pure decisions, thrown as <see cref="PrepareFailedException"/>).</summary>
public static class SkipPolicy
{
    /// <summary>Under Fail, invalid input stops the run with a message naming file and line.</summary>
    public static void Apply(Finding finding, InvalidPolicy policy)
    {
        if (policy == InvalidPolicy.Fail && finding.IsInvalidInput)
            throw new PrepareFailedException($"{finding} (use --on-invalid Skip to skip invalid items and report them)");
    }

    /// <summary>Under Skip, fails when more than the allowed share of images was skipped.</summary>
    public static void CheckSkippedFraction(RunSummary summary, InvalidPolicy policy, double maxSkippedFraction)
    {
        if (summary.Images == 0 || policy != InvalidPolicy.Skip)
            return;
        var fraction = (double)summary.SkippedImages / summary.Images;
        if (fraction > maxSkippedFraction)
            throw new PrepareFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{summary.SkippedImages} of {summary.Images} images were skipped ({fraction:P1}), more than --max-skipped-fraction {maxSkippedFraction:0.###}; first: {summary.Findings.FirstOrDefault(f => f.IsInvalidInput && f.Effect == FindingEffect.SkippedItem)}"));
    }

    /// <summary>
    /// SageMaker's Object Detection algorithm needs both the train and the validation channel: an empty split fails the run
    /// (before a manifest is written) instead of failing the training job an hour later.
    /// </summary>
    public static void CheckSplitsNotEmpty(RunSummary summary)
    {
        foreach (var split in SplitNames.All.Select(SplitNames.Of))
        {
            var packed = summary.Splits.TryGetValue(split, out var tally) ? tally.Packed : 0;
            if (packed == 0)
                throw new PrepareFailedException(
                    $"the {split} split has no packed image ({tally?.Planned ?? 0} planned): SageMaker needs records in both train and validation; " +
                    "add images, change --validation-fraction, or use the source's own train/valid folders");
        }
    }
}
