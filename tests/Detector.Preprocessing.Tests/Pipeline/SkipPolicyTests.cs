using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Reporting;

namespace Detector.Preprocessing.Tests.Pipeline;

public sealed class SkipPolicyTests
{
    [Theory]
    [InlineData(10, 3, null)]
    [InlineData(10, 0, "validation")]
    [InlineData(0, 3, "train")]
    [InlineData(-1, 3, "train")]
    public void CheckSplitsNotEmpty_PackedCounts_FailsNamingTheEmptySplit(long trainPacked, long validationPacked, string? emptySplit)
    {
        var summary = new RunSummary();
        if (trainPacked >= 0)
            summary.Splits["train"] = new SplitTally { Planned = trainPacked, Packed = trainPacked };
        summary.Splits["validation"] = new SplitTally { Planned = validationPacked + 1, Packed = validationPacked };

        var error = Record.Exception(() => SkipPolicy.CheckSplitsNotEmpty(summary));

        if (emptySplit is null)
            Assert.Null(error);
        else
            Assert.StartsWith($"the {emptySplit} split has no packed image", Assert.IsType<PrepareFailedException>(error).Message);
    }
}
