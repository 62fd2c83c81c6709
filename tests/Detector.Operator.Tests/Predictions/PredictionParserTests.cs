using System.Text;
using Detector.Operator.Predictions;

namespace Detector.Operator.Tests.Predictions;

public sealed class PredictionParserTests
{
    private static IReadOnlyList<Detection> Parse(string json, double threshold = 0.4) => PredictionParser.Parse(Encoding.UTF8.GetBytes(json), threshold);

    [Fact]
    public void Parse_ObjectDetectionAnswer_KeepsRowsAtOrAboveTheThresholdBestFirst()
    {
        var detections = Parse("""{"prediction": [[1.0, 0.4, 0.1, 0.2, 0.3, 0.4], [0, 0.95, 0.0, 0.0, 0.5, 0.5], [3, 0.39, 0, 0, 1, 1]]}""");

        Assert.Equal([new Detection(0, 0.95, 0, 0, 0.5, 0.5), new Detection(1, 0.4, 0.1, 0.2, 0.3, 0.4)], detections);
    }

    [Fact]
    public void Parse_NoRows_IsEmpty() => Assert.Empty(Parse("""{"prediction": []}"""));

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""[[0, 1, 0, 0, 1, 1]]""", "no \"prediction\" array")]
    [InlineData("""{"predictions": []}""", "no \"prediction\" array")]
    [InlineData("""{"prediction": [[0, 1, 0, 0, 1]]}""", "prediction[0] must be [class, score, xmin, ymin, xmax, ymax]")]
    [InlineData("""{"prediction": [[0, 1, 0, 0, 1, 1], [0, "x", 0, 0, 1, 1]]}""", "prediction[1][1] is not a number")]
    [InlineData("""{"prediction": [[1.5, 1, 0, 0, 1, 1]]}""", "prediction[0][0] (class) must be a whole number")]
    [InlineData("""{"prediction": [[-1, 1, 0, 0, 1, 1]]}""", "prediction[0][0] (class) must be a whole number")]
    public void Parse_OtherShapes_FailNamingWhatIsWrong(string json, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => Parse(json)).Message);

    [Theory]
    [InlineData(0.0, 0.0, 1.0, 1.0, 0, 0, 640, 480)]
    [InlineData(0.25, 0.5, 0.75, 0.999, 160, 240, 480, 480)]
    [InlineData(-0.1, -0.2, 1.3, 1.01, 0, 0, 640, 480)]
    public void ToPixels_ScalesAndClampsToTheImage(double x0, double y0, double x1, double y1, int left, int top, int right, int bottom) =>
        Assert.Equal(new PixelBox(left, top, right, bottom), new Detection(0, 1, x0, y0, x1, y1).ToPixels(640, 480));
}
