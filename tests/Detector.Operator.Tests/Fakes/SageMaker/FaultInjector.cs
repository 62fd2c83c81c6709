namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// Decides which authenticated calls fail on purpose: queued <c>FailNext</c> errors first, then seeded fractions of
/// throttling and 5xx (deterministic for a seed and call order), plus an optional delay before each answer.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<(string? Operation, ServiceError Error, bool AfterCommit)> _queued = [];
    private (double Fraction, Random Random)? _throttling;
    private (double Fraction, Random Random, int Status)? _serverErrors;

    private TaskCompletionSource _delayStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next call starts waiting out its <see cref="Latency"/> (its timer exists).</summary>
    public Task NextDelayStarted
    {
        get
        {
            lock (_gate)
                return _delayStarted.Task;
        }
    }

    /// <summary>Called by the handler once a call's delay timer is running.</summary>
    public void DelayStarted()
    {
        TaskCompletionSource started;
        lock (_gate)
            (started, _delayStarted) = (_delayStarted, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        started.SetResult();
    }

    /// <summary>Delay before each answer; null for none.</summary>
    public TimeSpan? Latency { get; private set; }

    /// <summary>True: <see cref="Latency"/> is waited on the wall clock; false: on the fake clock (the test advances it).</summary>
    public bool LatencyOnWallClock { get; private set; }

    /// <summary>Throttles about <paramref name="fraction"/> of calls (0 turns it off).</summary>
    public void Throttle(double fraction, int seed)
    {
        lock (_gate)
            _throttling = fraction <= 0 ? null : (fraction, new Random(seed));
    }

    /// <summary>Answers about <paramref name="fraction"/> of calls with a 5xx (500 InternalFailure or 503 ServiceUnavailable).</summary>
    public void ServerErrors(double fraction, int seed, int status)
    {
        lock (_gate)
            _serverErrors = fraction <= 0 ? null : (fraction, new Random(seed), status);
    }

    /// <summary>
    /// Queues an error for the next call of <paramref name="operation"/> (null: of any operation). With
    /// <paramref name="afterCommit"/> the call still takes effect and only its answer is lost (a 5xx or a dropped
    /// response after SageMaker created the job), so a retry meets the resource it made.
    /// </summary>
    public void FailNext(string? operation, ServiceError error, int times, bool afterCommit = false)
    {
        lock (_gate)
            for (var i = 0; i < times; i++)
                _queued.Add((operation, error, afterCommit));
    }

    /// <summary>Sets the delay before each answer.</summary>
    public void SetLatency(TimeSpan? latency, bool wallClock)
    {
        lock (_gate)
            (Latency, LatencyOnWallClock) = (latency, wallClock);
    }

    /// <summary>The injected error for this call (and whether the call still takes effect), or null.</summary>
    public (ServiceError Error, bool AfterCommit)? Decide(string operation)
    {
        lock (_gate)
        {
            var index = _queued.FindIndex(q => q.Operation is null || q.Operation == operation);
            if (index >= 0)
            {
                var (_, error, afterCommit) = _queued[index];
                _queued.RemoveAt(index);
                return (error, afterCommit);
            }
            if (_throttling is { } throttle && throttle.Random.NextDouble() < throttle.Fraction)
                return (ServiceError.Throttling(), false);
            if (_serverErrors is { } server && server.Random.NextDouble() < server.Fraction)
                return (ServiceError.ServerError(server.Status), false);
            return null;
        }
    }
}
