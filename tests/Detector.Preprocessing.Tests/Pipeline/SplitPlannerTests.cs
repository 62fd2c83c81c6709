using Detector.Preprocessing.Layout;
using Detector.Preprocessing.Pipeline;

namespace Detector.Preprocessing.Tests.Pipeline;

public class SplitPlannerTests
{
    private static SourceImage Image(string path, string? split) => new(path, null, split);

    [Fact]
    public void Plan_SourceHasTrainAndVal_UsesThemSorted()
    {
        var plan = SplitPlanner.Plan([Image("images/val/b.jpg", "val"), Image("images/train/z.jpg", "train"), Image("images/train/a.jpg", "train")], new());

        Assert.False(plan.Computed);
        Assert.Equal(["images/train/a.jpg", "images/train/z.jpg"], plan.Train.Select(i => i.ImagePath));
        Assert.Equal(["images/val/b.jpg"], plan.Validation.Select(i => i.ImagePath));
    }

    [Theory]
    [InlineData(TestSplitPolicy.Ignore, 1, 1, 1)]
    [InlineData(TestSplitPolicy.Train, 2, 1, 0)]
    [InlineData(TestSplitPolicy.Validation, 1, 2, 0)]
    public void Plan_TestSplit_FollowsPolicy(TestSplitPolicy policy, int train, int validation, int ignored)
    {
        var plan = SplitPlanner.Plan([Image("images/train/a.jpg", "train"), Image("images/valid/b.jpg", "valid"), Image("images/test/c.jpg", "test")],
            new SplitOptions(Test: policy));

        Assert.Equal((train, validation, ignored), (plan.Train.Count, plan.Validation.Count, plan.Ignored.Count));
    }

    [Fact]
    public void Plan_NoTrainSplit_SplitsAllImagesDeterministically()
    {
        var images = Enumerable.Range(0, 1000).Select(i => Image($"images/{(i % 3 == 0 ? "test" : "valid")}/{i:D4}.jpg", i % 3 == 0 ? "test" : "valid")).ToList();

        var plan = SplitPlanner.Plan(images, new SplitOptions(0.2, 42));

        Assert.True(plan.Computed);
        Assert.Equal(1000, plan.Train.Count + plan.Validation.Count);
        Assert.InRange(plan.Validation.Count, 150, 250);
        Assert.Equal(plan.Validation, SplitPlanner.Plan(images, new SplitOptions(0.2, 42)).Validation);
    }

    [Fact]
    public void Plan_AddingAnImage_NeverMovesAnother()
    {
        var images = Enumerable.Range(0, 300).Select(i => Image($"images/{i:D4}.jpg", null)).ToList();
        var before = SplitPlanner.Plan(images, new SplitOptions(0.3, 7));

        var after = SplitPlanner.Plan([.. images, Image("images/new.jpg", null)], new SplitOptions(0.3, 7));

        Assert.Equal(before.Validation, after.Validation.Where(i => i.ImagePath != "images/new.jpg"));
        Assert.Equal(before.Train, after.Train.Where(i => i.ImagePath != "images/new.jpg"));
    }

    [Fact]
    public void Plan_DifferentSeed_GivesDifferentSplit()
    {
        var images = Enumerable.Range(0, 200).Select(i => Image($"images/{i:D4}.jpg", null)).ToList();

        Assert.NotEqual(SplitPlanner.Plan(images, new SplitOptions(0.2, 1)).Validation, SplitPlanner.Plan(images, new SplitOptions(0.2, 2)).Validation);
    }

    [Fact]
    public void Plan_UnknownSplitFolder_ThrowsNamingIt()
    {
        var error = Assert.Throws<DatasetLayoutException>(() => SplitPlanner.Plan([Image("images/extra/a.jpg", "extra")], new()));

        Assert.Contains("'extra'", error.Message);
    }
}
