using Detector.Operator.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Runtime;

public sealed class WorkQueueTests
{
    private static readonly ObjectKey A = new("ml", "a"), B = new("ml", "b");
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Add_SameKeyTwice_HandsItOutOnce()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        queue.Add(A);
        queue.Add(A);
        queue.Add(B);
        Assert.Equal(2, queue.Depth);
        Assert.Equal(A, await queue.TakeAsync(default).WaitAsync(Guard));
        Assert.Equal(B, await queue.TakeAsync(default).WaitAsync(Guard));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Add_WhileInFlight_WaitsUntilDoneThenOnce()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        queue.Add(A);
        var key = await queue.TakeAsync(default).WaitAsync(Guard);
        queue.Add(A);
        queue.Add(A);
        Assert.Equal(0, queue.Depth);

        queue.Done(key!.Value);
        Assert.Equal(1, queue.Depth);
        Assert.Equal(A, await queue.TakeAsync(default).WaitAsync(Guard));
        queue.Done(A);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void AddRateLimited_Repeated_DoublesFromOneSecondToFiveMinuteCapAndResetsOnForget()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        var delays = Enumerable.Range(0, 11).Select(_ => queue.AddRateLimited(A).TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300], delays);

        queue.Forget(A);
        Assert.Equal(TimeSpan.FromSeconds(1), queue.AddRateLimited(A));
        Assert.Equal(TimeSpan.FromSeconds(1), queue.AddRateLimited(B));
    }

    [Fact]
    public void AddAfter_FiresOnlyWhenTheFakeClockReachesTheDelay()
    {
        var clock = new FakeTimeProvider();
        using var queue = new WorkQueue(clock);
        queue.AddAfter(A, TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(29.999));
        Assert.Equal(0, queue.Depth);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Depth);
        Assert.Empty(queue.Delayed);
    }

    [Fact]
    public void AddAfter_EarlierScheduleWins()
    {
        var clock = new FakeTimeProvider();
        using var queue = new WorkQueue(clock);
        queue.AddAfter(A, TimeSpan.FromSeconds(60));
        queue.AddAfter(A, TimeSpan.FromSeconds(5));
        queue.AddAfter(A, TimeSpan.FromSeconds(30));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(5), queue.Delayed[A]);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, queue.Depth);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task ShutDown_ReleasesWaitingTakersAndDropsTimers()
    {
        var clock = new FakeTimeProvider();
        using var queue = new WorkQueue(clock);
        var waiting = queue.TakeAsync(default);
        queue.AddAfter(A, TimeSpan.FromSeconds(1));
        queue.ShutDown();
        Assert.Null(await waiting.WaitAsync(Guard));
        clock.Advance(TimeSpan.FromSeconds(2));
        queue.Add(B);
        Assert.Equal(0, queue.Depth);
        Assert.Null(await queue.TakeAsync(default).WaitAsync(Guard));
    }

    [Fact]
    public async Task TakeAsync_ManyTakers_NeverHandOutAKeyTwiceConcurrentlyAndSeeEveryAdd()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        var gate = new object();
        var inFlight = new HashSet<ObjectKey>();
        var added = new Dictionary<ObjectKey, int>();
        var seen = new Dictionary<ObjectKey, int>();
        var violations = 0;
        var producerDone = false;
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var keys = Enumerable.Range(0, 5).Select(i => new ObjectKey("ml", $"k{i}")).ToArray();
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await queue.TakeAsync(default) is { } key)
            {
                lock (gate)
                {
                    if (!inFlight.Add(key))
                        violations++;
                    // Everything added before this take is covered by this run.
                    seen[key] = added.GetValueOrDefault(key);
                }
                await Task.Yield();
                lock (gate)
                {
                    inFlight.Remove(key);
                    if (producerDone && keys.All(k => seen.GetValueOrDefault(k) == added[k]))
                        allSeen.TrySetResult();
                }
                queue.Done(key);
            }
        })).ToArray();
        for (var round = 0; round < 200; round++)
        {
            foreach (var key in keys)
            {
                lock (gate)
                    added[key] = added.GetValueOrDefault(key) + 1;
                queue.Add(key);
            }
            if (round % 20 == 0)
                await Task.Yield();
        }
        lock (gate)
        {
            producerDone = true;
            if (keys.All(k => seen.GetValueOrDefault(k) == added[k]))
                allSeen.TrySetResult();
        }
        await allSeen.Task.WaitAsync(Guard);
        queue.ShutDown();
        await Task.WhenAll(workers).WaitAsync(Guard);
        Assert.Equal(0, violations);
    }
}
