using Detector.Operator.Predictions;

namespace Detector.Operator.Tests.Predictions;

public sealed class DetectionTableTests
{
    private static readonly string s_nl = Environment.NewLine;

    [Fact]
    public void Format_NamesKnownClassesAndGivesBoxesInPixels()
    {
        var table = DetectionTable.Format([new Detection(1, 0.9, 0.1, 0.2, 0.5, 0.6), new Detection(7, 0.45678, 0, 0, 1, 1)], ["fish", "shark"], 200, 100);

        Assert.Equal(
            "CLASS  SCORE  XMIN  YMIN  XMAX  YMAX" + s_nl +
            "shark  0.900    20    20   100    60" + s_nl +
            "7      0.457     0     0   200   100" + s_nl, table);
    }

    [Fact]
    public void Format_Nothing_SaysSo() => Assert.Equal("no detections above the threshold" + s_nl, DetectionTable.Format([], null, 10, 10));

    [Theory]
    [InlineData(0, "fish")]
    [InlineData(2, "2")]
    public void ClassLabel_NameWhenKnownElseIndex(int id, string label) => Assert.Equal(label, DetectionTable.ClassLabel(id, ["fish", "shark"]));

    [Fact]
    public void ClassLabel_NoNames_IsTheIndex() => Assert.Equal("3", DetectionTable.ClassLabel(3, null));
}
