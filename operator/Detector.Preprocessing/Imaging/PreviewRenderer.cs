using System.Runtime.InteropServices;
using Detector.Preprocessing.Drawing;
using Detector.Preprocessing.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SkiaSharp;

namespace Detector.Preprocessing.Imaging;

/// <summary>One letterboxed image and its output boxes, for the preview sheet.</summary>
/// <param name="Jpeg">The letterboxed JPEG.</param>
/// <param name="Boxes">Normalized output boxes.</param>
public sealed record PreviewTile(byte[] Jpeg, IReadOnlyList<BoxCorners> Boxes);

/// <summary>Renders a contact sheet of letterboxed images with their boxes (and, given the class names, a tag per box and a legend), so a human can eyeball the labels.</summary>
public static class PreviewRenderer
{
    /// <summary>Outline thickness in sheet pixels.</summary>
    public const int LineWidth = 2;

    private static readonly Rgb24 s_background = new(32, 32, 32);

    // A preview is looked at once: fast deflate took the aquarium run's final step from 0.55 s to 0.36 s (1.3 MB PNG).
    private static readonly PngEncoder s_encoder = new() { CompressionLevel = PngCompressionLevel.BestSpeed };

    /// <summary>
    /// Grid of tiles (tileSize square, <paramref name="columns"/> wide), 2-px box outlines, one colour per class; PNG bytes.
    /// An empty tile list gives a single empty tile.
    /// </summary>
    public static byte[] RenderPng(IReadOnlyList<PreviewTile> tiles, int classCount, int tileSize = 256, int columns = 4)
    {
        using var sheet = RenderSheet(tiles, classCount, tileSize, columns);
        using var png = new MemoryStream();
        sheet.SaveAsPng(png, s_encoder);
        return png.ToArray();
    }

