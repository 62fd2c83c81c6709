using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Detector.Operator.Aws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Tests.Aws;

/// <summary>A request as the stub received it.</summary>
internal sealed record StubRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>What the stub answers.</summary>
internal sealed record StubReply(int Status, string Body = "{}", string ContentType = "application/x-amz-json-1.1",
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public static StubReply Error(int status, string type, string message, string requestId = "req-1") =>
        new(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""", Headers: new Dictionary<string, string> { ["x-amzn-RequestId"] = requestId });
}

/// <summary>
/// A tiny AWS endpoint on loopback Kestrel for client tests: records every request and answers from a script
/// (request, 0-based call index) → reply. Not the fake SageMaker: it knows nothing about operations.
/// </summary>
internal sealed class StubAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private int _calls;

    private StubAwsServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    public static async Task<StubAwsServer> StartAsync(Func<StubRequest, int, StubReply> respond)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new StubAwsServer(app);
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var request = new StubRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
                headers, buffer.ToArray());
            server._requests.Enqueue(request);
            var reply = respond(request, Interlocked.Increment(ref server._calls) - 1);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
                context.Response.Headers[name] = value;
            await context.Response.WriteAsync(reply.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address + "/");
        return server;
    }

    /// <summary>Recomputes the SigV4 signature from what arrived (signed headers, path, query, body) and compares.</summary>
    public static bool HasValidSignature(StubRequest request, string secretKey, string region, string service = "sagemaker")
    {
        var authorization = request.Header("Authorization");
        var parts = authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split(", ")
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var credential = parts["Credential"].Split('/');
        var signedNames = parts["SignedHeaders"].Split(';');
        var at = DateTimeOffset.ParseExact(request.Header("X-Amz-Date"), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);
        var headers = signedNames.Select(n => new KeyValuePair<string, string>(n, request.Header(n))).ToList();
        var expected = SigV4.Sign(new SigV4Request(request.Method, request.Path, request.Query, headers, SigV4.Hash(request.Body)),
            credential[0], secretKey, region, service, at);
        return credential[2] == region && credential[3] == service && expected.Signature == parts["Signature"];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
