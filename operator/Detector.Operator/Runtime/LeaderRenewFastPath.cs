using k8s.LeaderElection;

namespace Detector.Operator.Runtime;

/// <summary>
/// The leader's renew without a read (client-go's fast path since 1.29): KubernetesClient's elector reads the Lease
/// before every write, a GET and a PUT every <see cref="LeaderElectionOptions.RetryPeriod"/> — half the idle requests of
/// an otherwise quiet operator. While the last write of this process made it the holder, that record is the Lease as
/// far as anyone can know: a change by somebody else makes the next write fail (its resourceVersion is stale), and a
/// failed or thrown write drops the remembered record so the next attempt reads the Lease again. Followers always read.
/// </summary>
public sealed class LeaderRenewFastPath(ILock inner) : ILock
{
    private LeaderElectionRecord? _held;

    /// <inheritdoc />
    public string Identity => inner.Identity;

    /// <inheritdoc />
    public async Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _held) ?? await inner.GetAsync(cancellationToken);

    /// <inheritdoc />
    public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) =>
        RememberAsync(record, () => inner.CreateAsync(record, cancellationToken));

    /// <inheritdoc />
    public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) =>
        RememberAsync(record, () => inner.UpdateAsync(record, cancellationToken));

    /// <inheritdoc />
    public string Describe() => inner.Describe();

    private async Task<bool> RememberAsync(LeaderElectionRecord record, Func<Task<bool>> write)
    {
        Volatile.Write(ref _held, null);
        var written = await write();
        if (written && record.HolderIdentity == Identity)
            Volatile.Write(ref _held, record);
        return written;
    }
}
