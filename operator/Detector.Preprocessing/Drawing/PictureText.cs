using SkiaSharp;

namespace Detector.Preprocessing.Drawing;

/// <summary>One legend entry: a class name in its colour, with an optional count.</summary>
/// <param name="Name">The class name.</param>
/// <param name="Color">Its box colour.</param>
public sealed record LegendEntry(string Name, SKColor Color);

/// <summary>Text on pictures: box tags (a filled tag in the box colour, black or white text, whichever reads better) and a legend strip.</summary>
public static class PictureText
{
    /// <summary>Height of a legend strip holding <paramref name="entries"/> laid out in rows across <paramref name="width"/>.</summary>
    public static int LegendHeight(IReadOnlyList<LegendEntry> entries, int width, float textSize) =>
        entries.Count == 0 ? 0 : (int)Math.Ceiling(Layout(entries, width, textSize).Rows * RowHeight(textSize) + textSize * 0.6f);

    /// <summary>Draws a tag with <paramref name="text"/> above (x, y), or just inside when there is no room above; kept on the canvas.</summary>
    public static void Tag(SKCanvas canvas, int canvasWidth, string text, float x, float y, SKColor color, float textSize)
    {
        using var font = DrawingFont.Create(textSize);
        var pad = MathF.Max(2, textSize * 0.25f);
        // Whole pixels, so the tag's edges are crisp in the box colour.
        var width = MathF.Ceiling(font.MeasureText(text) + 2 * pad);
        var height = MathF.Ceiling(textSize * 1.25f);
        var top = MathF.Floor(y - height >= 0 ? y - height : y);
        var left = MathF.Floor(MathF.Max(0, MathF.Min(x, canvasWidth - width)));
        using var fill = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawRect(left, top, width, height, fill);
        using var ink = new SKPaint { Color = Ink(color), IsAntialias = true };
        canvas.DrawText(text, left + pad, top + height - pad - font.Metrics.Descent * 0.5f, SKTextAlign.Left, font, ink);
    }

    /// <summary>Draws the legend: a colour swatch and the name per entry, wrapped into rows, inside <paramref name="area"/>.</summary>
    public static void Legend(SKCanvas canvas, SKRect area, IReadOnlyList<LegendEntry> entries, float textSize, SKColor textColor)
    {
        using var font = DrawingFont.Create(textSize);
        using var ink = new SKPaint { Color = textColor, IsAntialias = true };
        var (_, positions) = Layout(entries, (int)area.Width, textSize);
        for (var i = 0; i < entries.Count; i++)
        {
            var (column, row) = positions[i];
            var x = area.Left + column;
            var y = area.Top + textSize * 0.3f + row * RowHeight(textSize);
            using var swatch = new SKPaint { Color = entries[i].Color, IsAntialias = true };
            canvas.DrawRect(x, y + textSize * 0.15f, textSize, textSize, swatch);
            canvas.DrawText(entries[i].Name, x + textSize * 1.4f, y + textSize, SKTextAlign.Left, font, ink);
        }
    }

    /// <summary>Black on light colours, white on dark ones (relative luminance).</summary>
    public static SKColor Ink(SKColor background) =>
        0.2126 * background.Red + 0.7152 * background.Green + 0.0722 * background.Blue > 140 ? SKColors.Black : SKColors.White;

    private static float RowHeight(float textSize) => textSize * 1.6f;

    // Entries flow left to right and wrap: each takes its text width plus a swatch and a gap.
    private static (int Rows, List<(float X, int Row)> Positions) Layout(IReadOnlyList<LegendEntry> entries, int width, float textSize)
    {
        using var font = DrawingFont.Create(textSize);
        var positions = new List<(float, int)>();
        var (x, row) = (textSize * 0.5f, 0);
        foreach (var entry in entries)
        {
            var w = textSize * 1.4f + font.MeasureText(entry.Name) + textSize * 1.2f;
            if (x + w > width && x > textSize * 0.5f)
                (x, row) = (textSize * 0.5f, row + 1);
            positions.Add((x, row));
            x += w;
        }
        return (row + 1, positions);
    }
}
