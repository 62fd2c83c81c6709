using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

/// <summary>How the download and extraction limits follow from the flags, the ratio and the scratch space (pure).</summary>
public class SourceBudgetTests
{
    private const long MiB = 1 << 20;

    [Theory]
    // archive, ratio, max extracted, scratch → limit
    [InlineData(1 * MiB, 100, 100L << 30, null, 100 * MiB)]            // ratio
    [InlineData(100 * 1024, 100, 100L << 30, null, 64 * MiB)]          // floor for small archives
    [InlineData(1L << 30, 100, 10L << 30, null, 10L << 30)]            // explicit cap
    [InlineData(1L << 30, 100, 100L << 30, 5L << 30, 4L << 30)]        // scratch left after the archive
    [InlineData(6L << 30, 100, 100L << 30, 5L << 30, 0L)]              // no scratch left
    public void ExtractionLimit_Table(long archive, int ratio, long maxExtracted, long? scratch, long expected)
    {
        var options = new SourceOptions { MaxExtractionRatio = ratio, MaxExtractedBytes = maxExtracted, ScratchBytes = scratch };

        Assert.Equal(expected, options.ExtractionLimit(archive));
    }

    [Theory]
    [InlineData(50L << 30, null, 50L << 30)]
    [InlineData(50L << 30, 1L << 30, 1L << 30)]
    public void EffectiveDownloadLimit_IsBoundedByTheScratchSpace(long max, long? scratch, long expected) =>
        Assert.Equal(expected, new SourceOptions { MaxDownloadBytes = max, ScratchBytes = scratch }.EffectiveDownloadLimit);
}
