using System.Globalization;
using System.Text;

namespace Detector.Operator.Predictions;

/// <summary>Pure: the detections as the aligned text table <c>detector predict</c> prints.</summary>
public static class DetectionTable
{
    /// <summary>
    /// One row per detection: class (the name from <paramref name="classNames"/> when it has that index, else the
    /// index), score with three decimals, and the box in pixels of the <paramref name="width"/> × <paramref name="height"/> image.
    /// </summary>
    public static string Format(IReadOnlyList<Detection> detections, IReadOnlyList<string>? classNames, int width, int height)
    {
        if (detections.Count == 0)
            return "no detections above the threshold" + Environment.NewLine;
        var rows = new List<string[]> { new[] { "CLASS", "SCORE", "XMIN", "YMIN", "XMAX", "YMAX" } };
        foreach (var d in detections)
        {
            var box = d.ToPixels(width, height);
            rows.Add([ClassLabel(d.ClassId, classNames), d.Score.ToString("0.000", CultureInfo.InvariantCulture),
                Text(box.Left), Text(box.Top), Text(box.Right), Text(box.Bottom)]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd())
                .Append(Environment.NewLine);
        return text.ToString();
    }

    /// <summary>The class name when <paramref name="classNames"/> has the index, else the index itself.</summary>
    public static string ClassLabel(int classId, IReadOnlyList<string>? classNames) =>
        classNames is not null && classId < classNames.Count ? classNames[classId] : classId.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
