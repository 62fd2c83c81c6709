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
        throw new NotImplementedException();
    }

    /// <summary>
    /// Maps normalized source corners to normalized output corners (pixel x = OffsetX + xn·w·s, divided by size),
    /// clipped to [0,1]. Returns null when the clipped box is narrower or lower than <paramref name="minSidePixels"/>
    /// output pixels: such a box carries no trainable signal.
    /// </summary>
    public BoxCorners? Transform(BoxCorners source, double minSidePixels = 1.0)
    {
        throw new NotImplementedException();
    }
}
