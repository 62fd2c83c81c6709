using System.Net;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Tests.EndToEnd.Apis;

/// <summary>
/// A recording, fault-injecting HTTP proxy in front of the real API server, for the request log and FailNext the tests
/// assert on (a real server keeps neither). Plain HTTP on a free loopback port; requests with a real bearer token (a
/// ServiceAccount's) are forwarded with it, the others (no token, or <see cref="AdminToken"/>) with the admin client
/// certificate. Responses, watches
/// included, are streamed through as they come.
/// </summary>
public sealed class ApiProxy : IAsyncDisposable
{
    private static readonly HashSet<string> s_forwardedHeaders = new(StringComparer.OrdinalIgnoreCase)
        { "Accept", "Authorization", "User-Agent", "Content-Type" };

    /// <summary>The token of the proxy's admin kubeconfig (kubeconfig loaders want some credential); never forwarded.</summary>
    public const string AdminToken = "envtest-proxy-admin";

    private readonly WebApplication _app;
    private readonly Uri _target;
    private readonly HttpClient _asAdmin;
    private readonly HttpClient _withOwnCredentials;
    private readonly List<ApiCall> _log = [];
    private readonly List<(Func<ApiCall, bool> Match, int Code, string Reason, string Message)> _faults = [];

    private ApiProxy(WebApplication app, Uri target, HttpMessageHandler admin, HttpMessageHandler plain)
    {
        (_app, _target) = (app, target);
        _asAdmin = new HttpClient(admin) { Timeout = Timeout.InfiniteTimeSpan };
        _withOwnCredentials = new HttpClient(plain) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Raised after each request is logged (the tests' waits wake on it).</summary>
    public event Action? Logged;

    /// <summary>The proxy's URL, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every request so far, in order (watches logged when their response headers arrive).</summary>
    public IReadOnlyList<ApiCall> Requests
    {
        get
        {
            lock (_log)
                return [.. _log];
        }
    }

    /// <summary>Starts a proxy to <paramref name="target"/>.</summary>
    public static async Task<ApiProxy> StartAsync(Uri target, HttpMessageHandler admin, HttpMessageHandler plain)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new ApiProxy(app, target, admin, plain);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Url = new Uri(address + "/");
        return proxy;
    }

    /// <summary>Empties the request log.</summary>
    public void ClearRequests()
    {
        lock (_log)
            _log.Clear();
    }

    /// <summary>The next request matching <paramref name="match"/> is answered with <paramref name="code"/> and a Status, not forwarded.</summary>
    public void FailNext(Func<ApiCall, bool> match, int code, string reason, string message)
    {
        lock (_faults)
            _faults.Add((match, code, reason, message));
    }

    /// <summary>The request log's view of a request: RBAC verb, group, resource, subresource, namespace, name.</summary>
    public static ApiCall Describe(string method, string path, string query)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        (string Group, int Skip)? api = segments switch
        {
            ["api", _, ..] => ("", 2),
            ["apis", var g, _, ..] => (g, 3),
            _ => null,
        };
        if (api is not { } a)
            return new ApiCall(method, path, query, null, null, null, null, null, null);
        var tail = segments[a.Skip..];
        string? ns = null;
        if (tail is ["namespaces", var n, var plural, ..] && plural is not ("status" or "finalize"))
            (ns, tail) = (n, tail[2..]);
        if (tail.Length is < 1 or > 3)
            return new ApiCall(method, path, query, null, a.Group, null, null, ns, null);
        var name = tail.Length > 1 ? tail[1] : null;
        var watch = query.Contains("watch=true", StringComparison.Ordinal) || query.Contains("watch=1", StringComparison.Ordinal);
        var verb = ApiCall.VerbOf(method, named: name is not null, watch);
        return new ApiCall(method, path, query, verb, a.Group, tail[0], tail.Length > 2 ? tail[2] : null, ns, name);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var query = request.QueryString.Value ?? "";
        var call = Describe(request.Method, request.Path.Value ?? "/", query);
        if (TakeFault(call) is { } fault)
        {
            Log(call with { StatusCode = fault.Code });
            context.Response.StatusCode = fault.Code;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject
            {
                ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure",
                ["message"] = fault.Message, ["reason"] = fault.Reason, ["code"] = fault.Code,
            }.ToJsonString());
            return;
        }
        using var upstream = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, request.Path.Value + query));
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0 || request.Method is "POST" or "PUT" or "PATCH")
        {
            upstream.Content = new ByteArrayContent(body.ToArray());
            if (request.ContentType is { } contentType)
                upstream.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        var asAdmin = request.Headers.Authorization.Count == 0 || request.Headers.Authorization.ToString() == "Bearer " + AdminToken;
        foreach (var header in request.Headers.Where(h => s_forwardedHeaders.Contains(h.Key) && h.Key != "Content-Type"))
        {
            if (!(asAdmin && header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
                upstream.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }
        var client = asAdmin ? _asAdmin : _withOwnCredentials;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(upstream, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;   // The client went away.
        }
        using (response)
        {
            Log(call with { StatusCode = (int)response.StatusCode });
            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } type)
                context.Response.ContentType = type.ToString();
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted);
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                // A watch ended by either side.
            }
        }
    }

    private (int Code, string Reason, string Message)? TakeFault(ApiCall call)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => f.Match(call));
            if (index < 0)
                return null;
            var fault = _faults[index];
            _faults.RemoveAt(index);
            return (fault.Code, fault.Reason, fault.Message);
        }
    }

    private void Log(ApiCall call)
    {
        lock (_log)
            _log.Add(call);
        Logged?.Invoke();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
        _asAdmin.Dispose();
        _withOwnCredentials.Dispose();
    }
}
