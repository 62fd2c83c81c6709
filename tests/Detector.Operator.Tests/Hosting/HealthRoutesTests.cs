using Detector.Operator.Hosting;

namespace Detector.Operator.Tests.Hosting;

public sealed class HealthRoutesTests
{
    [Theory]
    [InlineData("GET /healthz HTTP/1.1", HealthRoute.Healthz, false)]
    [InlineData("GET /readyz HTTP/1.0", HealthRoute.Readyz, false)]
    [InlineData("GET /metrics HTTP/1.1", HealthRoute.Metrics, false)]
    [InlineData("GET /metrics?name[]=x HTTP/1.1", HealthRoute.Metrics, false)]
    [InlineData("HEAD /healthz HTTP/1.1", HealthRoute.Healthz, true)]
    [InlineData("GET / HTTP/1.1", HealthRoute.NotFound, false)]
    [InlineData("GET /metrics/ HTTP/1.1", HealthRoute.NotFound, false)]
    [InlineData("POST /nothing HTTP/1.1", HealthRoute.NotFound, false)]
    [InlineData("POST /metrics HTTP/1.1", HealthRoute.MethodNotAllowed, false)]
    [InlineData("DELETE /healthz HTTP/1.1", HealthRoute.MethodNotAllowed, false)]
    [InlineData("get /healthz HTTP/1.1", HealthRoute.MethodNotAllowed, false)]
    [InlineData("GET /healthz", HealthRoute.BadRequest, false)]
    [InlineData("GET /healthz HTTP/2", HealthRoute.BadRequest, false)]
    [InlineData("GET healthz HTTP/1.1", HealthRoute.BadRequest, false)]
    [InlineData("GET  /healthz HTTP/1.1", HealthRoute.BadRequest, false)]
    [InlineData("", HealthRoute.BadRequest, false)]
    [InlineData("\u0016\u0003\u0001", HealthRoute.BadRequest, false)]
    public void Decide_RequestLine_GivesRoute(string requestLine, HealthRoute route, bool headOnly) =>
        Assert.Equal((route, headOnly), HealthRoutes.Decide(requestLine));

    [Theory]
    [InlineData(HealthRoute.Healthz, false, 200, "ok")]
    [InlineData(HealthRoute.Readyz, true, 200, "ok")]
    [InlineData(HealthRoute.Readyz, false, 503, "not ready")]
    [InlineData(HealthRoute.NotFound, true, 404, "not found: the paths are /metrics, /healthz and /readyz")]
    [InlineData(HealthRoute.MethodNotAllowed, true, 405, "method not allowed: use GET")]
    [InlineData(HealthRoute.BadRequest, true, 400, "bad request")]
    public void StatusAndBody_Route_GiveTheAnswer(HealthRoute route, bool ready, int code, string body)
    {
        Assert.Equal(code, HealthRoutes.Status(route, ready).Code);
        Assert.Equal(body, HealthRoutes.Body(route, ready));
    }
}
