using System.Globalization;
using Detector.Preprocessing.Drawing;
using Detector.Preprocessing.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SkiaSharp;

namespace Detector.Operator.Predictions;

/// <summary>
/// Draws detections on the image with SkiaSharp and the embedded font: an outline per box in its class colour (the
/// preview sheet's colours), a tag "fish 0.98" above it, and a legend of the classes shown in the top-right corner.
/// The picture keeps the image's size, so box coordinates in the table are its pixels.
/// </summary>
public static class DetectionRenderer
{
    /// <summary>
    /// The image (JPEG or PNG bytes, EXIF orientation applied) with the boxes drawn, as PNG bytes. Classes are named from
    /// <paramref name="classNames"/> when it has the id, else "class N".
    /// </summary>
    public static byte[] RenderPng(byte[] image, IReadOnlyList<Detection> detections, IReadOnlyList<string>? classNames, int classCount)
    {
        ArgumentNullException.ThrowIfNull(detections);
        using var picture = Image.Load<Rgb24>(image);
        picture.Mutate(x => x.AutoOrient());
        var classes = Math.Max(classCount, detections.Select(d => d.ClassId + 1).DefaultIfEmpty(1).Max());
        using var bitmap = SkiaImages.FromImage(picture, 0, SKColors.Black);
        using (var canvas = new SKCanvas(bitmap))
        {
            // Lines and text grow with the image so they stay legible on a large photo.
            var side = Math.Min(picture.Width, picture.Height);
            var line = Math.Max(2, side / 150);
            var textSize = Math.Clamp(side / 22f, 11f, 48f);
            // Lowest score first, so the best box is drawn on top.
            foreach (var detection in detections.OrderBy(d => d.Score))
            {
                var color = SkiaImages.Color(PreviewRenderer.ClassColor(detection.ClassId, classes));
                var box = detection.ToPixels(picture.Width, picture.Height);
                using var stroke = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = line };
                // Inside the box (and the image), so a box at the border stays visible.
                var inset = line / 2f;
                canvas.DrawRect(new SKRect(box.Left + inset, box.Top + inset, Math.Max(box.Right, box.Left + line) - inset,
                    Math.Max(box.Bottom, box.Top + line) - inset), stroke);
                var label = string.Create(CultureInfo.InvariantCulture, $"{Name(detection.ClassId, classNames)} {detection.Score:0.00}");
                PictureText.Tag(canvas, picture.Width, label, box.Left, box.Top, color, textSize);
            }
            DrawLegend(canvas, picture.Width, detections, classNames, classes, textSize);
        }
        return SkiaImages.Png(bitmap);
    }

    /// <summary>Image size in pixels after EXIF orientation, for converting boxes (the same size <see cref="RenderPng"/> draws on).</summary>
    public static (int Width, int Height) Size(byte[] image)
    {
        using var picture = Image.Load<Rgb24>(image);
        picture.Mutate(x => x.AutoOrient());
        return (picture.Width, picture.Height);
    }

    /// <summary>The class's name, or "class N" when the names are unknown.</summary>
    public static string Name(int classId, IReadOnlyList<string>? classNames) =>
        classNames is not null && classId >= 0 && classId < classNames.Count ? classNames[classId] : $"class {classId}";

    // One line per class shown, on a translucent panel in the top-right corner (boxes' tags sit at their top-left).
    private static void DrawLegend(SKCanvas canvas, int width, IReadOnlyList<Detection> detections, IReadOnlyList<string>? classNames, int classes,
        float textSize)
    {
        var shown = detections.Select(d => d.ClassId).Distinct().Order().ToList();
        if (shown.Count == 0)
            return;
        var size = textSize * 0.8f;
        using var font = DrawingFont.Create(size);
        var names = shown.Select(id => Name(id, classNames)).ToList();
        var panelWidth = names.Max(n => font.MeasureText(n)) + size * 2.6f;
        var row = size * 1.5f;
        var panel = new SKRect(width - panelWidth - size * 0.5f, size * 0.5f, width - size * 0.5f, size * 0.5f + row * shown.Count + size * 0.5f);
        using var back = new SKPaint { Color = new SKColor(0, 0, 0, 170) };
        canvas.DrawRect(panel, back);
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        for (var i = 0; i < shown.Count; i++)
        {
            var y = panel.Top + size * 0.5f + i * row;
            using var swatch = new SKPaint { Color = SkiaImages.Color(PreviewRenderer.ClassColor(shown[i], classes)) };
            canvas.DrawRect(panel.Left + size * 0.5f, y + size * 0.15f, size, size, swatch);
            canvas.DrawText(names[i], panel.Left + size * 2f, y + size, SKTextAlign.Left, font, ink);
        }
    }
}
