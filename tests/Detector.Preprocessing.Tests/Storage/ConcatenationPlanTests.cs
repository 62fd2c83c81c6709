using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Tests.Storage;

public sealed class ConcatenationPlanTests
{
    // Minimum part 10, maximum copy part 25, so the tables stay readable. A plan reads "C" for a copied part,
    // "U" for an uploaded one, then source:offset+length ranges.
    [Theory]
    [InlineData(new long[] { 10, 10, 3 }, "C 0:0+10 | C 1:0+10 | C 2:0+3")]
    [InlineData(new long[] { 3, 4, 5 }, "U 0:0+3 1:0+4 2:0+3 | C 2:3+2")]
    [InlineData(new long[] { 3, 20 }, "U 0:0+3 1:0+7 | C 1:7+13")]
    [InlineData(new long[] { 3, 12, 30 }, "U 0:0+3 1:0+7 | U 1:7+5 2:0+5 | C 2:5+25")]
    [InlineData(new long[] { 60 }, "C 0:0+20 | C 0:20+20 | C 0:40+20")]
    [InlineData(new long[] { 0, 4, 0 }, "C 1:0+4")]
    [InlineData(new long[] { 4, 0 }, "C 0:0+4")]
    [InlineData(new long[] { 12, 4 }, "C 0:0+12 | C 1:0+4")]
    [InlineData(new long[] { 4, 12 }, "U 0:0+4 1:0+6 | C 1:6+6")]
    [InlineData(new long[] { 0, 0 }, "")]
    public void Build_Sizes_PlansValidParts(long[] sizes, string expected)
    {
        var plan = ConcatenationPlan.Build(sizes, minPartSize: 10, maxCopyPartSize: 25);

        Assert.Equal(expected, Render(plan));
        Assert.All(plan.SkipLast(1), p => Assert.True(p.Length >= 10, "every part but the last must reach the minimum"));
        Assert.All(plan.Where(p => p.IsCopy), p => Assert.True(p.Length <= 25));
        Assert.Equal(sizes.Sum(), plan.Sum(p => p.Length));
    }

    [Fact]
    public void Build_NegativeSize_ThrowsNamingTheSource()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ConcatenationPlan.Build([5, -1], 10, 25));

        Assert.Contains("source 1", error.Message, StringComparison.Ordinal);
    }

    private static string Render(IReadOnlyList<PlannedPart> plan) => string.Join(" | ", plan.Select(p =>
        (p.IsCopy ? "C " : "U ") + string.Join(" ", p.Ranges.Select(r => $"{r.Source}:{r.Offset}+{r.Length}"))));
}
