using System.Globalization;
using System.Text.RegularExpressions;

namespace Detector.Operator.Monitoring;

/// <summary>Durations as kubectl's <c>--since</c> takes them (Go's <c>time.ParseDuration</c> units s, m, h: <c>90s</c>, <c>10m</c>, <c>1h30m</c>). Pure.</summary>
public static partial class Durations
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming <paramref name="flag"/>.</summary>
    public static TimeSpan Parse(string text, string flag)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Groups["part"].Captures.Count == 0)
            throw new FormatException($"{flag} '{text}' is not a duration such as 30s, 10m or 1h30m");
        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value[^1];
            var amount = double.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
            total += unit switch { 'h' => TimeSpan.FromHours(amount), 'm' => TimeSpan.FromMinutes(amount), _ => TimeSpan.FromSeconds(amount) };
        }
        if (total <= TimeSpan.Zero || total > TimeSpan.FromDays(366))
            throw new FormatException($"{flag} '{text}' must be more than 0 and at most a year");
        return total;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?[hms])+$")]
    private static partial Regex Pattern();
}
