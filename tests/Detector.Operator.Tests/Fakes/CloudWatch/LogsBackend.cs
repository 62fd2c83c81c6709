using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.Fakes.CloudWatch;

/// <summary>
/// CloudWatch Logs as a test scripts it: groups of streams of events. FilterLogEvents (streams by name or prefix,
/// [startTime, endTime), events oldest first across streams, pages of <see cref="PageSize"/> with <c>nextToken</c>) and
/// DescribeLogStreams (prefix or LastEventTime order, ≤ 50 per page). Errors in the service's words.
/// </summary>
public sealed class LogsBackend
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, List<(long Time, string Message, long Id)>>> _groups = new(StringComparer.Ordinal);
    private long _nextId;

    /// <summary>Events per FilterLogEvents page when the request's limit is larger (AWS: up to 1 MB or 10,000 events).</summary>
    public int PageSize { get; set; } = 10_000;

    /// <summary>Appends events to a stream, creating the group and stream as SageMaker's log agent would.</summary>
    public void Add(string group, string stream, IEnumerable<(DateTimeOffset Time, string Message)> events)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(group, out var streams))
                _groups[group] = streams = new(StringComparer.Ordinal);
            if (!streams.TryGetValue(stream, out var list))
                streams[stream] = list = [];
            foreach (var (time, message) in events)
                list.Add((time.ToUnixTimeMilliseconds(), message, _nextId++));
        }
    }

    /// <summary>Serves one validated request.</summary>
    public JsonObject Handle(string operation, JsonObject request) => operation switch
    {
        "FilterLogEvents" => Filter(request),
        "DescribeLogStreams" => Describe(request),
        _ => throw new ServiceError(501, "NotImplementedByFake", $"The fake CloudWatch Logs does not serve {operation}."),
    };

    private Dictionary<string, List<(long Time, string Message, long Id)>> Group(JsonObject request)
    {
        var name = (string?)request["logGroupName"] ?? (string?)request["logGroupIdentifier"];
        if (name is null)
            throw Invalid("Either logGroupName or logGroupIdentifier is required.");
        if (request["logGroupName"] is not null && request["logGroupIdentifier"] is not null)
            throw Invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        return _groups.TryGetValue(name, out var streams) ? streams : throw new ServiceError(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }

    private JsonObject Filter(JsonObject request)
    {
        lock (_gate)
        {
            var streams = Group(request);
            var names = request["logStreamNames"]?.AsArray().Select(n => (string)n!).ToHashSet(StringComparer.Ordinal);
            var prefix = (string?)request["logStreamNamePrefix"];
            if (names is not null && prefix is not null)
                throw Invalid("logStreamNames and logStreamNamePrefix are mutually exclusive.");
            if (names?.FirstOrDefault(n => !streams.ContainsKey(n)) is { } missing)
                throw new ServiceError(400, "ResourceNotFoundException", $"The specified log stream does not exist: {missing}");
            var (start, end) = ((long?)request["startTime"] ?? 0, (long?)request["endTime"] ?? long.MaxValue);
            var events = streams
                .Where(s => names?.Contains(s.Key) ?? prefix is null || s.Key.StartsWith(prefix, StringComparison.Ordinal))
                .SelectMany(s => s.Value.Select(e => (Stream: s.Key, e.Time, e.Message, e.Id)))
                .Where(e => e.Time >= start && e.Time < end)
                .OrderBy(e => e.Time).ThenBy(e => e.Id).ToList();
            var offset = PageToken.Offset(request, "nextToken") ?? throw Invalid("The specified nextToken is invalid.");
            var take = Math.Min((int?)request["limit"] ?? 10_000, PageSize);
            var page = events.Skip(offset).Take(take).ToList();
            var answer = new JsonObject
            {
                ["events"] = new JsonArray([.. page.Select(e => (JsonNode)new JsonObject
                {
                    ["logStreamName"] = e.Stream, ["timestamp"] = e.Time, ["message"] = e.Message, ["ingestionTime"] = e.Time + 200,
                    ["eventId"] = e.Id.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
                })]),
            };
            if (offset + page.Count < events.Count)
                answer["nextToken"] = PageToken.Create(request, "nextToken", offset + page.Count);
            return answer;
        }
    }

    private JsonObject Describe(JsonObject request)
    {
        lock (_gate)
        {
            var streams = Group(request);
            var prefix = (string?)request["logStreamNamePrefix"];
            var byTime = (string?)request["orderBy"] == "LastEventTime";
            if (byTime && prefix is not null)
                throw Invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
            var list = streams.Where(s => prefix is null || s.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(s => (Name: s.Key, First: s.Value.Count == 0 ? 0 : s.Value.Min(e => e.Time), Last: s.Value.Count == 0 ? 0 : s.Value.Max(e => e.Time)))
                .ToList();
            list = byTime ? [.. list.OrderBy(s => s.Last).ThenBy(s => s.Name, StringComparer.Ordinal)] : [.. list.OrderBy(s => s.Name, StringComparer.Ordinal)];
            if ((bool?)request["descending"] == true)
                list.Reverse();
            var offset = PageToken.Offset(request, "nextToken") ?? throw Invalid("The specified nextToken is invalid.");
            var page = list.Skip(offset).Take((int?)request["limit"] ?? 50).ToList();
            var answer = new JsonObject
            {
                ["logStreams"] = new JsonArray([.. page.Select(s => (JsonNode)new JsonObject
                {
                    ["logStreamName"] = s.Name, ["creationTime"] = s.First, ["firstEventTimestamp"] = s.First, ["lastEventTimestamp"] = s.Last,
                    ["lastIngestionTime"] = s.Last, ["storedBytes"] = 0,
                })]),
            };
            if (offset + page.Count < list.Count)
                answer["nextToken"] = PageToken.Create(request, "nextToken", offset + page.Count);
            return answer;
        }
    }

    private static ServiceError Invalid(string message) => new(400, "InvalidParameterException", message);
}
