using System.Globalization;
using Detector.Preprocessing.Drawing;
using SkiaSharp;

namespace Detector.Operator.Charts;

/// <summary>One line of a chart.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Points">(x, y) in data units, in x order.</param>
/// <param name="Emphasis">Drawn thicker, on top, and named first in the legend (the best trial).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points, bool Emphasis = false);

/// <summary>What to draw.</summary>
/// <param name="Title">Above the plot.</param>
/// <param name="XLabel">Under the x axis.</param>
/// <param name="YLabel">Beside the y axis.</param>
/// <param name="Series">The lines.</param>
/// <param name="Notes">Lines of text under the legend (e.g. the best trial's hyperparameters).</param>
public sealed record ChartSpec(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series, IReadOnlyList<string> Notes);

/// <summary>
/// Line charts with SkiaSharp and the embedded font: title, axes with round ticks and grid, a marker per point, a legend
/// and notes at the right. The same drawing goes to PNG (raster) or SVG (Skia's SVG canvas).
/// </summary>
public static class LineChart
{
    private const int Width = 1000;
    private const int Height = 560;
    private const float PlotLeft = 80, PlotTop = 50, PlotRight = 700, PlotBottom = 490;
    private static readonly SKColor[] s_palette =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];

    /// <summary>PNG bytes of the chart.</summary>
    public static byte[] Png(ChartSpec spec)
    {
        using var bitmap = new SKBitmap(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
            Draw(canvas, spec);
        return SkiaImages.Png(bitmap);
    }

    /// <summary>SVG bytes of the chart.</summary>
    public static byte[] Svg(ChartSpec spec)
    {
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), managed))
            Draw(canvas, spec);
        return stream.ToArray();
    }

    /// <summary>The colour of the <paramref name="index"/>th series.</summary>
    public static SKColor Color(int index) => s_palette[index % s_palette.Length];

    private static void Draw(SKCanvas canvas, ChartSpec spec)
    {
        canvas.Clear(SKColors.White);
        using var title = DrawingFont.Create(20);
        using var text = DrawingFont.Create(13);
        using var ink = new SKPaint { Color = new SKColor(40, 40, 40), IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(225, 225, 225), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var axis = new SKPaint { Color = new SKColor(90, 90, 90), StrokeWidth = 1.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawText(spec.Title, PlotLeft, 32, SKTextAlign.Left, title, ink);
        var points = spec.Series.SelectMany(s => s.Points).ToList();
        var (xMin, xMax) = Range(points.Select(p => p.X), zeroBased: false);
        var (yMin, yMax) = Range(points.Select(p => p.Y), zeroBased: true);
        float X(double x) => PlotLeft + (float)((x - xMin) / (xMax - xMin)) * (PlotRight - PlotLeft);
        float Y(double y) => PlotBottom - (float)((y - yMin) / (yMax - yMin)) * (PlotBottom - PlotTop);
        foreach (var tick in Ticks(yMin, yMax))
        {
            canvas.DrawLine(PlotLeft, Y(tick), PlotRight, Y(tick), grid);
            canvas.DrawText(Format(tick), PlotLeft - 8, Y(tick) + 4, SKTextAlign.Right, text, ink);
        }
        foreach (var tick in Ticks(xMin, xMax))
        {
            canvas.DrawLine(X(tick), PlotTop, X(tick), PlotBottom, grid);
            canvas.DrawText(Format(tick), X(tick), PlotBottom + 18, SKTextAlign.Center, text, ink);
        }
        canvas.DrawLine(PlotLeft, PlotBottom, PlotRight, PlotBottom, axis);
        canvas.DrawLine(PlotLeft, PlotTop, PlotLeft, PlotBottom, axis);
        canvas.DrawText(spec.XLabel, (PlotLeft + PlotRight) / 2, PlotBottom + 42, SKTextAlign.Center, text, ink);
        canvas.Save();
        canvas.RotateDegrees(-90, 22, (PlotTop + PlotBottom) / 2);
        canvas.DrawText(spec.YLabel, 22, (PlotTop + PlotBottom) / 2, SKTextAlign.Center, text, ink);
        canvas.Restore();
        if (points.Count == 0)
            canvas.DrawText("no data points yet", (PlotLeft + PlotRight) / 2, (PlotTop + PlotBottom) / 2, SKTextAlign.Center, title, ink);
        // Emphasised series last, so they are drawn on top.
        var order = spec.Series.Select((s, i) => (s, i)).OrderBy(p => p.s.Emphasis).ToList();
        foreach (var (series, index) in order)
        {
            using var line = new SKPaint { Color = Color(index), StrokeWidth = series.Emphasis ? 3.5f : 2f, Style = SKPaintStyle.Stroke, IsAntialias = true };
            using var dot = new SKPaint { Color = Color(index), IsAntialias = true };
            var at = series.Points.Select(p => new SKPoint(X(p.X), Y(p.Y))).ToArray();
            if (at.Length > 1)
                canvas.DrawPoints(SKPointMode.Polygon, at, line);
            foreach (var point in at)
                canvas.DrawCircle(point, series.Emphasis ? 4.5f : 3f, dot);
        }
        DrawLegend(canvas, spec, text, ink);
    }

    private static void DrawLegend(SKCanvas canvas, ChartSpec spec, SKFont text, SKPaint ink)
    {
        var y = PlotTop + 10;
        const float x = PlotRight + 30;
        foreach (var (series, index) in spec.Series.Select((s, i) => (s, i)).OrderByDescending(p => p.s.Emphasis))
        {
            using var swatch = new SKPaint { Color = Color(index), StrokeWidth = series.Emphasis ? 4f : 2.5f, IsAntialias = true };
            canvas.DrawLine(x, y - 4, x + 24, y - 4, swatch);
            canvas.DrawText(Fit(series.Name, text, Width - x - 40), x + 32, y, SKTextAlign.Left, text, ink);
            y += 20;
            if (y > PlotBottom - 20 * spec.Notes.Count - 30)
                break;
        }
        y += 14;
        foreach (var note in spec.Notes)
        {
            canvas.DrawText(Fit(note, text, Width - x - 10), x, y, SKTextAlign.Left, text, ink);
            y += 18;
        }
    }

    private static string Fit(string value, SKFont font, float width)
    {
        if (font.MeasureText(value) <= width)
            return value;
        while (value.Length > 1 && font.MeasureText(value + "…") > width)
            value = value[..^1];
        return value + "…";
    }

    /// <summary>Pure: the axis range of the values, padded, from 0 when all are positive and <paramref name="zeroBased"/>.</summary>
    public static (double Min, double Max) Range(IEnumerable<double> values, bool zeroBased)
    {
        var list = values.Where(double.IsFinite).ToList();
        if (list.Count == 0)
            return (0, 1);
        var (min, max) = (list.Min(), list.Max());
        if (zeroBased && min >= 0)
            min = 0;
        if (max - min < 1e-12)
            (min, max) = (min - 0.5, max + 0.5);
        return (min, max + (zeroBased ? (max - min) * 0.05 : 0));
    }

    /// <summary>Pure: round tick values (1, 2 or 5 × 10^n apart) covering [min, max], 4 to 10 of them.</summary>
    public static IReadOnlyList<double> Ticks(double min, double max)
    {
        var raw = (max - min) / 6;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        // Integer multiples of the step, rounded so 0.6 prints as 0.6 and not 0.6000000000000001.
        for (var k = Math.Ceiling(min / step - 1e-9); k * step <= max + step * 1e-9; k++)
            ticks.Add(Math.Round(k * step, 12));
        return ticks;
    }

    // Adding 0.0 turns a negative zero into zero, which would otherwise print as "-0".
    private static string Format(double value) => (value + 0.0).ToString("0.###", CultureInfo.InvariantCulture);
}