    /// <summary>
    /// The same grid with each box tagged with its class name and a legend of every class in its colour below the
    /// grid (text drawn with SkiaSharp and the embedded font); PNG bytes.
    /// </summary>
    public static byte[] RenderPng(IReadOnlyList<PreviewTile> tiles, IReadOnlyList<string> classNames, int tileSize = 256, int columns = 4)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        using var sheet = RenderSheet(tiles, classNames.Count, tileSize, columns);
        var textSize = Math.Clamp(tileSize / 20f, 9f, 16f);
        var legend = classNames.Select((name, id) => new LegendEntry(name, SkiaImages.Color(ClassColor(id, classNames.Count)))).ToList();
        var legendHeight = PictureText.LegendHeight(legend, sheet.Width, textSize);
        using var bitmap = SkiaImages.FromImage(sheet, legendHeight, SkiaImages.Color(s_background));
        using (var canvas = new SKCanvas(bitmap))
        {
            for (var i = 0; i < tiles.Count; i++)
                // Largest first, so a small box's tag is drawn over a large one's.
                foreach (var box in tiles[i].Boxes.OrderByDescending(b => (b.XMax - b.XMin) * (b.YMax - b.YMin)))
                {
                    var id = (box.ClassId % classNames.Count + classNames.Count) % classNames.Count;
                    PictureText.Tag(canvas, sheet.Width, classNames[id], i % columns * tileSize + (float)(box.XMin * tileSize),
                        i / columns * tileSize + (float)(box.YMin * tileSize), legend[id].Color, textSize * 0.85f);
                }
            PictureText.Legend(canvas, new SKRect(0, sheet.Height, sheet.Width, sheet.Height + legendHeight), legend, textSize, SKColors.White);
        }
        return SkiaImages.Png(bitmap);
    }

    private static Image<Rgb24> RenderSheet(IReadOnlyList<PreviewTile> tiles, int classCount, int tileSize, int columns)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileSize, 2 * LineWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        var configuration = ImagingConfiguration.For(new ImageLimits());
        var gridColumns = Math.Max(1, Math.Min(columns, tiles.Count));
        var gridRows = Math.Max(1, (tiles.Count + columns - 1) / columns);
        var sheet = new Image<Rgb24>(configuration, gridColumns * tileSize, gridRows * tileSize, s_background);
        for (var i = 0; i < tiles.Count; i++)
        {
            var left = i % columns * tileSize;
            var top = i / columns * tileSize;
            using (var tile = LoadTile(tiles[i].Jpeg, tileSize, configuration))
                Paste(sheet, tile, left, top);
            foreach (var box in tiles[i].Boxes)
                DrawBox(sheet, box, left, top, tileSize, ClassColor(box.ClassId, classCount));
        }
        return sheet;
    }

    // The tiles are our own 512 JPEGs: with libjpeg-turbo a 1/2 DCT-scaled decode is the 256 tile already, which spares
    // the run's last step a full decode per tile and, on that path, the cold start of ImageSharp's JPEG decoder.
    private static Image<Rgb24> LoadTile(byte[] jpeg, int tileSize, Configuration configuration)
    {
        if (JpegCodecs.Resolve(JpegCodec.Auto) == JpegCodec.TurboJpeg && TurboJpeg.ReadHeader(jpeg) is { IsCmyk: false } header)
        {
            var (width, height) = DctScale.Scaled(header.Width, header.Height, DctScale.Choose(header.Width, header.Height, tileSize, tileSize));
            var tile = new Image<Rgb24>(configuration, width, height);
            if (tile.DangerousTryGetSinglePixelMemory(out var pixels) && TurboJpeg.TryDecodeRgb(jpeg, MemoryMarshal.AsBytes(pixels.Span), width, height))
            {
                if ((width, height) != (tileSize, tileSize))
                    tile.Mutate(x => x.Resize(tileSize, tileSize, KnownResamplers.Triangle));
                return tile;
            }
            tile.Dispose();
        }
        var decoded = Image.Load<Rgb24>(configuration, jpeg);
        decoded.Mutate(x => x.Resize(tileSize, tileSize, KnownResamplers.Triangle));
        return decoded;
    }

    /// <summary>A distinct, saturated colour per class: hues spread evenly around the wheel.</summary>
    public static Rgb24 ClassColor(int classId, int classCount)
    {
        var hue = (double)((classId % classCount + classCount) % classCount) / classCount;
        return FromHue(hue);
    }

    private static Rgb24 FromHue(double hue)
    {
        // HSV with full saturation and value: six linear segments.
        var h = hue * 6;
        var x = (byte)Math.Round(255 * (1 - Math.Abs(h % 2 - 1)));
        return (int)h switch
        {
            0 => new Rgb24(255, x, 0),
            1 => new Rgb24(x, 255, 0),
            2 => new Rgb24(0, 255, x),
            3 => new Rgb24(0, x, 255),
            4 => new Rgb24(x, 0, 255),
            _ => new Rgb24(255, 0, x),
        };
    }

    private static void Paste(Image<Rgb24> sheet, Image<Rgb24> tile, int left, int top)
    {
        sheet.ProcessPixelRows(tile, (target, source) =>
        {
            for (var y = 0; y < source.Height; y++)
                source.GetRowSpan(y).CopyTo(target.GetRowSpan(top + y)[left..]);
        });
    }

    private static void DrawBox(Image<Rgb24> sheet, BoxCorners box, int left, int top, int tileSize, Rgb24 color)
    {
        // The outline lies inside the box and inside the tile, so a box on the border stays visible.
        var max = tileSize - LineWidth;
        var x0 = Math.Clamp((int)Math.Round(box.XMin * tileSize), 0, max);
        var y0 = Math.Clamp((int)Math.Round(box.YMin * tileSize), 0, max);
        var x1 = Math.Clamp((int)Math.Round(box.XMax * tileSize) - LineWidth, x0, max);
        var y1 = Math.Clamp((int)Math.Round(box.YMax * tileSize) - LineWidth, y0, max);
        FillRect(sheet, left + x0, top + y0, x1 - x0 + LineWidth, LineWidth, color);
        FillRect(sheet, left + x0, top + y1, x1 - x0 + LineWidth, LineWidth, color);
        FillRect(sheet, left + x0, top + y0, LineWidth, y1 - y0 + LineWidth, color);
        FillRect(sheet, left + x1, top + y0, LineWidth, y1 - y0 + LineWidth, color);
    }

    private static void FillRect(Image<Rgb24> sheet, int x, int y, int width, int height, Rgb24 color)
    {
        sheet.ProcessPixelRows(rows =>
        {
            for (var row = y; row < y + height; row++)
                rows.GetRowSpan(row).Slice(x, width).Fill(color);
        });
    }
}
