using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Detector.RuntimeBench;

/// <summary>
/// The operator as its own process (<c>detector run …</c>), so /proc shows its memory and CPU alone. It runs under a
/// small <c>sh</c> watchdog, as the envtest binaries do (tests/Detector.Testing/EnvtestProcess.cs): output to a log
/// file, and SIGTERM then SIGKILL within seconds of the bench disappearing without its exit handlers. The watchdog
/// prints the operator's pid first, which is what /proc is read for.
/// </summary>
public sealed class OperatorProcess : IAsyncDisposable
{
    // $1 parent pid, $2 log file, then the command. The operator runs in the background so the loop can watch the
    // parent; `sleep & wait` keeps the TERM trap immediate.
    private const string Watchdog = """
        parent=$1; log=$2; shift 2
        "$@" > "$log" 2>&1 < /dev/null &
        child=$!
        echo "$child"
        stop() { kill -TERM "$child" 2>/dev/null; sleep 5; kill -KILL "$child" 2>/dev/null; exit 0; }
        trap stop TERM INT
        while kill -0 "$child" 2>/dev/null; do
          kill -0 "$parent" 2>/dev/null || stop
          sleep 1 & wait $!
        done
        wait "$child"
        """;

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
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", Watchdog, "detector-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), logPath, executable })
            start.ArgumentList.Add(arg);
        foreach (var arg in arguments)
            start.ArgumentList.Add(arg);
        // Only what the bench decides: no KUBECONFIG, AWS profile or pod variables of the shell leak in.
        start.Environment.Clear();
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var watchdog = Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
        var line = await watchdog.StandardOutput.ReadLineAsync();
        if (!int.TryParse(line, CultureInfo.InvariantCulture, out var pid))
            throw new InvalidOperationException($"the operator watchdog printed '{line}' instead of a pid");
        return new OperatorProcess(watchdog, pid, logPath);
    }

    /// <summary>The last lines of the operator's log, for error messages.</summary>
    public string LogTail(int lines = 15)
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
