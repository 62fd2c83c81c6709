using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Tests.Hosting;

/// <summary>A logger factory keeping the formatted Warning-and-above lines of <c>Detector.*</c> loggers, for assertions on what the user reads.</summary>
internal sealed class CapturingLogs : ILoggerFactory
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName.StartsWith("Detector", StringComparison.Ordinal) ? _lines : null);

    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<string>? lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => lines is not null && logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                lines!.Enqueue(formatter(state, exception));
        }
    }
}
