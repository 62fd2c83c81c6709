namespace Detector.Preprocessing.Imaging;

/// <summary>What the header of an image says, before any pixel is decoded.</summary>
/// <param name="Format">Format decided from the content ("JPEG", "PNG", …), never the extension.</param>
/// <param name="Width">Stored width in pixels (before EXIF orientation).</param>
/// <param name="Height">Stored height in pixels (before EXIF orientation).</param>
/// <param name="Orientation">EXIF orientation 1–8 (1 when absent or invalid).</param>
/// <param name="Note">A remark worth reporting, e.g. "PNG content in a .jpg file"; null when none.</param>
public sealed record ImageInfo(string Format, int Width, int Height, ushort Orientation, string? Note);

/// <summary>Cheap, header-only checks that run before an image is decoded.</summary>
public static class ImageInspector
{
    /// <summary>
    /// Identifies the format from the content, reads the header, refuses too many pixels and truncated files.
    /// Throws <see cref="ImageRejectedException"/> naming <paramref name="fileName"/>.
    /// </summary>
    public static ImageInfo Inspect(ReadOnlySpan<byte> bytes, string fileName, ImageLimits limits)
    {
        throw new NotImplementedException();
    }
}
