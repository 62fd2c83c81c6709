using Detector.Operator.Runtime;
using k8s.LeaderElection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.Runtime;

public sealed class LeaderElectionTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    // Short real durations: the elector uses the wall clock internally; the test waits on events, never on time.
    private static readonly LeaderElectionOptions Fast = new()
    {
        Identity = "pod-a",
        LeaseDuration = TimeSpan.FromSeconds(1),
        RenewDeadline = TimeSpan.FromMilliseconds(300),
        RetryPeriod = TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task RunAsync_LeaseLost_CancelsTheControllersTokenAndReturns()
    {
        var lease = new FakeLock("pod-a");
        var election = new LeaderElection(lease, Fast, NullLogger<LeaderElection>.Instance);
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = election.RunAsync(async ct =>
        {
            started.TrySetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
        }, CancellationToken.None);
        var token = await started.Task.WaitAsync(Guard);
        Assert.True(election.IsLeader);
        Assert.False(token.IsCancellationRequested);

        lease.Revoke();
        await run.WaitAsync(Guard);
        Assert.True(token.IsCancellationRequested);
        Assert.False(election.IsLeader);
    }

    [Fact]
    public async Task RunAsync_HostStopping_CancelsWorkAndReturns()
    {
        var election = new LeaderElection(new FakeLock("pod-a"), Fast, NullLogger<LeaderElection>.Instance);
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = new CancellationTokenSource();

        var run = election.RunAsync(async ct =>
        {
            started.TrySetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
        }, host.Token);
        var token = await started.Task.WaitAsync(Guard);
        await host.CancelAsync();
        await run.WaitAsync(Guard);
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public async Task RunAsync_WorkCrashes_EndsElectionAndRethrows()
    {
        var election = new LeaderElection(new FakeLock("pod-a"), Fast, NullLogger<LeaderElection>.Instance);
        var run = election.RunAsync(_ => throw new InvalidOperationException("controllers crashed"), CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(Guard));
        Assert.Equal("controllers crashed", error.Message);
    }

    [Fact]
    public async Task RunAsync_Disabled_LeadsAtOnceWithTheHostToken()
    {
        var election = new LeaderElection(null, Fast with { Enabled = false }, NullLogger<LeaderElection>.Instance);
        using var host = new CancellationTokenSource();
        var seen = CancellationToken.None;
        var leaderDuringWork = false;
        await election.RunAsync(ct => { seen = ct; leaderDuringWork = election.IsLeader; return Task.CompletedTask; }, host.Token);
        Assert.Equal(host.Token, seen);
        Assert.True(leaderDuringWork);
    }

    [Fact]
    public async Task FastPath_Leading_RenewsWithoutReadingTheLease_AndStillLosesItWhenTakenOver()
    {
        var lease = new FakeLock("pod-a");
        var election = new LeaderElection(new LeaderRenewFastPath(lease), Fast, NullLogger<LeaderElection>.Instance);
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = election.RunAsync(async ct =>
        {
            started.TrySetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
        }, CancellationToken.None);
        var token = await started.Task.WaitAsync(Guard);

        await lease.UpdatedAsync(times: 5).WaitAsync(Guard);
        // One read to acquire (the Lease exists, held by nobody); every renewal after it is a write alone.
        Assert.Equal(1, lease.Gets);

        lease.Revoke();
        await run.WaitAsync(Guard);
        Assert.True(token.IsCancellationRequested);
        Assert.True(lease.Gets > 1);   // the failed write sent it back to reading
    }

    [Theory]
    [InlineData("pod-a", true, false)]   // our write made us the holder: renew from memory
    [InlineData("pod-a", false, true)]   // the write failed: read again
    [InlineData("pod-b", true, true)]    // we wrote somebody else as holder (never, but then: read)
    public async Task FastPath_ReadsTheLeaseUnlessItsLastWriteMadeItTheHolder(string holder, bool written, bool reads)
    {
        var lease = new FakeLock("pod-a") { Accepts = written };
        var fastPath = new LeaderRenewFastPath(lease);
        await fastPath.CreateAsync(new LeaderElectionRecord { HolderIdentity = "nobody" });
        lease.Accepts = written;

        await fastPath.UpdateAsync(new LeaderElectionRecord { HolderIdentity = holder });
        var before = lease.Gets;
        await fastPath.GetAsync();

        Assert.Equal(reads, lease.Gets > before);
    }

    /// <summary>An in-memory lease; <see cref="Revoke"/> makes every renewal fail, as when another replica took it over.</summary>
    private sealed class FakeLock(string identity) : ILock
    {
        private readonly object _gate = new();
        private LeaderElectionRecord? _record;
        private volatile bool _revoked;
        private int _gets, _updates;
        private (int Times, TaskCompletionSource Done)? _waiter;

        public string Identity => identity;

        /// <summary>Whether writes succeed (false: as a 409 would answer).</summary>
        public bool Accepts { get; set; } = true;

        public int Gets => Volatile.Read(ref _gets);

        public void Revoke() => _revoked = true;

        /// <summary>Completes once <paramref name="times"/> updates have succeeded.</summary>
        public Task UpdatedAsync(int times)
        {
            lock (_gate)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_updates >= times)
                    done.SetResult();
                else
                    _waiter = (times, done);
                return done.Task;
            }
        }

        public Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _gets);
            lock (_gate)
                return Task.FromResult(_record ?? new LeaderElectionRecord());
        }

        public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                if (_record is not null || _revoked || !Accepts)
                    return Task.FromResult(false);
                _record = record;
                return Task.FromResult(true);
            }
        }

        public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                if (_revoked || !Accepts)
                    return Task.FromResult(false);
                _record = record;
                if (++_updates >= _waiter?.Times)
                    _waiter.Value.Done.TrySetResult();
                return Task.FromResult(true);
            }
        }

        public string Describe() => "fake lease";
    }
}
