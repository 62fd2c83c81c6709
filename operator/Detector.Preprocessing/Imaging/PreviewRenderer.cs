using Detector.Preprocessing.Geometry;

namespace Detector.Preprocessing.Imaging;

/// <summary>One letterboxed image and its output boxes, for the preview sheet.</summary>
/// <param name="Jpeg">The letterboxed JPEG.</param>
/// <param name="Boxes">Normalized output boxes.</param>
public sealed record PreviewTile(byte[] Jpeg, IReadOnlyList<BoxCorners> Boxes);

/// <summary>Renders a contact sheet of letterboxed images with their boxes, so a human can eyeball the labels.</summary>
public static class PreviewRenderer
{
    /// <summary>Grid of tiles (tileSize square, <paramref name="columns"/> wide), 2-px box outlines, one colour per class; PNG bytes.</summary>
    public static byte[] RenderPng(IReadOnlyList<PreviewTile> tiles, int classCount, int tileSize = 256, int columns = 4)
    {
        throw new NotImplementedException();
    }
}
