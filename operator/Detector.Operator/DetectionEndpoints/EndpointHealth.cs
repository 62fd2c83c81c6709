using System.Globalization;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>What the thresholds say about the figures.</summary>
/// <param name="Degraded">True when a threshold is crossed.</param>
/// <param name="Reason">HighServerErrorRate, HighClientErrorRate, HighLatency or WithinThresholds.</param>
/// <param name="Message">The figure and the threshold, e.g. "5XX rate 12.0% over 5 min is above 5.0% (120 of 1000 invocations)".</param>
public sealed record HealthVerdict(bool Degraded, string Reason, string Message);

/// <summary>
/// Pure: the GetMetricData request for an endpoint's window (namespace <c>AWS/SageMaker</c>, dimensions
/// <c>EndpointName</c> and <c>VariantName</c>, plus <c>InferenceComponentName</c> for a component's invocation metrics),
/// the figures from its answer, and the verdict of the spec's thresholds.
/// </summary>
public static class EndpointHealth
{
    /// <summary>The condition type: abnormal-true (True means something is wrong), as kstatus expects extra conditions.</summary>
    public const string Degraded = "Degraded";

    /// <summary>One query per figure; one period covering the window (a multiple of 60 s).</summary>
    public static GetMetricDataRequest Request(string endpointName, string? inferenceComponent, DateTimeOffset now, int windowMinutes)
    {
        var end = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        List<Dimension> dimensions = inferenceComponent is null
            ? [new() { Name = "EndpointName", Value = endpointName }, new() { Name = "VariantName", Value = DetectionEndpointNames.VariantName }]
            : [new() { Name = "InferenceComponentName", Value = inferenceComponent }];
        MetricDataQuery Query(string id, string metric, string stat) => new()
        {
            Id = id,
            MetricStat = new() { Period = windowMinutes * 60, Stat = stat, Metric = new() { Namespace = "AWS/SageMaker", MetricName = metric, Dimensions = dimensions } },
        };
        return new GetMetricDataRequest
        {
            StartTime = end.AddMinutes(-windowMinutes), EndTime = end, ScanBy = MetricScanBy.TimestampDescending,
            MetricDataQueries =
            [
                Query("invocations", "Invocations", "Sum"), Query("errors4xx", "Invocation4XXErrors", "Sum"),
                Query("errors5xx", "Invocation5XXErrors", "Sum"), Query("p50", "ModelLatency", "p50"), Query("p99", "ModelLatency", "p99"),
            ],
        };
    }

    /// <summary>The figures of an answer (ModelLatency is in microseconds; rates are 0 without invocations).</summary>
    public static EndpointHealthStatus Figures(IReadOnlyList<MetricDataResult> results, int windowMinutes, DateTimeOffset now)
    {
        // CloudWatch may split the window into two period buckets (its alignment of StartTime): sums add up, and a
        // percentile takes the worse bucket, which errs towards reporting a problem.
        var values = results.GroupBy(r => r.Id ?? "").ToDictionary(g => g.Key, g => g.SelectMany(r => r.Values ?? []).ToList());
        double Sum(string id) => values.TryGetValue(id, out var list) ? list.Sum() : 0;
        double? Max(string id) => values.TryGetValue(id, out var list) && list.Count > 0 ? list.Max() : null;
        var invocations = (long)Math.Round(Sum("invocations"));
        double Rate(string id) => invocations == 0 ? 0 : Math.Round(Sum(id) / invocations, 4);
        double? Millis(string id) => Max(id) is { } micros ? Math.Round(micros / 1000, 1) : null;
        return new EndpointHealthStatus
        {
            WindowMinutes = windowMinutes, Invocations = invocations, ClientErrorRate = Rate("errors4xx"), ServerErrorRate = Rate("errors5xx"),
            P50LatencyMilliseconds = Millis("p50"), P99LatencyMilliseconds = Millis("p99"), UpdatedAt = now.UtcDateTime,
        };
    }

    /// <summary>The verdict; null when the spec sets no threshold (no Degraded condition then).</summary>
    public static HealthVerdict? Evaluate(EndpointHealthStatus figures, EndpointHealthSpec? spec)
    {
        if (spec is null || (spec.MaxServerErrorRate, spec.MaxClientErrorRate, spec.MaxP99LatencyMilliseconds) is (null, null, null))
            return null;
        var window = $"over {figures.WindowMinutes} min";
        if (spec.MaxServerErrorRate is { } max5 && figures.ServerErrorRate > max5)
            return new(true, "HighServerErrorRate", $"5XX rate {Percent(figures.ServerErrorRate)} {window} is above {Percent(max5)} ({Count(figures.ServerErrorRate, figures.Invocations)} of {figures.Invocations} invocations)");
        if (spec.MaxClientErrorRate is { } max4 && figures.ClientErrorRate > max4)
            return new(true, "HighClientErrorRate", $"4XX rate {Percent(figures.ClientErrorRate)} {window} is above {Percent(max4)} ({Count(figures.ClientErrorRate, figures.Invocations)} of {figures.Invocations} invocations)");
        if (spec.MaxP99LatencyMilliseconds is { } maxMs && figures.P99LatencyMilliseconds > maxMs)
            return new(true, "HighLatency", string.Create(CultureInfo.InvariantCulture, $"p99 model latency {figures.P99LatencyMilliseconds:0.#} ms {window} is above {maxMs:0.#} ms"));
        return new(false, "WithinThresholds", string.Create(CultureInfo.InvariantCulture,
            $"{figures.Invocations} invocations {window}: 5XX {Percent(figures.ServerErrorRate)}, 4XX {Percent(figures.ClientErrorRate)}, p99 {figures.P99LatencyMilliseconds?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"} ms"));
    }

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static long Count(double rate, long invocations) => (long)Math.Round(rate * invocations);
}
