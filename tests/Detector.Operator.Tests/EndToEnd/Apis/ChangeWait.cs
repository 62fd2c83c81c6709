using Detector.Operator.Tests.Fakes.ApiServer;

namespace Detector.Operator.Tests.EndToEnd.Apis;

/// <summary>
/// Waiting on an API server's changes, shared by <see cref="EnvtestApi"/> (its watch feed) and the fake API server
/// (its store): the predicate is re-evaluated after every change, never on a timer.
/// </summary>
public static class ChangeWait
{
    /// <summary>
    /// Completes once <paramref name="predicate"/> holds; throws <see cref="TimeoutException"/> naming the last 15
    /// requests when it does not within <paramref name="timeout"/>.
    /// </summary>
    /// <param name="nextChange">The task that completes at the next change (taken before each evaluation, so none is missed).</param>
    /// <param name="predicate">The condition.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="requests">The requests the server saw, for the timeout's message.</param>
    public static async Task UntilAsync(Func<Task> nextChange, Func<bool> predicate, TimeSpan timeout, Func<IEnumerable<ApiCall>> requests)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = nextChange();
            if (predicate())
                return;
            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                if (predicate())
                    return;
                throw new TimeoutException($"condition not met within {timeout}; last requests:{Environment.NewLine}" +
                    string.Join(Environment.NewLine, requests().TakeLast(15)));
            }
        }
    }
}
