using Detector.Preprocessing.Imaging;

namespace Detector.Preprocessing.Tests.Imaging;

public sealed class TriangleCompletionTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(37, 5)]     // rows of 111 bytes: vector body plus a scalar tail
    [InlineData(512, 384)]
    public void ApplyInPlace_FlatImage_StaysFlat(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < rgb.Length; i += 3)
            (rgb[i], rgb[i + 1], rgb[i + 2]) = (10, 128, 250);

        TriangleCompletion.ApplyInPlace(rgb, width, height);

        for (var i = 0; i < rgb.Length; i += 3)
            Assert.Equal((10, 128, 250), (rgb[i], rgb[i + 1], rgb[i + 2]));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(40, 7)]     // the spot lands in the vector body
    public void ApplyInPlace_OneBrightPixel_SpreadsAsOneSixOneSquared(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        var (cx, cy) = (width / 2, height / 2);
        rgb[(cy * width + cx) * 3 + 1] = 64; // green channel only

        TriangleCompletion.ApplyInPlace(rgb, width, height);

        // [1 6 1]/8 ⊗ [1 6 1]/8 of 64: 36 in the centre, 6 beside, 1 diagonally; other channels stay 0.
        byte Green(int x, int y) => rgb[(y * width + x) * 3 + 1];
        Assert.Equal((36, 6, 6, 6, 6, 1, 1), (Green(cx, cy), Green(cx - 1, cy), Green(cx + 1, cy), Green(cx, cy - 1), Green(cx, cy + 1),
            Green(cx - 1, cy - 1), Green(cx + 1, cy + 1)));
        Assert.Equal(0, Green(cx + 2, cy));
        Assert.All(Enumerable.Range(0, width * height), p => Assert.Equal((0, 0), (rgb[p * 3], rgb[p * 3 + 2])));
    }

    [Fact]
    public void ApplyInPlace_EdgePixel_RepeatsTheBorder()
    {
        // A 3×1 image: the left pixel's missing neighbour is itself, so (7·80 + 0)/8 = 70, then unchanged vertically.
        byte[] rgb = [80, 80, 80, 0, 0, 0, 0, 0, 0];

        TriangleCompletion.ApplyInPlace(rgb, 3, 1);

        Assert.Equal([70, 70, 70, 10, 10, 10, 0, 0, 0], rgb);
    }
}
