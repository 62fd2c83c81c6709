using Detector.Preprocessing.Geometry;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Preprocessing.Imaging;

/// <summary>How to letterbox: canvas side, padding colour (#rrggbb) and JPEG quality.</summary>
/// <param name="Size">Side of the square output.</param>
/// <param name="PadColor">Padding colour as #rrggbb (the default is im2rec/SageMaker's mean grey 114).</param>
/// <param name="JpegQuality">JPEG quality 1–100.</param>
public sealed record LetterboxOptions(int Size = 512, string PadColor = "#727272", int JpegQuality = 95)
{
    /// <summary>Parses "#rrggbb" (or "rrggbb"); throws <see cref="FormatException"/> naming the value.</summary>
    public static Rgb24 ParseColor(string value)
    {
        throw new NotImplementedException();
    }
}

/// <summary>A letterboxed JPEG and the geometry that produced it.</summary>
/// <param name="Jpeg">Encoded 3-channel JPEG without metadata.</param>
/// <param name="Geometry">Where the image sits on the canvas; use it to transform the boxes.</param>
/// <param name="UprightWidth">Width after EXIF orientation.</param>
/// <param name="UprightHeight">Height after EXIF orientation.</param>
public sealed record LetterboxedImage(byte[] Jpeg, LetterboxGeometry Geometry, int UprightWidth, int UprightHeight);

/// <summary>Decodes, orients, resizes and pads one image to a square JPEG.</summary>
public static class Letterboxer
{
    /// <summary>
    /// Letterboxes an image already accepted by <see cref="ImageInspector.Inspect"/>. Thread-safe; each call is
    /// single-threaded (parallelism is across images). Throws <see cref="ImageRejectedException"/> (Corrupt) on decoder failure.
    /// </summary>
    public static LetterboxedImage Process(ReadOnlySpan<byte> bytes, ImageInfo info, LetterboxOptions options, ImageLimits limits)
    {
        throw new NotImplementedException();
    }
}
