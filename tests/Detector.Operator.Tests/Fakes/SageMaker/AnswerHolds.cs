namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// One held answer (<see cref="FakeSageMaker.HoldNextAnswer"/>): the next call of <see cref="Operation"/> that takes
/// effect is committed and logged, then its answer waits until <see cref="Release"/> (the real answer goes out) or
/// <see cref="Fail"/> (an error goes out instead, the call stays committed). A client that goes away meanwhile gets nothing.
/// </summary>
public sealed class AnswerHold(string operation)
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ServiceError?> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The operation whose answer is held.</summary>
    public string Operation { get; } = operation;

    /// <summary>Completes once a call of <see cref="Operation"/> took effect (it is in the log as committed) and its answer is held.</summary>
    public Task Committed => _committed.Task;

    /// <summary>Lets the real answer go.</summary>
    public void Release() => _released.TrySetResult(null);

    /// <summary>Answers with this error instead; SageMaker keeps what the call made (the log keeps the committed call).</summary>
    public void Fail(int statusCode, string errorCode, string message) => _released.TrySetResult(new ServiceError(statusCode, errorCode, message));

    /// <summary>Called by the handler after the call committed: whether to answer, and the error to answer instead.</summary>
    internal async Task<(bool Answer, ServiceError? Instead)> HoldAsync(CancellationToken aborted)
    {
        _committed.TrySetResult();
        try
        {
            return (true, await _released.Task.WaitAsync(aborted));
        }
        catch (OperationCanceledException)
        {
            return (false, null);
        }
    }
}

/// <summary>The holds waiting for their operation's next committed call, in the order they were asked for.</summary>
public sealed class AnswerHolds
{
    private readonly object _gate = new();
    private readonly List<AnswerHold> _waiting = [];

    /// <summary>Holds the answer of the next committed call of <paramref name="operation"/>.</summary>
    public AnswerHold Add(string operation)
    {
        var hold = new AnswerHold(operation);
        lock (_gate)
            _waiting.Add(hold);
        return hold;
    }

    /// <summary>The first waiting hold of <paramref name="operation"/>, taken off the list; null when there is none.</summary>
    public AnswerHold? Take(string? operation)
    {
        lock (_gate)
        {
            var index = _waiting.FindIndex(h => h.Operation == operation);
            if (index < 0)
                return null;
            var hold = _waiting[index];
            _waiting.RemoveAt(index);
            return hold;
        }
    }
}
