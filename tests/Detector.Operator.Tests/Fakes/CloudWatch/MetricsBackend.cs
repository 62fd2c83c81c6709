using System.Globalization;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.Fakes.CloudWatch;

/// <summary>
/// CloudWatch metrics as a test scripts them: raw samples per (namespace, name, dimensions). GetMetricData answers each
/// MetricStat query with one aggregated point per period bucket (epoch-aligned) in [StartTime, EndTime): Sum, Average,
/// Minimum, Maximum, SampleCount or pNN; newest first unless ScanBy says otherwise; dimensions must match exactly, as
/// CloudWatch matches them. Pages of <see cref="PageSize"/> points per query with NextToken.
/// </summary>
public sealed class MetricsBackend
{
    private readonly object _gate = new();
    private readonly List<(string Namespace, string Name, string Dimensions, long Time, double Value)> _samples = [];

    /// <summary>Points per query per page (AWS: bounded by MaxDatapoints, default 100,800).</summary>
    public int PageSize { get; set; } = 100_800;

    /// <summary>Records one sample, as a service's PutMetricData would (time in whole seconds).</summary>
    public void Put(string ns, string name, IReadOnlyDictionary<string, string> dimensions, DateTimeOffset time, double value)
    {
        lock (_gate)
            _samples.Add((ns, name, Key(dimensions), time.ToUnixTimeSeconds(), value));
    }

    /// <summary>Serves one validated request.</summary>
    public JsonObject Handle(string operation, JsonObject request)
    {
        if (operation != "GetMetricData")
            throw new ServiceError(501, "NotImplementedByFake", $"The fake CloudWatch does not serve {operation}.");
        var (start, end) = (Seconds(request["StartTime"]!), Seconds(request["EndTime"]!));
        if (end <= start)
            throw Invalid("The parameter StartTime must be less than the parameter EndTime.");
        var ascending = (string?)request["ScanBy"] == "TimestampAscending";
        var offset = PageToken.Offset(request, "NextToken") ?? throw new ServiceError(400, "InvalidNextToken", "The service couldn't process the request because the next token is invalid.");
        var results = new JsonArray();
        var more = false;
        var index = 0;
        foreach (var query in request["MetricDataQueries"]!.AsArray().Select(q => q!.AsObject()))
        {
            index++;
            var id = (string)query["Id"]!;
            if (id.Length == 0 || !char.IsAsciiLetterLower(id[0]) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw Invalid($"The value {id} for parameter MetricDataQueries.member.{index}.Id is invalid.");
            if (query["MetricStat"] is not JsonObject stat)
                throw Invalid("The fake serves MetricStat queries only, not expressions.");
            var period = (int)stat["Period"]!;
            if (period is not (1 or 5 or 10 or 20 or 30) && period % 60 != 0)
                throw Invalid($"The parameter MetricDataQueries.member.{index}.MetricStat.Period must be 1, 5, 10, 20, 30, 60, or any multiple of 60.");
            var points = Aggregate(stat, start, end, period);
            points = ascending ? points : [.. points.AsEnumerable().Reverse()];
            var page = points.Skip(offset).Take(PageSize).ToList();
            more |= offset + page.Count < points.Count;
            results.Add(new JsonObject
            {
                ["Id"] = id,
                ["Label"] = (string?)query["Label"] ?? (string?)stat["Metric"]?["MetricName"],
                ["Timestamps"] = new JsonArray([.. page.Select(p => (JsonNode)p.Time)]),
                ["Values"] = new JsonArray([.. page.Select(p => (JsonNode)p.Value)]),
                ["StatusCode"] = offset + page.Count < points.Count ? "PartialData" : "Complete",
            });
        }
        var answer = new JsonObject { ["MetricDataResults"] = results, ["Messages"] = new JsonArray() };
        if (more)
            answer["NextToken"] = PageToken.Create(request, "NextToken", offset + PageSize);
        return answer;
    }

    private List<(long Time, double Value)> Aggregate(JsonObject stat, long start, long end, int period)
    {
        var metric = stat["Metric"]!;
        var (ns, name) = ((string?)metric["Namespace"], (string?)metric["MetricName"]);
        var dims = Key((metric["Dimensions"]?.AsArray() ?? []).ToDictionary(d => (string)d!["Name"]!, d => (string)d!["Value"]!));
        var statistic = (string)stat["Stat"]!;
        List<(long Time, double Value)> samples;
        lock (_gate)
            samples = [.. _samples.Where(s => s.Namespace == ns && s.Name == name && s.Dimensions == dims && s.Time >= start && s.Time < end)
                .Select(s => (s.Time, s.Value))];
        return [.. samples.GroupBy(s => s.Time - (s.Time % period)).OrderBy(g => g.Key)
            .Select(g => (g.Key, Statistic(statistic, [.. g.Select(s => s.Value)])))];
    }

    /// <summary>A statistic of one bucket's samples; pNN is the nearest-rank percentile.</summary>
    public static double Statistic(string statistic, IReadOnlyList<double> values) => statistic switch
    {
        "Sum" => values.Sum(),
        "Average" => values.Average(),
        "Minimum" => values.Min(),
        "Maximum" => values.Max(),
        "SampleCount" => values.Count,
        ['p', .. var rest] when double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 100 =>
            values.Order().ElementAt(Math.Max(0, (int)Math.Ceiling(p / 100 * values.Count) - 1)),
        _ => throw Invalid($"The statistic {statistic} is not supported by the fake."),
    };

    private static long Seconds(JsonNode node) => (long)Math.Floor(node.GetValue<double>());

    private static string Key(IReadOnlyDictionary<string, string> dimensions) =>
        string.Join('\n', dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "=" + d.Value));

    private static ServiceError Invalid(string message) => new(400, "InvalidParameterValue", message);
}
