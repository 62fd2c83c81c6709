using System.Threading.Channels;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Detector.Operator.Tests.Runtime;

/// <summary>A Dataset controller on <see cref="InMemoryKube"/> and a fake clock, with its reconcile calls and schedules as channels.</summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Call> _calls = Channel.CreateUnbounded<Call>();
    private readonly Channel<TimeSpan> _scheduled = Channel.CreateUnbounded<TimeSpan>();
    private int _count;
    private Task? _run;

    public ControllerHarness(Func<int, Dataset?, CancellationToken, Task<ReconcileResult>> behaviour, ControllerOptions? options = null,
        TimeProvider? clock = null, Microsoft.Extensions.Logging.ILoggerFactory? logs = null, params Dataset[] seed)
    {
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
        Kube = new InMemoryKube(Clock, seed);
        Metrics = new ControllerMetrics(Prometheus.Metrics.NewCustomRegistry());
        Failures = new CountingReporter(new StatusFailureReporter<Dataset>(Kube.Store<Dataset>(), Events, Clock));
        Controller = new Controller<Dataset>(KubeResources.Dataset, new Reconciler(this, behaviour), Kube, ["ml"], Clock,
            logs ?? NullLoggerFactory.Instance, options ?? new ControllerOptions { Workers = 3 }, Metrics, Failures);
        Controller.Queue.Scheduled += (_, delay) => _scheduled.Writer.TryWrite(delay);
    }

    public TimeProvider Clock { get; }

    /// <summary>The Warning Events of failures (and nothing else: the harness's reconciler records none).</summary>
    public Datasets.RecordingEvents Events { get; } = new();

    /// <summary>The runtime's failure reporter, counting its calls.</summary>
    public CountingReporter Failures { get; }

    public FakeTimeProvider FakeClock => (FakeTimeProvider)Clock;

    public InMemoryKube Kube { get; }

    public ControllerMetrics Metrics { get; }

    public Controller<Dataset> Controller { get; }

    public IKubeStore<Dataset> Store => Kube.Store<Dataset>();

    public void Start() => _run = Task.Run(() => Controller.RunAsync(_stop.Token));

    public async Task<Call> NextCallAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(Guard);

    public async Task<TimeSpan> NextScheduleAsync() => await _scheduled.Reader.ReadAsync().AsTask().WaitAsync(Guard);

    public bool HasPendingCall => _calls.Reader.TryPeek(out _);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
            await _run.WaitAsync(Guard);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await StopAsync();
        _stop.Dispose();
    }

    public double Counter(Counter counter, params string[] labels) => counter.WithLabels(labels).Value;

    /// <summary>Counts <see cref="IFailureReporter{T}.ReportAsync"/> calls around the real reporter.</summary>
    public sealed class CountingReporter(IFailureReporter<Dataset> inner) : IFailureReporter<Dataset>
    {
        private int _reports;

        public int Reports => Volatile.Read(ref _reports);

        public async Task ReportAsync(ObjectKey key, ReconcileFailure failure, CancellationToken ct)
        {
            await inner.ReportAsync(key, failure, ct);
            Interlocked.Increment(ref _reports);
        }
    }

    /// <summary>One reconcile: its 1-based index, key and the object as read at the start.</summary>
    public sealed record Call(int Index, ObjectKey Key, Dataset? Seen);

    private sealed class Reconciler(ControllerHarness harness, Func<int, Dataset?, CancellationToken, Task<ReconcileResult>> behaviour) : IReconciler<Dataset>
    {
        public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            var index = Interlocked.Increment(ref harness._count);
            var seen = harness.Kube.Get<Dataset>(key);
            try
            {
                return await behaviour(index, seen, ct);
            }
            finally
            {
                // Signalled at the end so the test acts only after this reconcile's writes and scheduling.
                harness._calls.Writer.TryWrite(new Call(index, key, seen));
            }
        }
    }
}
