using System.Globalization;
using System.Text;

namespace Detector.Preprocessing.Reporting;

/// <summary>
/// Makes untrusted text (file names, class names, label bytes, server error bodies) safe for a terminal and for
/// one-line messages: control characters become visible escapes (<c>\n</c>, <c>\t</c>, <c>\x1B</c>), so an ESC
/// sequence cannot recolour or rewrite the terminal and a CR or LF cannot forge a second line (pure).
/// </summary>
public static class TerminalText
{
    /// <summary>Escapes C0 and C1 control characters, DEL, and the Unicode line and bidi-override characters.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        if (!text.Any(NeedsEscape))
            return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!NeedsEscape(c))
                builder.Append(c);
            else
                builder.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when c <= 0xFF => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                    _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                });
        }
        return builder.ToString();
    }

    /// <summary>True for characters a terminal would act on rather than print.</summary>
    public static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
