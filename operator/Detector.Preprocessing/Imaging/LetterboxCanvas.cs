using System.Runtime.InteropServices;
using Detector.Preprocessing.Geometry;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Preprocessing.Imaging;

/// <summary>The square letterbox canvas as packed RGB bytes (row-major, 3 bytes a pixel), for the libjpeg-turbo path.</summary>
internal static class LetterboxCanvas
{
    /// <summary>Bytes of a canvas of side <paramref name="size"/>.</summary>
    public static int Bytes(int size) => checked(size * size * 3);

    /// <summary>Copies an image of exactly the resized size (packed RGB, <paramref name="pixels"/>) into the image area.</summary>
    public static void Paste(Span<byte> canvas, LetterboxGeometry geometry, ReadOnlySpan<byte> pixels)
    {
        var rowBytes = geometry.ResizedWidth * 3;
        for (var y = 0; y < geometry.ResizedHeight; y++)
            pixels.Slice(y * rowBytes, rowBytes).CopyTo(ImageRow(canvas, geometry, y));
    }

    /// <summary>Row <paramref name="y"/> of the image area (resized width × 3 bytes).</summary>
    public static Span<byte> ImageRow(Span<byte> canvas, LetterboxGeometry geometry, int y) =>
        canvas.Slice(((geometry.OffsetY + y) * geometry.Size + geometry.OffsetX) * 3, geometry.ResizedWidth * 3);

    /// <summary>Paints everything outside the image area with <paramref name="pad"/>; the image area is left as it is.</summary>
    public static void FillPadding(Span<byte> canvas, LetterboxGeometry geometry, Rgb24 pad)
    {
        var pixels = MemoryMarshal.Cast<byte, Rgb24>(canvas);
        var size = geometry.Size;
        var imageRight = geometry.OffsetX + geometry.ResizedWidth;
        var imageBottom = geometry.OffsetY + geometry.ResizedHeight;
        for (var y = 0; y < size; y++)
        {
            var row = pixels.Slice(y * size, size);
            if (y < geometry.OffsetY || y >= imageBottom)
            {
                row.Fill(pad);
                continue;
            }
            row[..geometry.OffsetX].Fill(pad);
            row[imageRight..].Fill(pad);
        }
    }
}
