using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Runtime;

/// <summary>Leader election settings (a coordination.k8s.io Lease).</summary>
public sealed record LeaderElectionOptions
{
    /// <summary>False for local runs: lead at once, no Lease.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Name of the Lease.</summary>
    public string LeaseName { get; init; } = "detector-operator";

    /// <summary>Namespace of the Lease (the operator's own).</summary>
    public string LeaseNamespace { get; init; } = "detector-system";

    /// <summary>This process's identity in the Lease: the pod (or host) name and a random suffix, see <see cref="UniqueIdentity(string)"/>.</summary>
    public string Identity { get; init; } = UniqueIdentity(Environment.MachineName);

    /// <summary>How long a lease is valid without renewal.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between attempts.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <paramref name="host"/> (the pod name, else the machine name) with a random suffix, as controller-runtime and
    /// client-go make it (<c>hostname_uuid</c>): two processes on one machine, or a restarted pod whose old process
    /// still holds the Lease, must never both believe they lead.
    /// </summary>
    public static string UniqueIdentity(string host) => UniqueIdentity(host, Guid.NewGuid());

    /// <summary>Pure form of <see cref="UniqueIdentity(string)"/>.</summary>
    public static string UniqueIdentity(string host, Guid suffix) => $"{host}_{suffix:D}";
}

/// <summary>
/// Runs work only while this replica holds the Lease, through KubernetesClient's <see cref="LeaderElector"/>.
/// Losing the lease cancels the work and ends <see cref="RunAsync"/>, so the host exits and Kubernetes restarts the
/// pod as a follower (a half-stopped leader must never keep reconciling).
/// </summary>
public sealed class LeaderElection
{
    private readonly ILock? _lock;
    private readonly LeaderElectionOptions _options;
    private readonly ILogger _log;
    private volatile bool _isLeader;

    /// <summary>Election on <paramref name="lease"/>; null with <see cref="LeaderElectionOptions.Enabled"/> false.</summary>
    public LeaderElection(ILock? lease, LeaderElectionOptions options, ILogger<LeaderElection> log)
    {
        if (options.Enabled && lease is null)
            throw new ArgumentNullException(nameof(lease), "Leader election is enabled but no lock was given");
        _lock = lease;
        _options = options;
        _log = log;
    }

    /// <summary>Election on a <see cref="LeaseLock"/> named by <paramref name="options"/>, or none when disabled.</summary>
    public static LeaderElection ForLease(IKubernetes client, LeaderElectionOptions options, ILogger<LeaderElection> log) =>
        new(options.Enabled ? new LeaderRenewFastPath(new Kube.OperatorLeaseLock(client, options.LeaseNamespace, options.LeaseName, options.Identity)) : null,
            options, log);

    /// <summary>Whether this replica currently leads (always true without election once running).</summary>
    public bool IsLeader => _isLeader;

    /// <summary>
    /// Waits to lead, then runs <paramref name="lead"/> with a token cancelled when leadership is lost or
    /// <paramref name="ct"/> is cancelled. Returns once the work has stopped; rethrows the work's failure.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken ct)
    {
        if (_lock is null)
        {
            _isLeader = true;
            try
            {
                await lead(ct);
            }
            finally
            {
                _isLeader = false;
            }
            return;
        }

        using var leading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var electing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? work = null;
        var lease = $"{_options.LeaseNamespace}/{_options.LeaseName}";
        using var elector = new LeaderElector(new LeaderElectionConfig(_lock)
        {
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
        });
        elector.OnStartedLeading += () =>
        {
            _isLeader = true;
            _log.StartedLeading(_options.Identity, lease);
            work = Task.Run(() => lead(leading.Token));
            // Work that ends on its own (a crash) must give up the election too, so the pod restarts.
            work.ContinueWith(_ => CancelQuietly(electing), TaskScheduler.Default);
        };
        elector.OnStoppedLeading += () =>
        {
            _isLeader = false;
            _log.StoppedLeading(_options.Identity, lease);
            leading.Cancel();
        };
        elector.OnNewLeader += leader => _log.NewLeader(leader, lease);
        elector.OnError += ex => _log.LeaderElectionError(ex, lease);

        try
        {
            await elector.RunUntilLeadershipLostAsync(electing.Token);
        }
        catch (OperationCanceledException) when (electing.IsCancellationRequested)
        {
        }
        finally
        {
            _isLeader = false;
            await leading.CancelAsync();
        }
        if (work is not null)
        {
            try
            {
                await work;
            }
            catch (OperationCanceledException) when (leading.IsCancellationRequested)
            {
            }
        }
    }

    private static void CancelQuietly(CancellationTokenSource cts)
    {
        try
        {
            cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The election already ended.
        }
    }
}
