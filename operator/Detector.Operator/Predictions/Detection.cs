namespace Detector.Operator.Predictions;

/// <summary>One box the Object Detection container returned, in normalized image coordinates (0..1).</summary>
/// <param name="ClassId">Class index, in the order of the Dataset's class names.</param>
/// <param name="Score">Confidence, 0..1.</param>
/// <param name="XMin">Left edge, 0..1 of the width.</param>
/// <param name="YMin">Top edge, 0..1 of the height.</param>
/// <param name="XMax">Right edge, 0..1 of the width.</param>
/// <param name="YMax">Bottom edge, 0..1 of the height.</param>
public sealed record Detection(int ClassId, double Score, double XMin, double YMin, double XMax, double YMax)
{
    /// <summary>The box in pixels of a <paramref name="width"/> × <paramref name="height"/> image, clamped to it.</summary>
    public PixelBox ToPixels(int width, int height) => new(
        Pixel(XMin, width), Pixel(YMin, height), Pixel(XMax, width), Pixel(YMax, height));

    private static int Pixel(double fraction, int size) => (int)Math.Round(Math.Clamp(fraction, 0, 1) * size);
}

/// <summary>A box in pixels: left, top, right, bottom (right and bottom exclusive).</summary>
/// <param name="Left">Left edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="Right">Right edge.</param>
/// <param name="Bottom">Bottom edge.</param>
public readonly record struct PixelBox(int Left, int Top, int Right, int Bottom);
