using Detector.Preprocessing.Geometry;
using Detector.Preprocessing.Labels;

namespace Detector.Preprocessing.Tests.Labels;

public sealed class SsdLabelTests
{
    [Fact]
    public void Pack_TwoBoxes_GivesHeaderThenFiveFloatsPerBox()
    {
        var label = SsdLabel.Pack([new BoxCorners(3, 0.1, 0.2, 0.3, 0.4), new BoxCorners(0, 0, 0, 1, 1)]);

        Assert.Equal([2f, 5f, 3f, 0.1f, 0.2f, 0.3f, 0.4f, 0f, 0f, 0f, 1f, 1f], label);
    }

    [Fact]
    public void Pack_NoBoxes_GivesTheHeaderOnly() => Assert.Equal([2f, 5f], SsdLabel.Pack([]));

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 7)]
    [InlineData(56, 282)]
    public void Width_BoxCount_IsTwoPlusFivePerBox(int boxes, int width) => Assert.Equal(width, SsdLabel.Width(boxes));
}
