using System.Diagnostics;
using System.Globalization;

namespace Detector.Testing;

/// <summary>
/// Runs a process under a small <c>sh</c> watchdog, for the envtest binaries and the runtime benchmark's operator: its
/// output goes to a log file, the watchdog prints the child's pid first, and it stops the child within a second or so
/// of the parent disappearing (test hosts and benchmarks are often killed without running exit handlers), or when the
/// watchdog itself gets TERM. Stopping is SIGKILL at once, or SIGTERM with a grace period before SIGKILL.
/// </summary>
public static class Watchdog
{
    // $1 parent pid, $2 log file, $3 folder to remove when stopped ("" for none), $4 grace seconds (0: KILL at once),
    // then the command. The child runs in the background so the loop can watch the parent; `sleep & wait` keeps the
    // TERM trap immediate. The folder is removed here rather than by the parent, which may be killed moments later.
    private const string Script = """
        parent=$1; log=$2; cleanup=$3; grace=$4; shift 4
        "$@" > "$log" 2>&1 < /dev/null &
        child=$!
        echo "$child"
        stop() {
          if [ "$grace" -gt 0 ]; then
            kill -TERM "$child" 2>/dev/null
            i=0; while [ "$i" -lt "$grace" ] && kill -0 "$child" 2>/dev/null; do sleep 1; i=$((i+1)); done
          fi
          kill -KILL "$child" 2>/dev/null; wait "$child" 2>/dev/null
          [ -n "$cleanup" ] && rm -rf "$cleanup"
          exit 0
        }
        trap stop TERM INT
        while kill -0 "$child" 2>/dev/null; do
          kill -0 "$parent" 2>/dev/null || stop
          sleep 1 & wait $!
        done
        wait "$child"
        """;

    /// <summary>
    /// Starts <paramref name="executable"/> under the watchdog and returns the watchdog and the child's pid. With
    /// <paramref name="environment"/> the child gets exactly those variables; otherwise this process's.
    /// </summary>
    public static (Process Watchdog, int Pid) Start(string executable, IEnumerable<string> arguments, string logPath,
        string? removeWhenStopped = null, int graceSeconds = 0, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", Script, "watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), logPath,
                     removeWhenStopped ?? "", graceSeconds.ToString(CultureInfo.InvariantCulture), executable })
            start.ArgumentList.Add(arg);
        foreach (var arg in arguments)
            start.ArgumentList.Add(arg);
        if (environment is not null)
        {
            start.Environment.Clear();
            foreach (var (name, value) in environment)
                start.Environment[name] = value;
        }
        var watchdog = Process.Start(start) ?? throw new InvalidOperationException($"sh did not start for {executable}");
        var line = watchdog.StandardOutput.ReadLine();   // printed at once, before the child does anything
        if (!int.TryParse(line, CultureInfo.InvariantCulture, out var pid))
            throw new InvalidOperationException($"the watchdog of {executable} printed '{line}' instead of a pid");
        return (watchdog, pid);
    }

    /// <summary>The last <paramref name="lines"/> lines of a log file, for error messages; "(no log)" when unreadable.</summary>
    public static string LogTail(string path, int lines)
    {
        try
        {
            var all = File.ReadAllLines(path);
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
