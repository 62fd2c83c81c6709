using System.Net;
using System.Net.Sockets;
using System.Text;
using Detector.Operator.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Detector.Operator.Tests.Hosting;

/// <summary>The health and metrics server over real loopback sockets, as kubelet probes and a Prometheus scraper reach it.</summary>
public sealed class HealthServerTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Server_ProbesAndScrape_AnswerAsKubeletAndPrometheusExpect()
    {
        var registry = Metrics.NewCustomRegistry();
        Metrics.WithCustomRegistry(registry).CreateCounter("detector_test_total", "A test counter.").Inc(3);
        var ready = false;
        await using var server = HealthServer.Start(new IPEndPoint(IPAddress.Loopback, 0), registry, () => ready, NullLoggerFactory.Instance);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = s_timeout };

        Assert.Matches(@"^http://127\.0\.0\.1:[1-9][0-9]*$", server.Url);
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        var notReady = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("not ready", await notReady.Content.ReadAsStringAsync());
        ready = true;
        Assert.Equal("ok", await http.GetStringAsync("/readyz"));
        var metrics = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType?.ToString());
        Assert.Contains("detector_test_total 3", await metrics.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync("/metrics", new StringContent("x"))).StatusCode);
    }

    [Fact]
    public async Task Server_Head_SendsLengthWithoutBody()
    {
        await using var server = HealthServer.Start(new IPEndPoint(IPAddress.Loopback, 0), Metrics.NewCustomRegistry(), () => true, NullLoggerFactory.Instance);

        var answer = await ExchangeAsync(server, "HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 2\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_HeadOverBudget_Answers400()
    {
        await using var server = HealthServer.Start(new IPEndPoint(IPAddress.Loopback, 0), Metrics.NewCustomRegistry(), () => true, NullLoggerFactory.Instance);

        var answer = await ExchangeAsync(server, "GET /healthz HTTP/1.1\r\nX-Filler: " + new string('a', HealthRoutes.MaxHeadBytes) + "\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_AnyAddress_IsReachedOnLoopbackAndPrintsIt()
    {
        await using var server = HealthServer.Start(new IPEndPoint(IPAddress.IPv6Any, 0), Metrics.NewCustomRegistry(), () => true, NullLoggerFactory.Instance);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = s_timeout };

        Assert.StartsWith("http://127.0.0.1:", server.Url, StringComparison.Ordinal);
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Server_OverConnectionBudget_ClosesUnansweredAndStillStopsPromptly()
    {
        var server = HealthServer.Start(new IPEndPoint(IPAddress.Loopback, 0), Metrics.NewCustomRegistry(), () => true, NullLoggerFactory.Instance);
        var port = new Uri(server.Url).Port;
        var idle = new List<TcpClient>();
        try
        {
            // Connections that never send a request hold every slot until the read timeout.
            for (var i = 0; i < HealthServer.MaxConnections; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                idle.Add(client);
            }

            var answer = await ExchangeAsync(server, "GET /healthz HTTP/1.1\r\n\r\n");

            Assert.Equal("", answer);
            // Stopping ends the connections in flight instead of waiting out their read timeout.
            await server.DisposeAsync().AsTask().WaitAsync(HealthServer.ReadTimeout / 2);
        }
        finally
        {
            foreach (var client in idle)
                client.Dispose();
            await server.DisposeAsync();
        }
    }

    [Fact]
    public void Start_AddressTaken_ThrowsAddressAlreadyInUse()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();

        var e = Assert.Throws<SocketException>(() =>
            HealthServer.Start((IPEndPoint)taken.LocalEndpoint, Metrics.NewCustomRegistry(), () => true, NullLoggerFactory.Instance));

        Assert.Equal(SocketError.AddressAlreadyInUse, e.SocketErrorCode);
    }

    /// <summary>Sends <paramref name="request"/> raw and reads until the server closes; "" when it closed unanswered.</summary>
    private static async Task<string> ExchangeAsync(HealthServer server, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, new Uri(server.Url).Port);
        var stream = client.GetStream();
        using var cts = new CancellationTokenSource(s_timeout);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cts.Token);
        }
        catch (IOException)
        {
            // Closed before the request was written: unanswered.
        }
        var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer, cts.Token);
        }
        catch (IOException)
        {
            // Reset after a close with unread data: what was read is the answer.
        }
        return Encoding.ASCII.GetString(answer.ToArray());
    }
}
