using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Preprocessing.Tests.Imaging;

/// <summary>Peak signal-to-noise ratio between two images, the usual measure of "looks the same".</summary>
internal static class ImageQuality
{
    /// <summary>PSNR in dB over <paramref name="area"/> of two same-size images (infinity when identical).</summary>
    public static double Psnr(Image<Rgb24> a, Image<Rgb24> b, Rectangle area)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        double squaredError = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        for (var x = area.Left; x < area.Right; x++)
        {
            var (p, q) = (a[x, y], b[x, y]);
            squaredError += Square(p.R - q.R) + Square(p.G - q.G) + Square(p.B - q.B);
        }
        var meanSquaredError = squaredError / (3.0 * area.Width * area.Height);
        return meanSquaredError == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / meanSquaredError);
    }

    private static double Square(int value) => (double)value * value;
}
