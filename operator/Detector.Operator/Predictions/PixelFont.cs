namespace Detector.Operator.Predictions;

/// <summary>A 3×5 pixel font of the characters a detection tag needs (digits, '.', ' '); '#' is ink.</summary>
public static class PixelFont
{
    /// <summary>Glyph width in font pixels.</summary>
    public const int GlyphWidth = 3;

    /// <summary>Glyph height in font pixels.</summary>
    public const int GlyphHeight = 5;

    private const string Blank = "...............";

    private static readonly string[] s_digits =
    [
        "###" + "#.#" + "#.#" + "#.#" + "###",
        ".#." + "##." + ".#." + ".#." + "###",
        "###" + "..#" + "###" + "#.." + "###",
        "###" + "..#" + "###" + "..#" + "###",
        "#.#" + "#.#" + "###" + "..#" + "..#",
        "###" + "#.." + "###" + "..#" + "###",
        "###" + "#.." + "###" + "#.#" + "###",
        "###" + "..#" + "..#" + "..#" + "..#",
        "###" + "#.#" + "###" + "#.#" + "###",
        "###" + "#.#" + "###" + "..#" + "###",
    ];

    /// <summary>The glyph of <paramref name="c"/>, rows top to bottom; blank for characters the font lacks.</summary>
    public static string Glyph(char c) => c switch
    {
        >= '0' and <= '9' => s_digits[c - '0'],
        '.' => "............" + ".#.",
        _ => Blank,
    };
}
