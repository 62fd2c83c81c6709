using System.Globalization;
using System.Runtime.InteropServices;

namespace Detector.RuntimeBench;

/// <summary>One reading of a process's CPU time and memory from /proc.</summary>
/// <param name="CpuTicks">utime + stime, in clock ticks.</param>
/// <param name="RssKiB">VmRSS: resident set size now.</param>
/// <param name="PeakRssKiB">VmHWM: the highest resident set size so far.</param>
public sealed record ProcSample(long CpuTicks, long RssKiB, long PeakRssKiB);

/// <summary>
/// Reads a process's CPU time (<c>/proc/PID/stat</c> utime + stime) and memory (<c>/proc/PID/status</c> VmRSS and
/// VmHWM), as <c>ps</c> and <c>top</c> do. The parsing is pure; <see cref="Read"/> is the I/O.
/// </summary>
public static class ProcStats
{
    private const int ScClockTicks = 2;   // _SC_CLK_TCK on Linux.

    /// <summary>Clock ticks per second (USER_HZ, nearly always 100).</summary>
    public static long TicksPerSecond { get; } = ReadTicksPerSecond();

    /// <summary>Reads both files of process <paramref name="pid"/>; throws <see cref="IOException"/> once it has exited.</summary>
    public static ProcSample Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var status = File.ReadAllText($"/proc/{pid}/status");
        return new ProcSample(CpuTicks(stat), StatusKiB(status, "VmRSS"), StatusKiB(status, "VmHWM"));
    }

    /// <summary>Pure: utime + stime (fields 14 and 15) of a <c>/proc/PID/stat</c> line.</summary>
    /// <remarks>Fields are counted after the last ')': the command name (field 2) may itself hold spaces and parentheses.</remarks>
    public static long CpuTicks(string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0)
            throw new FormatException("/proc/PID/stat has no ')' after the command name");
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        if (fields.Length < 13)
            throw new FormatException($"/proc/PID/stat has {fields.Length + 2} fields, expected at least 15");
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>Pure: a "<paramref name="key"/>:  1234 kB" line of <c>/proc/PID/status</c>, in KiB.</summary>
    public static long StatusKiB(string status, string key)
    {
        foreach (var line in status.Split('\n'))
        {
            if (!line.StartsWith(key + ":", StringComparison.Ordinal))
                continue;
            var parts = line[(key.Length + 1)..].Split(' ', '\t').Where(p => p.Length > 0).ToArray();
            if (parts is [var number, "kB"])
                return long.Parse(number, CultureInfo.InvariantCulture);
            throw new FormatException($"/proc/PID/status: '{line}' is not '{key}: <n> kB'");
        }
        throw new FormatException($"/proc/PID/status has no {key} line");
    }

    private static long ReadTicksPerSecond()
    {
        try
        {
            var ticks = SysConf(ScClockTicks);
            return ticks > 0 ? ticks : 100;
        }
        catch (DllNotFoundException)
        {
            return 100;
        }
    }

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
}
