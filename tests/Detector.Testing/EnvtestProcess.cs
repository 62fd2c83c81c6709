using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Detector.Testing;

/// <summary>
/// One control-plane binary (etcd or kube-apiserver) run under a small <c>sh</c> watchdog: its output goes to
/// <c>SCRATCH/NAME.log</c>, and the watchdog stops it (TERM) within a second of the test process disappearing, since test
/// hosts are often killed without running exit handlers. <see cref="Dispose"/> kills the binary and the watchdog.
/// </summary>
internal sealed class EnvtestProcess : IDisposable
{
    // $1 parent pid, $2 log file, $3 folder to remove when stopped ("" for none), then the command. The binary runs in
    // the background so the loop can watch the parent; `sleep & wait` keeps the TERM trap immediate. The folder is
    // removed here rather than by the test process, which its host may kill moments after the last test.
    private const string Watchdog = """
        parent=$1; log=$2; cleanup=$3; shift 3
        "$@" > "$log" 2>&1 < /dev/null &
        child=$!
        stop() { kill -KILL "$child" 2>/dev/null; wait "$child" 2>/dev/null; [ -n "$cleanup" ] && rm -rf "$cleanup"; exit 0; }
        trap stop TERM INT
        while kill -0 "$child" 2>/dev/null; do
          kill -0 "$parent" 2>/dev/null || stop
          sleep 1 & wait $!
        done
        wait "$child"
        """;

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
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", Watchdog, "envtest-watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), log, removeWhenStopped ?? "", binary })
            start.ArgumentList.Add(arg);
        foreach (var arg in arguments)
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        return new EnvtestProcess(name, process, log);
    }

    /// <summary>The last lines of the log, for error messages.</summary>
    public string LogTail(int lines = 20)
    {
        try
        {
            var all = File.ReadAllLines(LogPath);
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

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
