using SkiaSharp;

namespace Detector.Preprocessing.Drawing;

/// <summary>
/// The one typeface every picture uses: DejaVu Sans, embedded in the assembly (licence beside it in Fonts/), so labels,
/// legends and charts render the same on a laptop and in the chiseled container image, which has no fonts at all.
/// </summary>
public static class DrawingFont
{
    private static readonly Lazy<SKTypeface> s_typeface = new(Load);

    /// <summary>The embedded typeface (loaded once).</summary>
    public static SKTypeface Typeface => s_typeface.Value;

    /// <summary>A font of the typeface at <paramref name="size"/> pixels, anti-aliased with subpixel positioning.</summary>
    public static SKFont Create(float size) => new(Typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };

    private static SKTypeface Load()
    {
        using var stream = typeof(DrawingFont).Assembly.GetManifestResourceStream("Detector.Drawing.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The embedded font Detector.Drawing.DejaVuSans.ttf is missing from the assembly");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("The embedded font could not be read by SkiaSharp");
    }
}
