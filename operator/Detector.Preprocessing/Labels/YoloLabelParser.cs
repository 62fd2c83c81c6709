using System.Globalization;
using Detector.Preprocessing.Geometry;

namespace Detector.Preprocessing.Labels;

/// <summary>A problem found on one line of a YOLO label file.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Code">One of <see cref="LabelIssueCodes"/>.</param>
/// <param name="Message">Human-readable explanation quoting the offending values.</param>
public sealed record LabelIssue(int Line, string Code, string Message);

/// <summary>Machine-readable codes for <see cref="LabelIssue.Code"/>.</summary>
public static class LabelIssueCodes
{
    /// <summary>Not exactly five numeric columns.</summary>
    public const string Unparseable = "Unparseable";

    /// <summary>Class id not an integer in [0, classCount).</summary>
    public const string ClassOutOfRange = "ClassOutOfRange";

    /// <summary>A value or corner outside [−tolerance, 1 + tolerance].</summary>
    public const string OutOfBounds = "OutOfBounds";

    /// <summary>Width or height ≤ 0.</summary>
    public const string NonPositiveSize = "NonPositiveSize";
}

/// <summary>A box accepted from a label file together with the line it came from.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Box">The box, clamped into [0,1] where it was within tolerance.</param>
public readonly record struct LabeledBox(int Line, YoloBox Box);

/// <summary>The result of parsing one label file: the accepted boxes and a problem per rejected line.</summary>
/// <param name="Boxes">Accepted boxes in file order, each with its line number.</param>
/// <param name="Issues">One issue per rejected line, in file order, up to the parser's issue budget.</param>
public sealed record ParsedLabels(IReadOnlyList<LabeledBox> Boxes, IReadOnlyList<LabelIssue> Issues)
{
    /// <summary>Rejected lines past the issue budget, counted per code (not listed).</summary>
    public IReadOnlyDictionary<string, long> OmittedIssues { get; init; } = new Dictionary<string, long>();
}

/// <summary>Parses YOLO text labels: one "class cx cy w h" line per box, normalized to the upright image.</summary>
public static class YoloLabelParser
{
    private const int QuoteLimit = 60;

    /// <summary>
    /// Parses <paramref name="text"/>. Blank lines are ignored; every other line yields a box or an issue.
    /// Values within <paramref name="tolerance"/> outside [0,1] are clamped (annotation tools round);
    /// further out is an error.
    /// </summary>
    /// <param name="text">The label file.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="tolerance">How far outside [0,1] a value is clamped rather than refused.</param>
    /// <param name="maxIssues">Issues listed; further rejected lines are only counted (a 1 MB file of garbage is 500,000 lines).</param>
    public static ParsedLabels Parse(string text, int classCount, double tolerance = 1e-3, int maxIssues = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var boxes = new List<LabeledBox>();
        var issues = new List<LabelIssue>();
        Dictionary<string, long>? omitted = null;
        var lineNumber = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.IsEmpty)
                continue;
            // Past the issue budget only the code is needed: no message is built for the lines that are merely counted.
            var (box, issue) = ParseLine(line, lineNumber, classCount, tolerance, describe: issues.Count < maxIssues);
            if (issue is null)
                boxes.Add(new LabeledBox(lineNumber, box));
            else if (issues.Count < maxIssues)
                issues.Add(issue);
            else
            {
                omitted ??= new(StringComparer.Ordinal);
                omitted[issue.Code] = omitted.GetValueOrDefault(issue.Code) + 1;
            }
        }
        return new ParsedLabels(boxes, issues) { OmittedIssues = omitted ?? [] };
    }

    private static (YoloBox Box, LabelIssue? Issue) ParseLine(ReadOnlySpan<char> line, int number, int classCount, double tolerance, bool describe = true)
    {
        Span<double> values = stackalloc double[5];
        if (!TryReadFiveNumbers(line, values))
            return Fail(number, LabelIssueCodes.Unparseable,
                describe ? $"expected 5 numbers \"class cx cy w h\", got \"{Quote(line)}\"" : "");

        var classValue = values[0];
        if (classValue != Math.Floor(classValue) || classValue < 0 || classValue >= classCount)
            return Fail(number, LabelIssueCodes.ClassOutOfRange,
                describe ? $"class id {Format(classValue)} is not an integer in [0, {classCount})" : "");

        var (cx, cy, w, h) = (values[1], values[2], values[3], values[4]);
        if (w <= 0 || h <= 0)
            return Fail(number, LabelIssueCodes.NonPositiveSize,
                describe ? $"box width {Format(w)} and height {Format(h)} must both be > 0" : "");

        var corners = BoxConversion.ToCorners(new YoloBox((int)classValue, cx, cy, w, h));
        Span<double> checkedValues = [cx, cy, w, h, corners.XMin, corners.YMin, corners.XMax, corners.YMax];
        foreach (var v in checkedValues)
            if (v < -tolerance || v > 1 + tolerance)
                return Fail(number, LabelIssueCodes.OutOfBounds,
                    describe ? $"box (cx {Format(cx)}, cy {Format(cy)}, w {Format(w)}, h {Format(h)}) reaches {Format(v)}, " +
                    $"outside [0, 1] by more than the tolerance {Format(tolerance)}" : "");

        // Within tolerance: clamp the corners and derive centre and size from them, so the box stays self-consistent.
        var xMin = Math.Clamp(corners.XMin, 0, 1);
        var yMin = Math.Clamp(corners.YMin, 0, 1);
        var xMax = Math.Clamp(corners.XMax, 0, 1);
        var yMax = Math.Clamp(corners.YMax, 0, 1);
        if (xMax <= xMin || yMax <= yMin)
            return Fail(number, LabelIssueCodes.NonPositiveSize,
                describe ? $"box (cx {Format(cx)}, cy {Format(cy)}, w {Format(w)}, h {Format(h)}) has no area inside the image" : "");

        var box = corners == new BoxCorners(corners.ClassId, xMin, yMin, xMax, yMax)
            ? new YoloBox((int)classValue, cx, cy, w, h)
            : new YoloBox((int)classValue, (xMin + xMax) / 2, (yMin + yMax) / 2, xMax - xMin, yMax - yMin);
        return (box, null);
    }

    private static bool TryReadFiveNumbers(ReadOnlySpan<char> line, Span<double> values)
    {
        var count = 0;
        foreach (var range in line.SplitAny(' ', '\t'))
        {
            var token = line[range];
            if (token.IsEmpty)
                continue;
            if (count == values.Length
                || !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
                return false;
            values[count++] = value;
        }
        return count == values.Length;
    }

    private static (YoloBox, LabelIssue?) Fail(int line, string code, string message) =>
        (default, new LabelIssue(line, code, $"line {line}: {message}"));

    // Label bytes are untrusted: an ESC or CR quoted raw would reach the terminal.
    private static string Quote(ReadOnlySpan<char> line) =>
        Reporting.TerminalText.Escape(line.Length <= QuoteLimit ? line.ToString() : string.Concat(line[..QuoteLimit], "…"));

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
