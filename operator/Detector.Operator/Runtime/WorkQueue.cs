namespace Detector.Operator.Runtime;

/// <summary>
/// The controller's queue of keys: deduplicated (a key waits at most once), a key is never handed to two workers at
/// once (re-added while in flight, it is handed out again after <see cref="Done"/>), delays and per-key exponential
/// backoff run on timers of the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class WorkQueue : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<ObjectKey> _ready = new();
    private readonly HashSet<ObjectKey> _dirty = [];
    private readonly HashSet<ObjectKey> _processing = [];
    private readonly Dictionary<ObjectKey, int> _failures = [];
    private readonly Dictionary<ObjectKey, (DateTimeOffset Due, ITimer Timer)> _delayed = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TimeProvider _clock;
    private readonly Backoff _backoff;

    /// <summary>Creates a queue on <paramref name="clock"/> with <paramref name="backoff"/> (default 1 s → 5 min).</summary>
    public WorkQueue(TimeProvider clock, Backoff? backoff = null)
    {
        _clock = clock;
        _backoff = backoff ?? Backoff.Default;
    }

    /// <summary>Raised after a key was scheduled for later (AddAfter or backoff) with its delay; tests and diagnostics.</summary>
    public event Action<ObjectKey, TimeSpan>? Scheduled;

    /// <summary>Keys waiting to be handed out (not counting delayed or in-flight ones).</summary>
    public int Depth { get { lock (_gate) return _ready.Count; } }

    /// <summary>Whether <see cref="ShutDown"/> was called.</summary>
    public bool IsShuttingDown => _shutdown.IsCancellationRequested;

    /// <summary>When each delayed key is due (AddAfter and backoff), for diagnostics and tests.</summary>
    public IReadOnlyDictionary<ObjectKey, DateTimeOffset> Delayed
    {
        get { lock (_gate) return _delayed.ToDictionary(e => e.Key, e => e.Value.Due); }
    }

    /// <summary>Consecutive failures recorded for <paramref name="key"/>.</summary>
    public int Failures(ObjectKey key) { lock (_gate) return _failures.GetValueOrDefault(key); }

    /// <summary>Makes <paramref name="key"/> ready now (no-op if already waiting; after Done if in flight).</summary>
    public void Add(ObjectKey key)
    {
        lock (_gate)
        {
            if (IsShuttingDown || !_dirty.Add(key))
                return;
            if (_processing.Contains(key))
                return;
            _ready.Enqueue(key);
        }
        _available.Release();
    }

    /// <summary>Adds <paramref name="key"/> after <paramref name="delay"/>; an earlier pending schedule wins.</summary>
    public void AddAfter(ObjectKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }
        lock (_gate)
        {
            if (IsShuttingDown)
                return;
            var due = _clock.GetUtcNow() + delay;
            if (_delayed.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                    return;
                pending.Timer.Dispose();
            }
            var timer = _clock.CreateTimer(_ => Fire(key, due), null, delay, Timeout.InfiniteTimeSpan);
            _delayed[key] = (due, timer);
        }
        Scheduled?.Invoke(key, delay);
    }

    /// <summary>Records a failure of <paramref name="key"/> and re-adds it after the backoff delay, which it returns.</summary>
    public TimeSpan AddRateLimited(ObjectKey key)
    {
        TimeSpan delay;
        lock (_gate)
        {
            var failures = _failures.GetValueOrDefault(key);
            delay = _backoff.Delay(failures);
            _failures[key] = failures + 1;
        }
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Forgets the failures of <paramref name="key"/> (after a success), so its next failure starts at the base delay.</summary>
    public void Forget(ObjectKey key) { lock (_gate) _failures.Remove(key); }

    /// <summary>Waits for a ready key and marks it in flight; null once the queue is shut down.</summary>
    public async Task<ObjectKey?> TakeAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _shutdown.Token);
        while (true)
        {
            try
            {
                await _available.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                if (ct.IsCancellationRequested && !IsShuttingDown)
                    throw;
                return null;
            }
            lock (_gate)
            {
                if (IsShuttingDown)
                    return null;
                if (_ready.Count == 0)
                    continue;
                var key = _ready.Dequeue();
                _dirty.Remove(key);
                _processing.Add(key);
                return key;
            }
        }
    }

    /// <summary>Marks <paramref name="key"/> no longer in flight; if it was re-added meanwhile, it becomes ready again.</summary>
    public void Done(ObjectKey key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            if (!_dirty.Contains(key) || IsShuttingDown)
                return;
            _ready.Enqueue(key);
        }
        _available.Release();
    }

    /// <summary>Stops handing out keys: waiting and future <see cref="TakeAsync"/> calls return null; timers are dropped.</summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            if (IsShuttingDown)
                return;
            _shutdown.Cancel();
            foreach (var (_, pending) in _delayed)
                pending.Timer.Dispose();
            _delayed.Clear();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ShutDown();
        _available.Dispose();
        _shutdown.Dispose();
    }

    private void Fire(ObjectKey key, DateTimeOffset due)
    {
        lock (_gate)
        {
            // A newer, earlier schedule replaced this timer; the replaced one may still fire once.
            if (!_delayed.TryGetValue(key, out var pending) || pending.Due != due)
                return;
            _delayed.Remove(key);
            pending.Timer.Dispose();
        }
        Add(key);
    }
}
