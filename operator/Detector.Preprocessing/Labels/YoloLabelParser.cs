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
/// <param name="Issues">One issue per rejected line, in file order.</param>
public sealed record ParsedLabels(IReadOnlyList<LabeledBox> Boxes, IReadOnlyList<LabelIssue> Issues);

/// <summary>Parses YOLO text labels: one "class cx cy w h" line per box, normalized to the upright image.</summary>
public static class YoloLabelParser
{
    /// <summary>
    /// Parses <paramref name="text"/>. Blank lines are ignored; every other line yields a box or an issue.
    /// Values within <paramref name="tolerance"/> outside [0,1] are clamped (annotation tools round);
    /// further out is an error.
    /// </summary>
    public static ParsedLabels Parse(string text, int classCount, double tolerance = 1e-3)
    {
        throw new NotImplementedException();
    }
}
