using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.Fakes.SageMakerMetrics;

/// <summary>
/// SageMaker Metrics as a test scripts it: per training job ARN and metric name, samples with an iteration (epoch)
/// and a time. BatchGetMetrics answers each query with the series grouped by iteration (XAxisType IterationNumber) or
/// by time (Timestamp, epoch seconds, bucketed by Period), reduced by MetricStat. An ARN or metric with no samples
/// answers Complete with empty lists, as the service does for a job that has not emitted yet.
/// </summary>
public sealed class TrainingMetricsBackend
{
    private readonly object _gate = new();
    private readonly List<(string Arn, string Metric, long Iteration, long Time, double Value)> _samples = [];

    /// <summary>Records a value the job emitted at <paramref name="iteration"/> (epoch) and <paramref name="time"/>.</summary>
    public void Add(string jobArn, string metric, long iteration, DateTimeOffset time, double value)
    {
        lock (_gate)
            _samples.Add((jobArn, metric, iteration, time.ToUnixTimeSeconds(), value));
    }

    /// <summary>Serves one validated BatchGetMetrics body.</summary>
    public JsonObject Handle(JsonObject request)
    {
        var results = new JsonArray();
        foreach (var query in request["MetricQueries"]!.AsArray().Select(q => q!.AsObject()))
        {
            var (arn, metric, stat) = ((string)query["ResourceArn"]!, (string)query["MetricName"]!, (string)query["MetricStat"]!);
            var byIteration = (string)query["XAxisType"]! == "IterationNumber";
            var bucket = (string)query["Period"]! switch { "OneMinute" => 60L, "FiveMinute" => 300L, "OneHour" => 3600L, _ => 1L };
            var (start, end) = ((long?)query["Start"] ?? long.MinValue, (long?)query["End"] ?? long.MaxValue);
            List<(long X, double Value)> samples;
            lock (_gate)
                samples = [.. _samples.Where(s => s.Arn == arn && s.Metric == metric && s.Time >= start && s.Time <= end)
                    .Select(s => (byIteration ? s.Iteration : s.Time - s.Time % bucket, s.Value))];
            var series = samples.GroupBy(s => s.X).OrderBy(g => g.Key).Select(g => (g.Key, Reduce(stat, [.. g.Select(s => s.Value)]))).ToList();
            results.Add(new JsonObject
            {
                ["Status"] = "Complete",
                ["XAxisValues"] = new JsonArray([.. series.Select(p => (JsonNode)p.Key)]),
                ["MetricValues"] = new JsonArray([.. series.Select(p => (JsonNode)p.Item2)]),
            });
        }
        return new JsonObject { ["MetricQueryResults"] = results };
    }

    private static double Reduce(string stat, IReadOnlyList<double> values) => stat switch
    {
        "Min" => values.Min(),
        "Max" => values.Max(),
        "Avg" => values.Average(),
        "Count" => values.Count,
        "StdDev" => Math.Sqrt(values.Select(v => (v - values.Average()) * (v - values.Average())).Average()),
        _ => values[^1],
    };
}
