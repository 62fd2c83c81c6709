using Detector.Preprocessing.Imaging;

namespace Detector.Preprocessing.Tests.Imaging;

public sealed class DctScaleTests
{
    [Theory]
    // stored w × h, resize target w × h → reduction
    [InlineData(1024, 768, 512, 384, 2)]     // aquarium: 1/2 is exactly the target
    [InlineData(1025, 769, 512, 384, 2)]     // rounded up: 513×385 still covers it
    [InlineData(1023, 768, 512, 384, 2)]     // ceil(1023 / 2) = 512 still covers it
    [InlineData(1022, 768, 512, 384, 1)]     // 511 would need an upscale: full size
    [InlineData(4000, 3000, 512, 384, 4)]    // 12 MP: 1/8 = 500×375 is too small, 1/4 = 1000×750
    [InlineData(4096, 3072, 512, 384, 8)]    // 1/8 = 512×384 exactly
    [InlineData(600, 400, 512, 341, 1)]      // 1/2 = 300×200 would need an upscale
    [InlineData(100, 50, 512, 256, 1)]       // smaller than the canvas: full size, the resize enlarges
    [InlineData(8000, 10, 512, 1, 8)]        // a strip: 1/8 = 1000×2 covers 512×1
    [InlineData(3000, 4000, 384, 512, 4)]    // portrait (or a turned landscape)
    public void Choose_LargestReductionCoveringTheTarget(int width, int height, int targetWidth, int targetHeight, int expected)
    {
        var denominator = DctScale.Choose(width, height, targetWidth, targetHeight);

        Assert.Equal(expected, denominator);
        var (scaledWidth, scaledHeight) = DctScale.Scaled(width, height, denominator);
        Assert.True(denominator == 1 || (scaledWidth >= targetWidth && scaledHeight >= targetHeight), $"{scaledWidth}×{scaledHeight} would need an upscale");
    }

    [Theory]
    [InlineData(1024, 768, 2, 512, 384)]
    [InlineData(1025, 767, 2, 513, 384)]
    [InlineData(4001, 3001, 8, 501, 376)]
    [InlineData(7, 7, 8, 1, 1)]
    [InlineData(640, 480, 1, 640, 480)]
    public void Scaled_RoundsUpLikeTurboJpeg(int width, int height, int denominator, int scaledWidth, int scaledHeight) =>
        Assert.Equal((scaledWidth, scaledHeight), DctScale.Scaled(width, height, denominator));
}
