using System.Collections.Concurrent;
using Detector.Operator.Runtime;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Tests.Runtime;

/// <summary>Every line a reconcile logs carries its kind, object and a reconcile id of its own (issue 19 part 7).</summary>
public sealed class ReconcileScopeTests
{
    [Fact]
    public async Task Reconcile_LinesLoggedByTheReconciler_CarryKindObjectAndAReconcileIdPerAttempt()
    {
        var provider = new ScopeRecorder();
        using var logs = LoggerFactory.Create(b => b.AddProvider(provider));
        var reconcilerLog = logs.CreateLogger("Detector.Operator.Datasets.DatasetReconciler");
        await using var h = new ControllerHarness((i, _, _) =>
        {
            reconcilerLog.LogInformation("attempt {Attempt}", i);
            return Task.FromResult(i == 1 ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.Done);
        }, logs: logs, seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();
        h.FakeClock.Advance(await h.NextScheduleAsync());
        await h.NextCallAsync();
        await h.StopAsync();

        var lines = provider.Lines.Where(l => l.Message.StartsWith("attempt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
        {
            Assert.Equal("Dataset", line.Scope["kind"]);
            Assert.Equal(KubeSamples.Key.Namespace, line.Scope["namespace"]);
            Assert.Equal(KubeSamples.Key.Name, line.Scope["name"]);
            Assert.True(Guid.TryParse((string?)line.Scope["reconcileID"], out _));
        }
        Assert.NotEqual(lines[0].Scope["reconcileID"], lines[1].Scope["reconcileID"]);
    }

    [Fact]
    public void ToString_ReadsAsTextLogsShowIt() =>
        Assert.Equal("Dataset ml/a reconcile 42", new ReconcileScope("Dataset", new ObjectKey("ml", "a"), "42").ToString());

    private sealed record Line(string Message, IReadOnlyDictionary<string, object?> Scope);

    // A provider that keeps each line with the key/value pairs of the scopes around it, as the JSON console writes them.
    private sealed class ScopeRecorder : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConcurrentQueue<Line> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(ScopeRecorder owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                owner._scopes.ForEachScope((s, d) =>
                {
                    if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (k, v) in pairs)
                            d[k] = v;
                }, scope);
                owner.Lines.Enqueue(new Line(formatter(state, exception), scope));
            }
        }
    }
}
