using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Detector.Testing;

/// <summary>
/// One control-plane binary (etcd or kube-apiserver) run under the <see cref="Watchdog"/>: its output goes to
/// <c>SCRATCH/NAME.log</c>, and it is killed within a second of the test process disappearing, since test hosts are
/// often killed without running exit handlers. <see cref="Dispose"/> kills the binary and the watchdog.
/// </summary>
internal sealed class EnvtestProcess : IDisposable
{
    private const int SigTerm = 15;

    private readonly Process _watchdog;
    private int _disposed;

    private EnvtestProcess(string name, Process watchdog, string logPath)
    {
        (Name, _watchdog, LogPath) = (name, watchdog, logPath);
    }

    /// <summary>etcd or kube-apiserver.</summary>
    public string Name { get; }

    /// <summary>Where the binary's stdout and stderr go.</summary>
    public string LogPath { get; }

    /// <summary>False once the binary (or its watchdog) has exited.</summary>
    public bool IsRunning => !_watchdog.HasExited;

    /// <summary>Starts <paramref name="binary"/> with <paramref name="arguments"/>, logging to SCRATCH/NAME.log.</summary>
    /// <remarks>When stopped (or orphaned) the watchdog removes <paramref name="removeWhenStopped"/> if given.</remarks>
    public static EnvtestProcess Start(string name, string binary, IEnumerable<string> arguments, string scratch,
        string? removeWhenStopped = null)
    {
        var log = Path.Combine(scratch, name + ".log");
        var (process, _) = Watchdog.Start(binary, arguments, log, removeWhenStopped);
        return new EnvtestProcess(name, process, log);
    }

    /// <summary>The last lines of the log, for error messages.</summary>
    public string LogTail(int lines = 20) => Watchdog.LogTail(LogPath, lines);

    /// <summary>True when the log says a port was taken (a race with another process: pick other ports and retry).</summary>
    public bool LostPortRace() => !IsRunning && LogTail(50).Contains("address already in use", StringComparison.Ordinal);

    /// <summary>A loopback port free at this moment (the OS picks it; another process may still take it first).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Asks the watchdog to stop: it kills the binary (no graceful shutdown: the data is thrown away anyway) and removes
    /// its folder. <see cref="Dispose"/> waits for that.
    /// </summary>
    public void RequestStop()
    {
        if (!_watchdog.HasExited)
            _ = Kill(_watchdog.Id, SigTerm);
    }

    /// <summary>Stops the watchdog and the binary, waiting up to 5 s before killing both outright.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            RequestStop();
            if (!_watchdog.WaitForExit(5_000))
                _watchdog.Kill(entireProcessTree: true);
            _watchdog.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _watchdog.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
