using System.Net;
using Detector.Testing;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Operator.Tests.Fakes.SageMakerMetrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Tests.Fakes.CloudWatch;

/// <summary>
/// CloudWatch Logs, CloudWatch (GetMetricData) and SageMaker Metrics (BatchGetMetrics) on one loopback port, spoken to
/// by the real clients over HTTP: SigV4 verified per service, every request validated against its model in
/// ../shared/aws-models, throttling and 5xx injectable, pagination with the services' tokens. Tests script log events
/// (<see cref="Logs"/>), metric samples (<see cref="Metrics"/>) and training curves (<see cref="Training"/>).
/// See README.md beside this file.
/// </summary>
public sealed class FakeMonitoring : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MonitoringHandler _handler;
    private readonly FaultInjector _faults;

    private FakeMonitoring(WebApplication app, MonitoringHandler handler, FaultInjector faults, Uri url, LogsBackend logs, MetricsBackend metrics,
        TrainingMetricsBackend training)
    {
        (_app, _handler, _faults, Url, Logs, Metrics, Training) = (app, handler, faults, url, logs, metrics, training);
    }

    /// <summary>The endpoint override for all three clients.</summary>
    public Uri Url { get; }

    /// <summary>The region requests must be signed for.</summary>
    public string Region => "us-east-1";

    /// <summary>The access key the fake accepts.</summary>
    public string AccessKey => "AKIDFAKEMONITORING00";

    /// <summary>Its secret key.</summary>
    public string SecretKey => "fake/monitoring+secret/key/for/tests/only";

    /// <summary>CloudWatch Logs' groups, streams and events.</summary>
    public LogsBackend Logs { get; }

    /// <summary>CloudWatch's metric samples.</summary>
    public MetricsBackend Metrics { get; }

    /// <summary>SageMaker Metrics' training series.</summary>
    public TrainingMetricsBackend Training { get; }

    /// <summary>Every call so far.</summary>
    public IReadOnlyList<MonitoringCall> Requests => _handler.Calls;

    /// <summary>Requests that broke a model or a protocol (tests assert none).</summary>
    public IReadOnlyList<ValidationFailure> ValidationFailures => _handler.Failures;

    /// <summary>The fake's own answers that broke an output shape (tests assert none).</summary>
    public IReadOnlyList<string> ResponseProblems => _handler.ResponseProblems;

    /// <summary>Throttles about <paramref name="fraction"/> of calls (CloudWatch answers <c>Throttling</c>, the others <c>ThrottlingException</c>).</summary>
    public void InjectThrottling(double fraction, int seed) => _faults.Throttle(fraction, seed);

    /// <summary>Fails the next <paramref name="times"/> calls of <paramref name="operation"/> with a throttling error.</summary>
    public void ThrottleNext(string operation, int times = 1) => _faults.FailNext(operation, ServiceError.Throttling(), times);

    /// <summary>Starts the fake on a free port; skips the test without ../shared.</summary>
    public static async Task<FakeMonitoring> StartAsync()
    {
        var (logs, metrics, training, faults) = (new LogsBackend(), new MetricsBackend(), new TrainingMetricsBackend(), new FaultInjector());
        var placeholder = new FakeMonitoring(null!, null!, faults, new Uri("http://127.0.0.1/"), logs, metrics, training);
        var credentials = new Dictionary<string, (string, string?)> { [placeholder.AccessKey] = (placeholder.SecretKey, null) };
        (ServiceModel, SigV4Verifier) Service(string file)
        {
            var model = ServiceModel.Load(SharedData.RequireFile("aws-models/" + file));
            return (model, new SigV4Verifier(credentials, placeholder.Region, model.SigningName, TimeProvider.System, TimeSpan.FromMinutes(15)));
        }
        var services = new Dictionary<string, (ServiceModel, SigV4Verifier)>
        {
            ["logs"] = Service("logs-2014-03-28.json"),
            ["monitoring"] = Service("monitoring-2010-08-01.json"),
            ["metrics"] = Service("sagemaker-metrics-2022-09-30.json"),
        };
        var handler = new MonitoringHandler(services, logs, metrics, training, faults);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeMonitoring(app, handler, faults, new Uri(address + "/"), logs, metrics, training);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
