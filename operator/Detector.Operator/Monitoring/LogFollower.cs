using System.Globalization;
using Detector.Operator.Aws;

namespace Detector.Operator.Monitoring;

/// <summary>
/// Pure state of a follow: the next query starts at the newest timestamp seen (inclusive, because events of that
/// millisecond may still arrive) and drops the events already printed, by event id. Memory is bounded: only the ids of
/// the newest millisecond are kept.
/// </summary>
public sealed class LogFollower(long startTime)
{
    private readonly HashSet<string> _idsAtNewest = new(StringComparer.Ordinal);

    /// <summary>Where the next FilterLogEvents starts, epoch milliseconds.</summary>
    public long StartTime { get; private set; } = startTime;

    /// <summary>Events printed so far.</summary>
    public long Printed { get; private set; }

    /// <summary>The events of a page not printed before, oldest first; advances <see cref="StartTime"/>.</summary>
    public IReadOnlyList<FilteredLogEvent> Accept(IEnumerable<FilteredLogEvent> events)
    {
        var fresh = new List<FilteredLogEvent>();
        foreach (var e in events.OrderBy(e => e.Timestamp ?? 0))
        {
            var time = e.Timestamp ?? 0;
            var id = e.EventId ?? $"{e.LogStreamName}@{time}:{e.Message}";
            if (time < StartTime || (time == StartTime && !_idsAtNewest.Add(id)))
                continue;
            if (time > StartTime)
            {
                StartTime = time;
                _idsAtNewest.Clear();
                _idsAtNewest.Add(id);
            }
            fresh.Add(e);
        }
        Printed += fresh.Count;
        return fresh;
    }

    /// <summary>One output line: UTC time, stream, message (trailing newline of the event removed).</summary>
    public static string Format(FilteredLogEvent e) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp ?? 0):yyyy-MM-ddTHH:mm:ss.fffZ} {e.LogStreamName} {(e.Message ?? "").TrimEnd('\r', '\n')}");
}
