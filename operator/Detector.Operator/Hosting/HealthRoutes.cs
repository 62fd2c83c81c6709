namespace Detector.Operator.Hosting;

/// <summary>What the health and metrics server answers to one request.</summary>
public enum HealthRoute
{
    /// <summary><c>GET /healthz</c>: the process is up.</summary>
    Healthz,

    /// <summary><c>GET /readyz</c>: caches synced, or following a leader.</summary>
    Readyz,

    /// <summary><c>GET /metrics</c>: Prometheus text exposition.</summary>
    Metrics,

    /// <summary>Any other path (404).</summary>
    NotFound,

    /// <summary>A method other than GET or HEAD on a known path (405).</summary>
    MethodNotAllowed,

    /// <summary>A request line that is not <c>METHOD target HTTP/1.x</c>, or a head over the budget (400).</summary>
    BadRequest,
}

/// <summary>
/// Pure: the request line of an HTTP/1.x request → the route, and the route → status line. The server answers one
/// request per connection, so nothing but the request line matters.
/// </summary>
public static class HealthRoutes
{
    /// <summary>The most bytes of request head (request line and headers) read before answering 400.</summary>
    public const int MaxHeadBytes = 8 * 1024;

    /// <summary>The route of <paramref name="requestLine"/>, and whether the body is left out (HEAD).</summary>
    public static (HealthRoute Route, bool HeadOnly) Decide(string requestLine)
    {
        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || !parts[1].StartsWith('/') || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            return (HealthRoute.BadRequest, false);
        var query = parts[1].IndexOf('?', StringComparison.Ordinal);
        var route = (query < 0 ? parts[1] : parts[1][..query]) switch
        {
            "/healthz" => HealthRoute.Healthz,
            "/readyz" => HealthRoute.Readyz,
            "/metrics" => HealthRoute.Metrics,
            _ => HealthRoute.NotFound,
        };
        var method = parts[0];
        if (route != HealthRoute.NotFound && method is not ("GET" or "HEAD"))
            return (HealthRoute.MethodNotAllowed, false);
        return (route, method == "HEAD");
    }

    /// <summary>The status code and reason phrase of a plain answer.</summary>
    public static (int Code, string Reason) Status(HealthRoute route, bool ready) => route switch
    {
        HealthRoute.Readyz when !ready => (503, "Service Unavailable"),
        HealthRoute.NotFound => (404, "Not Found"),
        HealthRoute.MethodNotAllowed => (405, "Method Not Allowed"),
        HealthRoute.BadRequest => (400, "Bad Request"),
        _ => (200, "OK"),
    };

    /// <summary>The body of a plain (not metrics) answer.</summary>
    public static string Body(HealthRoute route, bool ready) => route switch
    {
        HealthRoute.Healthz => "ok",
        HealthRoute.Readyz => ready ? "ok" : "not ready",
        HealthRoute.NotFound => "not found: the paths are /metrics, /healthz and /readyz",
        HealthRoute.MethodNotAllowed => "method not allowed: use GET",
        _ => "bad request",
    };
}
