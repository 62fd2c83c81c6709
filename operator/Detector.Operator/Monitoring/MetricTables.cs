using System.Globalization;
using System.Text;

namespace Detector.Operator.Monitoring;

/// <summary>A metric series as SageMaker Metrics returns it: x (epoch) and value, in x order.</summary>
/// <param name="Name">The metric or trial name.</param>
/// <param name="Points">The points.</param>
public sealed record MetricSeries(string Name, IReadOnlyList<(long X, double Y)> Points);

/// <summary>Pure: the tables <c>detector metrics</c> prints and the ARNs it queries.</summary>
public static class MetricTables
{
    /// <summary>The training metrics of the Object Detection algorithm, the objective first.</summary>
    public static readonly IReadOnlyList<string> ObjectDetectionMetrics = ["validation:mAP", "train:smooth_l1", "train:cross_entropy"];

    /// <summary>
    /// A trial's training job ARN from its tuning job's: same partition, region and account, resource
    /// <c>training-job/&lt;name, lower-case&gt;</c> (SageMaker lower-cases names in ARNs).
    /// </summary>
    public static string TrialArn(string tuningJobArn, string trialName)
    {
        var slash = tuningJobArn.IndexOf(":hyper-parameter-tuning-job/", StringComparison.Ordinal);
        if (slash < 0)
            throw new InvalidOperationException($"'{tuningJobArn}' is not a hyperparameter tuning job ARN");
        return tuningJobArn[..slash] + ":training-job/" + trialName.ToLowerInvariant();
    }

    /// <summary>One row per epoch, one column per metric ("-" where a metric has no value at that epoch).</summary>
    public static string EpochTable(IReadOnlyList<MetricSeries> series)
    {
        var epochs = series.SelectMany(s => s.Points.Select(p => p.X)).Distinct().Order().ToList();
        var rows = new List<string[]> { new[] { "EPOCH" }.Concat(series.Select(s => s.Name)).ToArray() };
        foreach (var epoch in epochs)
            rows.Add([epoch.ToString(CultureInfo.InvariantCulture), .. series.Select(s =>
                s.Points.Where(p => p.X == epoch).Select(p => Number(p.Y)).LastOrDefault() ?? "-")]);
        return Align(rows);
    }

    /// <summary>One row per trial: epochs seen, latest and best value; the best trial marked with <c>*</c>.</summary>
    public static string TrialTable(IReadOnlyList<MetricSeries> trials, string? best)
    {
        var rows = new List<string[]> { new[] { "TRIAL", "EPOCHS", "LATEST", "BEST", "" } };
        foreach (var trial in trials)
            rows.Add([trial.Name, trial.Points.Count.ToString(CultureInfo.InvariantCulture),
                trial.Points.Count == 0 ? "-" : Number(trial.Points[^1].Y), trial.Points.Count == 0 ? "-" : Number(trial.Points.Max(p => p.Y)),
                trial.Name == best ? "*" : ""]);
        return Align(rows);
    }

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Align(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        return text.ToString();
    }
}
