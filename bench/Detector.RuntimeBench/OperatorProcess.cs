using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Detector.Testing;

namespace Detector.RuntimeBench;

/// <summary>
/// The operator as its own process (<c>detector run …</c>), so /proc shows its memory and CPU alone. It runs under a
/// the envtest binaries' <see cref="Watchdog"/> (tests/Detector.Testing): output to a log file, and SIGTERM then SIGKILL
/// within seconds of the bench disappearing without its exit handlers. The watchdog gives the operator's pid, which is
/// what /proc is read for.
/// </summary>
public sealed class OperatorProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(50);   // detector run drains for up to 45 s.

    private readonly Process _watchdog;
    private int _stopped;

    private OperatorProcess(Process watchdog, int pid, string logPath)
    {
        (_watchdog, Pid, LogPath) = (watchdog, pid, logPath);
    }

    /// <summary>The operator's process id.</summary>
    public int Pid { get; }

    /// <summary>Where its stdout and stderr go.</summary>
    public string LogPath { get; }

    /// <summary>False once the operator has exited.</summary>
    public bool IsRunning => !_watchdog.HasExited;

    /// <summary>Starts <paramref name="executable"/> with <paramref name="arguments"/> and exactly <paramref name="environment"/>.</summary>
    public static async Task<OperatorProcess> StartAsync(string executable, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string logPath)
    {
        // Only what the bench decides: no KUBECONFIG, AWS profile or pod variables of the shell leak in. An orphaned
        // operator gets SIGTERM and 5 s to drain before SIGKILL.
        var (watchdog, pid) = await Task.Run(() => Watchdog.Start(executable, arguments, logPath, graceSeconds: 5, environment: environment));
        return new OperatorProcess(watchdog, pid, logPath);
    }

    /// <summary>The last lines of the operator's log, for error messages.</summary>
    public string LogTail(int lines = 15) => Watchdog.LogTail(LogPath, lines);

    /// <summary>Stops the operator as Kubernetes does (SIGTERM, then SIGKILL after the grace period) and returns its exit code.</summary>
    public async Task<int?> StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return null;
        if (!_watchdog.HasExited)
            _ = Kill(Pid, SigTerm);
        using var grace = new CancellationTokenSource(s_stopGrace);
        try
        {
            await _watchdog.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _ = Kill(Pid, SigKill);
            _watchdog.Kill(entireProcessTree: true);
            await _watchdog.WaitForExitAsync();
        }
        return _watchdog.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _watchdog.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
