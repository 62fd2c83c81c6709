using System.Globalization;
using Detector.Preprocessing.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Detector.Operator.Predictions;

/// <summary>
/// Draws detections on the image: an outline per box in its class colour (the preview sheet's colours) and a tag with
/// the class index and score. ImageSharp.Drawing is not among our packages, so outlines are filled pixel rows and the
/// tag uses a built-in 3×5 pixel font of digits (the printed table carries the class names).
/// </summary>
public static class DetectionRenderer
{
    /// <summary>The image (JPEG or PNG bytes, EXIF orientation applied) with the boxes drawn, as PNG bytes.</summary>
    public static byte[] RenderPng(byte[] image, IReadOnlyList<Detection> detections, int classCount)
    {
        ArgumentNullException.ThrowIfNull(detections);
        using var picture = Image.Load<Rgb24>(image);
        picture.Mutate(x => x.AutoOrient());
        var classes = Math.Max(classCount, detections.Select(d => d.ClassId + 1).DefaultIfEmpty(1).Max());
        // Lines and glyphs grow with the image so they stay visible on a large photo.
        var scale = Math.Max(1, Math.Min(picture.Width, picture.Height) / 200);
        // Lowest score first, so the best box is drawn on top.
        foreach (var detection in detections.OrderBy(d => d.Score))
        {
            var color = PreviewRenderer.ClassColor(detection.ClassId, classes);
            var box = detection.ToPixels(picture.Width, picture.Height);
            Outline(picture, box, color, scale);
            var label = string.Create(CultureInfo.InvariantCulture, $"{detection.ClassId} {detection.Score:0.00}");
            Tag(picture, label, box.Left, box.Top, color, scale);
        }
        using var png = new MemoryStream();
        picture.SaveAsPng(png, new PngEncoder { CompressionLevel = PngCompressionLevel.BestSpeed });
        return png.ToArray();
    }

    /// <summary>Image size in pixels after EXIF orientation, for converting boxes (the same size <see cref="RenderPng"/> draws on).</summary>
    public static (int Width, int Height) Size(byte[] image)
    {
        using var picture = Image.Load<Rgb24>(image);
        picture.Mutate(x => x.AutoOrient());
        return (picture.Width, picture.Height);
    }

    private static void Outline(Image<Rgb24> picture, PixelBox box, Rgb24 color, int scale)
    {
        var line = 2 * scale;
        var (x0, y0) = (box.Left, box.Top);
        var (x1, y1) = (Math.Max(box.Right, x0 + 1), Math.Max(box.Bottom, y0 + 1));
        Fill(picture, x0, y0, x1 - x0, line, color);
        Fill(picture, x0, y1 - line, x1 - x0, line, color);
        Fill(picture, x0, y0, line, y1 - y0, color);
        Fill(picture, x1 - line, y0, line, y1 - y0, color);
    }

    private static void Tag(Image<Rgb24> picture, string label, int left, int top, Rgb24 color, int scale)
    {
        var pad = scale;
        var width = (label.Length * (PixelFont.GlyphWidth + 1) - 1) * scale + 2 * pad;
        var height = PixelFont.GlyphHeight * scale + 2 * pad;
        // Above the box when there is room, else inside its top edge.
        var y = top - height >= 0 ? top - height : top;
        var x = Math.Min(left, Math.Max(0, picture.Width - width));
        Fill(picture, x, y, width, height, color);
        var ink = new Rgb24(0, 0, 0);
        for (var i = 0; i < label.Length; i++)
        {
            var glyph = PixelFont.Glyph(label[i]);
            for (var row = 0; row < PixelFont.GlyphHeight; row++)
                for (var column = 0; column < PixelFont.GlyphWidth; column++)
                    if (glyph[row * PixelFont.GlyphWidth + column] == '#')
                        Fill(picture, x + pad + (i * (PixelFont.GlyphWidth + 1) + column) * scale, y + pad + row * scale, scale, scale, ink);
        }
    }

    // Clipped to the image, so boxes at the border and tags near it are safe.
    private static void Fill(Image<Rgb24> picture, int x, int y, int width, int height, Rgb24 color)
    {
        var (left, top) = (Math.Max(0, x), Math.Max(0, y));
        var (right, bottom) = (Math.Min(picture.Width, x + width), Math.Min(picture.Height, y + height));
        if (right <= left || bottom <= top)
            return;
        picture.ProcessPixelRows(rows =>
        {
            for (var row = top; row < bottom; row++)
                rows.GetRowSpan(row)[left..right].Fill(color);
        });
    }
}
