namespace Detector.Preprocessing.Geometry;

/// <summary>
/// Where an upright source image lands on a size×size letterbox canvas: one uniform scale, the resized
/// pixel size and the (floor-centred) offset of the image area. Pixels and boxes use exactly these numbers.
/// </summary>
/// <param name="SourceWidth">Upright source width in pixels.</param>
/// <param name="SourceHeight">Upright source height in pixels.</param>
/// <param name="Size">Side of the square output canvas.</param>
/// <param name="Scale">size / max(width, height).</param>
/// <param name="ResizedWidth">round(width · scale), at least 1.</param>
/// <param name="ResizedHeight">round(height · scale), at least 1.</param>
/// <param name="OffsetX">Left padding: (size − resizedWidth) / 2, floored.</param>
/// <param name="OffsetY">Top padding: (size − resizedHeight) / 2, floored.</param>
public sealed record LetterboxGeometry(
    int SourceWidth, int SourceHeight, int Size, double Scale,
    int ResizedWidth, int ResizedHeight, int OffsetX, int OffsetY)
{
    /// <summary>Computes the geometry for an upright image of the given size; throws on non-positive sizes.</summary>
    public static LetterboxGeometry For(int uprightWidth, int uprightHeight, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(uprightWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(uprightHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var scale = (double)size / Math.Max(uprightWidth, uprightHeight);
        var resizedWidth = ResizedSide(uprightWidth, scale, size);
        var resizedHeight = ResizedSide(uprightHeight, scale, size);
        return new(uprightWidth, uprightHeight, size, scale, resizedWidth, resizedHeight,
            (size - resizedWidth) / 2, (size - resizedHeight) / 2);
    }

    // A 4000×1 strip still needs one pixel row; the long side is exactly size, so the clamp never exceeds it.
    private static int ResizedSide(int side, double scale, int size) =>
        Math.Clamp((int)Math.Round(side * scale, MidpointRounding.AwayFromZero), 1, size);

    /// <summary>
    /// Maps normalized source corners to normalized output corners (pixel x = OffsetX + xn·w·s, divided by size),
    /// clipped to [0,1]. Returns null when the clipped box is narrower or lower than <paramref name="minSidePixels"/>
    /// output pixels: such a box carries no trainable signal.
    /// </summary>
    public BoxCorners? Transform(BoxCorners source, double minSidePixels = 1.0)
    {
        var xMin = ToCanvasX(source.XMin);
        var xMax = ToCanvasX(source.XMax);
        var yMin = ToCanvasY(source.YMin);
        var yMax = ToCanvasY(source.YMax);
        if (xMax - xMin < minSidePixels || yMax - yMin < minSidePixels)
            return null;
        return new BoxCorners(source.ClassId, xMin / Size, yMin / Size, xMax / Size, yMax / Size);
    }

    // Canvas pixel coordinate, clipped to the canvas: the same scale and offset the pixels went through.
    private double ToCanvasX(double normalized) => Math.Clamp(OffsetX + normalized * SourceWidth * Scale, 0, Size);

    private double ToCanvasY(double normalized) => Math.Clamp(OffsetY + normalized * SourceHeight * Scale, 0, Size);
}
