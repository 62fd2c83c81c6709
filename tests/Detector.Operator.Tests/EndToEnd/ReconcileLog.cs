using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// Counts the operator's "Reconciled" log lines (event 1010) per kind and object, and its "Skipped paused" lines. With
/// the shared informer cache a reconcile that changes nothing sends no request at all, so this is how an end-to-end
/// test knows one happened.
/// </summary>
internal sealed class ReconcileLog : ILoggerProvider
{
    private const int ReconciledEventId = 1010;
    private const string PausedPrefix = "Skipped paused ";
    private readonly ConcurrentDictionary<(string Kind, string Key), int> _counts = new();

    /// <summary>Reconciles of <paramref name="kind"/> <paramref name="ns"/>/<paramref name="name"/> finished so far.</summary>
    public int Count(string kind, string ns, string name) => _counts.GetValueOrDefault((kind, $"{ns}/{name}"));

    /// <summary>Reconciles that read <paramref name="kind"/> ns/name with the paused annotation and stopped there.</summary>
    public int PausedSkips(string kind, string ns, string name) => _counts.GetValueOrDefault((PausedPrefix + kind, $"{ns}/{name}"));

    public ILogger CreateLogger(string categoryName) => new Counter(this);

    public void Dispose()
    {
    }

    private sealed class Counter(ReconcileLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> values)
                return;
            string? Value(string name) => values.FirstOrDefault(v => v.Key == name).Value?.ToString();
            var (kind, key) = (Value("Kind"), Value("Key"));
            if (Value("{OriginalFormat}") is { } format && format.StartsWith(PausedPrefix, StringComparison.Ordinal))
                (kind, key) = (format.Split(' ')[..3] is [_, _, var pausedKind] ? PausedPrefix + pausedKind : null, $"{Value("Namespace")}/{Value("Name")}");
            else if (eventId.Id != ReconciledEventId)
                return;
            if (kind is not null && key is not null)
                log._counts.AddOrUpdate((kind, key), 1, (_, n) => n + 1);
        }
    }
}
