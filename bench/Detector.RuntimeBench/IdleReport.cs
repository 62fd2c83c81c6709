using System.Globalization;
using System.Text;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.RuntimeBench;

/// <summary>A count over the idle window and its rate per minute.</summary>
/// <param name="Key">What was counted (e.g. <c>get datasets</c>, <c>DescribeTrainingJob</c>).</param>
/// <param name="Count">How many in the window.</param>
/// <param name="PerMinute">Count per minute of the window.</param>
public sealed record Rate(string Key, int Count, double PerMinute);

/// <summary>The idle figures of one run.</summary>
/// <param name="Seconds">Length of the window.</param>
/// <param name="ApiTotal">All API requests of the operator.</param>
/// <param name="Api">By verb and resource (subresource after a slash), most first.</param>
/// <param name="SageMakerTotal">All SageMaker calls.</param>
/// <param name="SageMaker">By operation, most first.</param>
/// <param name="SageMakerForWaitingRuns">SageMaker calls naming the training job of a waiting TrainingRun.</param>
/// <param name="Monitoring">SageMaker Metrics / CloudWatch calls.</param>
/// <param name="CpuSeconds">Operator CPU time (user + system) in the window.</param>
/// <param name="RssMiB">
/// The highest operator VmRSS sampled in the window (the target is judged on it, so a value between two memory trims or
/// two collections cannot flatter it).
/// </param>
/// <param name="PeakRssMiB">Operator VmHWM (highest RSS since it started, the bulk apply included).</param>
/// <param name="MeanRssMiB">The mean of the VmRSS samples in the window.</param>
public sealed record IdleFigures(double Seconds, Rate ApiTotal, IReadOnlyList<Rate> Api, Rate SageMakerTotal, IReadOnlyList<Rate> SageMaker,
    Rate SageMakerForWaitingRuns, Rate Monitoring, double CpuSeconds, double RssMiB, double PeakRssMiB, double MeanRssMiB)
{
    /// <summary>CPU as a percentage of one core over the window.</summary>
    public double CpuPercentOfOneCore => CpuSeconds / Seconds * 100;
}

/// <summary>Pure: the idle figures from the request logs and the /proc samples of the window, and their printed form.</summary>
public static class IdleReport
{
    /// <summary>
    /// Counts what happened in the window; the caller passes only the requests made in it, and /proc samples taken
    /// through it, the first at its start and the last at its end.
    /// </summary>
    public static IdleFigures Compute(double seconds, IReadOnlyList<ApiCall> api, IReadOnlyList<SageMakerCall> sageMaker,
        IReadOnlySet<string> waitingJobNames, int monitoringCalls, IReadOnlyList<ProcSample> samples, long ticksPerSecond)
    {
        if (samples.Count < 2)
            throw new ArgumentException("the window needs a sample at its start and one at its end", nameof(samples));
        var (start, end) = (samples[0], samples[^1]);
        Rate Of(string key, int count) => new(key, count, count / seconds * 60);
        IReadOnlyList<Rate> By<T>(IEnumerable<T> items, Func<T, string> key) =>
            [.. items.GroupBy(key).Select(g => Of(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)];
        var waiting = sageMaker.Count(c => NamesJob(c, waitingJobNames));
        return new IdleFigures(seconds,
            Of("total", api.Count), By(api, ApiKey),
            Of("total", sageMaker.Count), By(sageMaker, c => c.Operation ?? "(none)"),
            Of("for waiting runs", waiting), Of("monitoring", monitoringCalls),
            (end.CpuTicks - start.CpuTicks) / (double)ticksPerSecond, samples.Max(p => p.RssKiB) / 1024.0, end.PeakRssKiB / 1024.0,
            samples.Average(p => p.RssKiB) / 1024.0);
    }

    /// <summary>Whether the call's <c>TrainingJobName</c> is one of <paramref name="jobNames"/>.</summary>
    public static bool NamesJob(SageMakerCall call, IReadOnlySet<string> jobNames) =>
        call.Body?["TrainingJobName"] is { } name && name.GetValueKind() == System.Text.Json.JsonValueKind.String && jobNames.Contains(name.GetValue<string>());

    /// <summary>"verb resource[/subresource]" of a request, e.g. <c>update datasets/status</c>.</summary>
    public static string ApiKey(ApiCall call) =>
        $"{call.Verb ?? call.Method.ToLowerInvariant()} {call.Resource ?? call.Path}{(call.Subresource is null ? "" : "/" + call.Subresource)}";

    /// <summary>The idle section of the printed report.</summary>
    public static string Format(IdleFigures f)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Idle window: {f.Seconds:0} s");
        text.AppendLine(c, $"  API requests:      {f.ApiTotal.PerMinute,8:0.0}/min  ({f.ApiTotal.PerMinute / 60:0.00}/s, {f.ApiTotal.Count} in the window)");
        foreach (var r in f.Api)
            text.AppendLine(c, $"    {r.Key,-34} {r.PerMinute,8:0.0}/min");
        text.AppendLine(c, $"  SageMaker calls:   {f.SageMakerTotal.PerMinute,8:0.0}/min  ({f.SageMakerTotal.Count} in the window)");
        foreach (var r in f.SageMaker)
            text.AppendLine(c, $"    {r.Key,-34} {r.PerMinute,8:0.0}/min");
        text.AppendLine(c, $"    for waiting TrainingRuns           {f.SageMakerForWaitingRuns.PerMinute,8:0.0}/min  ({f.SageMakerForWaitingRuns.Count} calls)");
        text.AppendLine(c, $"  Monitoring calls:  {f.Monitoring.PerMinute,8:0.0}/min  (SageMaker Metrics, CloudWatch)");
        text.AppendLine(c, $"  Operator RSS:      {f.RssMiB,8:0.0} MiB  ({f.RssMiB * MegabytesPerMebibyte:0.0} MB) at most in the window; mean {f.MeanRssMiB:0.0} MiB; peak since start {f.PeakRssMiB:0.0} MiB");
        text.AppendLine(c, $"  Operator CPU:      {f.CpuPercentOfOneCore,8:0.0} % of one core  ({f.CpuSeconds:0.00} CPU-s)");
        text.AppendLine(c, $"  Issue 19 targets:  {string.Join("; ", Targets(f).Select(t => $"{t.Target}: {(t.Met ? "met" : "NOT met")} ({t.Actual})"))}");
        return text.ToString();
    }

    /// <summary>1 MiB in MB (the issue's RSS target is in MB).</summary>
    public const double MegabytesPerMebibyte = 1.048576;

    /// <summary>Pure: the idle targets of issue 19's "Done when", whether each is met and the measured value.</summary>
    public static IReadOnlyList<(string Target, bool Met, string Actual)> Targets(IdleFigures f) =>
    [
        ("API < 1 request/s", f.ApiTotal.PerMinute < 60, string.Create(CultureInfo.InvariantCulture, $"{f.ApiTotal.PerMinute / 60:0.00}/s")),
        ("0 SageMaker calls for waiting runs", f.SageMakerForWaitingRuns.Count == 0, f.SageMakerForWaitingRuns.Count.ToString(CultureInfo.InvariantCulture)),
        ("RSS < 150 MB", f.RssMiB * MegabytesPerMebibyte < 150, string.Create(CultureInfo.InvariantCulture, $"{f.RssMiB * MegabytesPerMebibyte:0} MB")),
    ];
}
