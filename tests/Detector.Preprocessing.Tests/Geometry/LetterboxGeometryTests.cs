using Detector.Preprocessing.Geometry;

namespace Detector.Preprocessing.Tests.Geometry;

public sealed class LetterboxGeometryTests
{
    [Theory]
    // width, height, size → resized width, resized height, offset x, offset y
    [InlineData(1024, 768, 512, 512, 384, 0, 64)]      // landscape (the aquarium shape)
    [InlineData(768, 1024, 512, 384, 512, 64, 0)]      // portrait
    [InlineData(576, 1024, 512, 288, 512, 112, 0)]     // portrait phone frame
    [InlineData(100, 100, 512, 512, 512, 0, 0)]        // square, upscaled
    [InlineData(512, 512, 512, 512, 512, 0, 0)]        // already the right size
    [InlineData(4000, 10, 512, 512, 1, 0, 255)]        // 1.28 rows round to 1; odd padding floors
    [InlineData(10, 4000, 512, 1, 512, 255, 0)]
    [InlineData(100000, 1, 512, 512, 1, 0, 255)]       // 0.005 rows would round to 0: at least one row
    [InlineData(1, 1, 512, 512, 512, 0, 0)]
    [InlineData(1024, 5, 512, 512, 3, 0, 254)]         // 2.5 rounds away from zero to 3
    [InlineData(1024, 765, 512, 512, 383, 0, 64)]      // 382.5 → 383; (512 − 383) / 2 = 64.5 floors to 64
    [InlineData(1000, 333, 300, 300, 100, 0, 100)]     // 99.9 → 100
    public void For_Shape_ResizesUniformlyAndCentres(int width, int height, int size,
        int resizedWidth, int resizedHeight, int offsetX, int offsetY)
    {
        var geometry = LetterboxGeometry.For(width, height, size);

        Assert.Equal((double)size / Math.Max(width, height), geometry.Scale);
        Assert.Equal((resizedWidth, resizedHeight, offsetX, offsetY),
            (geometry.ResizedWidth, geometry.ResizedHeight, geometry.OffsetX, geometry.OffsetY));
        Assert.Equal((width, height, size), (geometry.SourceWidth, geometry.SourceHeight, geometry.Size));
    }

    [Theory]
    [InlineData(0, 10, 512)]
    [InlineData(10, 0, 512)]
    [InlineData(10, 10, 0)]
    [InlineData(-5, 10, 512)]
    public void For_NonPositiveSize_Throws(int width, int height, int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LetterboxGeometry.For(width, height, size));

    [Theory]
    // source w, h, size, box (xmin, ymin, xmax, ymax) → expected normalized output
    [InlineData(1024, 768, 512, 0, 0, 1, 1, 0, 0.125, 1, 0.875)]                       // whole image, landscape
    [InlineData(768, 1024, 512, 0, 0, 1, 1, 0.125, 0, 0.875, 1)]                       // whole image, portrait
    [InlineData(1024, 768, 512, 0.25, 0.5, 0.75, 1, 0.25, 0.5, 0.75, 0.875)]          // touches the bottom edge
    [InlineData(1024, 768, 512, 0.5, 0, 1, 0.5, 0.5, 0.125, 1, 0.5)]                  // touches top and right
    [InlineData(1024, 768, 512, -0.1, -0.5, 0.5, 0.5, 0, 0, 0.5, 0.5)]                // clipped to the canvas
    [InlineData(1024, 768, 512, 0.5, 0.5, 1.2, 1.5, 0.5, 0.5, 1, 1)]                  // clipped to the canvas
    [InlineData(100, 100, 200, 0.1, 0.2, 0.3, 0.4, 0.1, 0.2, 0.3, 0.4)]               // square: unchanged
    [InlineData(4000, 10, 512, 0.25, 0, 0.5, 1, 0.25, 255 / 512.0, 0.5, 256.28 / 512)] // strip: offset + 1.28 rows
    public void Transform_Box_UsesTheSameScaleAndOffsetAsThePixels(int width, int height, int size,
        double xMin, double yMin, double xMax, double yMax,
        double expectedXMin, double expectedYMin, double expectedXMax, double expectedYMax)
    {
        var geometry = LetterboxGeometry.For(width, height, size);

        var result = geometry.Transform(new BoxCorners(3, xMin, yMin, xMax, yMax));

        Assert.NotNull(result);
        var box = result.Value;
        Assert.Equal(3, box.ClassId);
        Assert.Equal(expectedXMin, box.XMin, 1e-9);
        Assert.Equal(expectedYMin, box.YMin, 1e-9);
        Assert.Equal(expectedXMax, box.XMax, 1e-9);
        Assert.Equal(expectedYMax, box.YMax, 1e-9);
    }

    [Theory]
    // On 1024×768 → 512 one source pixel is half an output pixel.
    [InlineData(0.5, 0.5, 0.5 + 1.5 / 1024, 0.6, 1.0, true)]     // 0.75 px wide: dropped
    [InlineData(0.5, 0.5, 0.5 + 2.0 / 1024, 0.6, 1.0, false)]    // exactly 1 px wide: kept
    [InlineData(0.5, 0.5, 0.6, 0.5 + 1.5 / 768, 1.0, true)]      // 0.75 px high: dropped
    [InlineData(0.5, 0.5, 0.5, 0.6, 1.0, true)]                  // zero width
    [InlineData(1.1, 0.2, 1.3, 0.4, 1.0, true)]                  // entirely off the canvas: nothing left after clipping
    [InlineData(0.5, 0.5, 0.5 + 1.5 / 1024, 0.6, 0.5, false)]    // a smaller minimum keeps it
    [InlineData(0.5, 0.5, 0.5 + 8.0 / 1024, 0.6, 4.0, false)]    // 4 px wide meets a 4 px minimum
    [InlineData(0.5, 0.5, 0.5 + 8.0 / 1024, 0.6, 4.5, true)]     // 4 px wide is below a 4.5 px minimum
    public void Transform_TinyBox_IsDroppedBelowTheMinimumSide(double xMin, double yMin, double xMax, double yMax,
        double minSidePixels, bool dropped)
    {
        var geometry = LetterboxGeometry.For(1024, 768, 512);

        var result = geometry.Transform(new BoxCorners(0, xMin, yMin, xMax, yMax), minSidePixels);

        Assert.Equal(dropped, result is null);
    }

    [Fact]
    public void ToCorners_CentreAndSize_GivesUnclippedCorners()
    {
        var corners = BoxConversion.ToCorners(new YoloBox(2, 0.1, 0.5, 0.4, 0.2));

        Assert.Equal(2, corners.ClassId);
        Assert.Equal(-0.1, corners.XMin, 1e-12);
        Assert.Equal(0.4, corners.YMin, 1e-12);
        Assert.Equal(0.3, corners.XMax, 1e-12);
        Assert.Equal(0.6, corners.YMax, 1e-12);
    }
}
