using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace Detector.Preprocessing.Drawing;

/// <summary>Moves pixels between ImageSharp (decoding, resizing) and SkiaSharp (text, lines), and encodes PNGs.</summary>
public static class SkiaImages
{
    /// <summary>
    /// A Skia bitmap holding <paramref name="image"/> at the top and <paramref name="extraBottom"/> rows of
    /// <paramref name="fill"/> below it (room for a legend).
    /// </summary>
    public static SKBitmap FromImage(Image<Rgb24> image, int extraBottom, SKColor fill)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height + extraBottom, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(fill);
        var pixels = new byte[image.Width * 4];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                    (pixels[4 * x], pixels[4 * x + 1], pixels[4 * x + 2], pixels[4 * x + 3]) = (row[x].R, row[x].G, row[x].B, 255);
                System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels() + y * bitmap.RowBytes, pixels.Length);
            }
        });
        return bitmap;
    }

    /// <summary>The Skia colour of an ImageSharp one.</summary>
    public static SKColor Color(Rgb24 color) => new(color.R, color.G, color.B);

    /// <summary>PNG bytes of the bitmap.</summary>
    public static byte[] Png(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
