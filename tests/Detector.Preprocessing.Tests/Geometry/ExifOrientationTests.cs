using Detector.Preprocessing.Geometry;

namespace Detector.Preprocessing.Tests.Geometry;

public sealed class ExifOrientationTests
{
    [Theory]
    [InlineData(1, 640, 480)]   // upright
    [InlineData(2, 640, 480)]   // mirrored
    [InlineData(3, 640, 480)]   // 180°
    [InlineData(4, 640, 480)]   // flipped vertically
    [InlineData(5, 480, 640)]   // transposed
    [InlineData(6, 480, 640)]   // 90° clockwise (phones held upright)
    [InlineData(7, 480, 640)]   // transversed
    [InlineData(8, 480, 640)]   // 90° counter-clockwise
    [InlineData(0, 640, 480)]   // invalid values: viewers show the stored pixels
    [InlineData(9, 640, 480)]
    public void UprightSize_Orientation_SwapsOnlyForQuarterTurns(ushort orientation, int width, int height) =>
        Assert.Equal((width, height), ExifOrientation.UprightSize(640, 480, orientation));
}
