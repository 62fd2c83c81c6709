using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Detector.Operator.Cli;

/// <summary>What one hostile case did.</summary>
/// <param name="ExitCode">The process exit code (-1 when it was killed at the time limit).</param>
/// <param name="Output">stdout then stderr, as text.</param>
/// <param name="Seconds">Wall time of the process.</param>
/// <param name="PeakRssBytes">Peak resident set of the process (VmHWM), or null when not measured.</param>
/// <param name="StrayEntries">Entries the run left in the case folder outside out/ and work/ (or in work/ itself).</param>
public sealed record HostileOutcome(int ExitCode, string Output, double Seconds, long? PeakRssBytes, IReadOnlyList<string> StrayEntries);

/// <summary>
/// Runs hostile cases as child processes of the <c>detector</c> executable, so an unhandled exception, a stack overflow
/// or a hang shows as what it is. With <c>measure</c> the child runs the command under <c>bench hostile-exec</c>, which
/// reports its own peak RSS.
/// </summary>
public sealed class HostileRunner : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    /// <summary>Starts the loopback file server for cases under <paramref name="root"/>.</summary>
    public HostileRunner(string root)
    {
        _root = root;
        var port = FreePort();
        ServerUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(ServerUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Base URL of the server: /{case}/{file} serves {root}/{case}/served/{file}.</summary>
    public string ServerUrl { get; }

    /// <summary>Builds and runs <paramref name="hostile"/>; <paramref name="detector"/> is the command that starts the CLI.</summary>
    public async Task<HostileOutcome> RunAsync(HostileCase hostile, IReadOnlyList<string> detector, bool measure, TimeSpan timeLimit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        ArgumentNullException.ThrowIfNull(detector);
        var folder = Path.Combine(_root, hostile.Name);
        Directory.CreateDirectory(folder);
        var args = hostile.Build(new HostileContext(folder, $"{ServerUrl}/{hostile.Name}"));
        var before = Directory.EnumerateFileSystemEntries(folder).ToHashSet(StringComparer.Ordinal);
        var start = new ProcessStartInfo(detector[0])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder,
        };
        foreach (var part in detector.Skip(1).Concat(measure ? ["bench", "hostile-exec", "--"] : []).Concat(args))
            start.ArgumentList.Add(part);
        start.Environment[Preprocessing.Sources.SourceOptions.AllowLoopbackVariable] = hostile.AllowLoopback ? "true" : "false";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{detector[0]} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeLimit);
        var exit = -1;
        try
        {
            await process.WaitForExitAsync(limit.Token);
            exit = process.ExitCode;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var output = await stdout + await stderr;
        long? peak = null;
        if (measure && output.LastIndexOf(PeakMarker, StringComparison.Ordinal) is var at and >= 0)
        {
            peak = long.Parse(output[(at + PeakMarker.Length)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            output = output[..at];
        }
        var stray = Directory.EnumerateFileSystemEntries(folder)
            .Where(e => !before.Contains(e) && Path.GetFileName(e) is not "out" and not "work")
            .Concat(Directory.Exists(Path.Combine(folder, "work")) ? Directory.EnumerateFileSystemEntries(Path.Combine(folder, "work")) : [])
            .ToList();
        return new(exit, output, seconds, peak, stray);
    }

    /// <summary>The line hostile-exec ends with.</summary>
    public const string PeakMarker = "peak-rss-bytes: ";

    /// <summary>How to start this very executable (apphost, or dotnet plus the dll).</summary>
    public static IReadOnlyList<string> SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, typeof(HostileRunner).Assembly.Location] : [process];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                // /{case}/{file} → {root}/{case}/served/{file}; names are the corpus's own, never '..'.
                var parts = context.Request.Url!.AbsolutePath.Trim('/').Split('/');
                var path = parts.Length == 2 && !parts.Contains("..") ? Path.Combine(_root, parts[0], "served", parts[1]) : null;
                if (path is null || !File.Exists(path))
                    context.Response.StatusCode = 404;
                else
                {
                    var bytes = await File.ReadAllBytesAsync(path);
                    context.Response.ContentLength64 = bytes.Length;
                    await context.Response.OutputStream.WriteAsync(bytes);
                }
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The client went away (a refused download stops reading): nothing to serve any more.
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
