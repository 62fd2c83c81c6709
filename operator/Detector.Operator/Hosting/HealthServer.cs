using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Detector.Operator.Hosting;

/// <summary>
/// Serves <c>/metrics</c> (Prometheus text exposition), <c>/healthz</c> (the process is up) and <c>/readyz</c> (the given
/// readiness check: caches synced, or following a leader) over plain HTTP/1.1, one request per connection, as
/// controller-runtime's metrics and probe servers do with Go's net/http.
/// </summary>
/// <remarks>
/// Not ASP.NET Core: Kestrel, routing and dependency injection cost the operator about 10 MB of resident memory
/// (their libraries and the code the JIT compiles for them) to answer three fixed GETs (issue 19's memory budget).
/// Every connection has budgets: <see cref="HealthRoutes.MaxHeadBytes"/> of request head, <see cref="ReadTimeout"/>
/// to send it, and at most <see cref="MaxConnections"/> at once (more are closed unanswered).
/// </remarks>
public sealed partial class HealthServer : IAsyncDisposable
{
    /// <summary>Connections served at once; a scraper and two probes need three.</summary>
    public const int MaxConnections = 16;

    /// <summary>How long a client may take to send its request head.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The most bytes read after the answer while waiting for the client to close.</summary>
    private const int MaxDrainBytes = 64 * 1024;

    private const string MetricsContentType = "text/plain; version=0.0.4; charset=utf-8";
    private const string TextContentType = "text/plain; charset=utf-8";

    private readonly Socket _listener;
    private readonly CollectorRegistry _registry;
    private readonly Func<bool> _ready;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _slots = new(MaxConnections, MaxConnections);
    private readonly Task _accepting;
    private int _disposed;

    private HealthServer(Socket listener, CollectorRegistry registry, Func<bool> ready, ILogger log)
    {
        (_listener, _registry, _ready, _log) = (listener, registry, ready, log);
        var bound = (IPEndPoint)listener.LocalEndPoint!;
        // An any-address listener is reached on loopback from this machine; print that, not 0.0.0.0.
        var host = bound.Address.Equals(IPAddress.Any) || bound.Address.Equals(IPAddress.IPv6Any) ? "127.0.0.1"
            : bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound.Address}]" : bound.Address.ToString();
        Url = $"http://{host}:{bound.Port.ToString(CultureInfo.InvariantCulture)}";
        _accepting = AcceptLoopAsync();
    }

    /// <summary>The URL actually bound (the real port when 0 was asked for).</summary>
    public string Url { get; }

    /// <summary>
    /// Starts serving on <paramref name="endpoint"/>. Throws <see cref="SocketException"/> with
    /// <see cref="SocketError.AddressAlreadyInUse"/> when another process holds the address.
    /// </summary>
    public static HealthServer Start(IPEndPoint endpoint, CollectorRegistry registry, Func<bool> ready, ILoggerFactory logs)
    {
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.Address.Equals(IPAddress.IPv6Any))
                listener.DualMode = true;
            listener.Bind(endpoint);
            listener.Listen(64);
            return new HealthServer(listener, registry, ready, logs.CreateLogger<HealthServer>());
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // A connection reset before it was accepted, or out of file descriptors: the next accept may work.
                LogAcceptFailed(e.SocketErrorCode.ToString());
                continue;
            }
            if (!_slots.Wait(0))
            {
                client.Dispose();
                continue;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            using var _ = client;
            await using var stream = new NetworkStream(client, ownsSocket: false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(ReadTimeout);
            var requestLine = await ReadRequestLineAsync(stream, timeout.Token);
            var (route, headOnly) = requestLine is null ? (HealthRoute.BadRequest, false) : HealthRoutes.Decide(requestLine);
            var ready = route == HealthRoute.Readyz && _ready();
            var (code, reason) = HealthRoutes.Status(route, ready);
            using var body = new MemoryStream();
            if (route == HealthRoute.Metrics)
                await _registry.CollectAndExportAsTextAsync(body, _stop.Token);
            else
                body.Write(Encoding.UTF8.GetBytes(HealthRoutes.Body(route, ready)));
            var head = $"HTTP/1.1 {code.ToString(CultureInfo.InvariantCulture)} {reason}\r\n" +
                $"Content-Type: {(route == HealthRoute.Metrics ? MetricsContentType : TextContentType)}\r\n" +
                $"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            if (!headOnly)
                await stream.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), _stop.Token);
            client.Shutdown(SocketShutdown.Send);
            await DrainAsync(stream, timeout.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, was too slow, or the server is stopping: nothing to answer.
        }
        catch (Exception e)
        {
            // A failing metrics collector or readiness check must not end the process; the scraper sees a reset.
            LogServeFailed(e);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The first line of the request head, or null when the head is over budget or the client stops early.</summary>
    private static async Task<string?> ReadRequestLineAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[HealthRoutes.MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0)
                return null;
            length += read;
            // Read the whole head, so closing after the answer never resets a client still sending headers.
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
                return Encoding.ASCII.GetString(buffer, 0, buffer.AsSpan(0, end + 2).IndexOf("\r\n"u8));
        }
        return null;
    }

    /// <summary>
    /// Reads what the client still sends until it closes (a lingering close, as web servers do): closing a socket with
    /// unread bytes sends a reset, which can destroy the answer before the client reads it.
    /// </summary>
    private static async Task DrainAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[1024];
        for (var drained = 0; drained < MaxDrainBytes;)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0)
                return;
            drained += read;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting;
        // Wait for the connections in flight: each ends promptly once _stop is cancelled.
        for (var i = 0; i < MaxConnections; i++)
            await _slots.WaitAsync();
        _stop.Dispose();
        _slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Health server could not accept a connection: {Error}")]
    private partial void LogAcceptFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health server failed to answer a request")]
    private partial void LogServeFailed(Exception exception);
}
