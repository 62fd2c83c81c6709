using System.Net;
using System.Net.Sockets;

namespace Detector.Preprocessing.Tests.Sources;

/// <summary>A tiny HTTP server on 127.0.0.1 for download tests; each request goes to the given handler.</summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    private LoopbackHttpServer(HttpListener listener, string baseUrl, Func<HttpListenerContext, Task> handler)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        _loop = Task.Run(async () =>
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
                    await handler(context);
                }
                catch (Exception)
                {
                    context.Response.StatusCode = 500;
                }
                finally
                {
                    context.Response.Close();
                }
            }
        });
    }

    /// <summary>e.g. http://127.0.0.1:40123 (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>Starts listening on a free loopback port.</summary>
    public static LoopbackHttpServer Start(Func<HttpListenerContext, Task> handler)
    {
        // HttpListener cannot bind port 0, so take a free port from the OS and retry if someone grabs it first.
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, $"http://127.0.0.1:{port}", handler);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Answers with bytes.</summary>
    public static async Task WriteAsync(HttpListenerContext context, byte[] body, string contentType = "application/octet-stream")
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
