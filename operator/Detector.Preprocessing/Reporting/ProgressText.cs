using System.Globalization;

namespace Detector.Preprocessing.Reporting;

/// <summary>Formats progress figures (pure).</summary>
public static class ProgressText
{
    /// <summary>"Processed 120/1000 images (12.0%), 48.0 images/s, ETA 00:00:18".</summary>
    public static string Line(long processed, long total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? processed / elapsed.TotalSeconds : 0;
        var percent = total > 0 ? 100.0 * processed / total : 100.0;
        var eta = rate > 0 ? TimeSpan.FromSeconds(Math.Ceiling((total - processed) / rate)) : (TimeSpan?)null;
        return string.Create(CultureInfo.InvariantCulture,
            $"Processed {processed}/{total} images ({percent:0.0}%), {rate:0.0} images/s, ETA {(eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "unknown")}");
    }

    /// <summary>A 30-character bar, e.g. "[#########.....................]".</summary>
    public static string Bar(long processed, long total, int width = 30)
    {
        var filled = total > 0 ? (int)Math.Min(width, width * processed / total) : width;
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}

/// <summary>
/// Counts processed images and reports at a steady cadence driven by <see cref="TimeProvider"/>: a log line per tick,
/// or a redrawn progress bar when attached to a terminal.
/// </summary>
public sealed class ProgressMeter : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly bool _bar;
    private readonly long _started;
    private readonly ITimer _timer;
    private long _processed;

    /// <summary>Starts the meter; <paramref name="log"/> receives lines (or bar frames starting with '\r' when <paramref name="bar"/>).</summary>
    public ProgressMeter(long total, TimeProvider time, TimeSpan interval, Action<string> log, bool bar)
    {
        (Total, _time, _log, _bar) = (total, time, log, bar);
        _started = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Tick(), null, interval, interval);
    }

    /// <summary>Images to process.</summary>
    public long Total { get; }

    /// <summary>Images processed so far.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Counts one processed image.</summary>
    public void Advance() => Interlocked.Increment(ref _processed);

    /// <summary>Reports now (also called by the timer).</summary>
    public void Tick()
    {
        var line = ProgressText.Line(Processed, Total, _time.GetElapsedTime(_started));
        _log(_bar ? "\r" + ProgressText.Bar(Processed, Total) + " " + line : line);
    }

    /// <summary>Stops the timer and reports the final figures.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        Tick();
        if (_bar)
            _log("\n");
    }
}
