using System.Net;
using Detector.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// A fake Amazon SageMaker on a free loopback port for tests that drive the real client over HTTP: it checks SigV4,
/// validates every request against the AWS model, runs the training and tuning state machines on a controllable
/// clock, answers with SageMaker's error codes and messages, and injects throttling, 5xx and latency on request.
/// See README.md beside this file.
/// </summary>
public sealed partial class FakeSageMaker : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SageMakerHandler _handler;
    private readonly SageMakerBackend _backend;
    private readonly FaultInjector _faults;

    private FakeSageMaker(WebApplication app, SageMakerHandler handler, SageMakerBackend backend, FaultInjector faults, Uri url, FakeSageMakerOptions options)
    {
        _app = app;
        _handler = handler;
        _backend = backend;
        _faults = faults;
        Url = url;
        Options = options;
    }

    /// <summary>The endpoint override for the client, e.g. <c>http://127.0.0.1:41234/</c> (also serves the runtime's InvokeEndpoint).</summary>
    public Uri Url { get; }

    /// <summary>The options it started with.</summary>
    public FakeSageMakerOptions Options { get; }

    /// <summary>The region requests must be signed for.</summary>
    public string Region => Options.Region;

    /// <summary>The access key to give the client.</summary>
    public string AccessKey => Options.AccessKey;

    /// <summary>The secret key to give the client.</summary>
    public string SecretKey => Options.SecretKey;

    /// <summary>The simulated clock behind every status and timestamp.</summary>
    public FakeTimeProvider Clock => Options.Clock;

    /// <summary>Starts a fake on 127.0.0.1 with a free port. Needs ../shared (the AWS model); skips the test without it.</summary>
    public static async Task<FakeSageMaker> StartAsync(FakeSageMakerOptions? options = null)
    {
        options ??= new FakeSageMakerOptions();
        var model = ServiceModel.Load(options.ModelPath ?? SharedData.SageMakerModel);
        var backend = new SageMakerBackend(options, model);
        var credentials = new Dictionary<string, (string, string?)>(StringComparer.Ordinal) { [options.AccessKey] = (options.SecretKey, options.SessionToken) };
        var verifier = new SigV4Verifier(credentials, options.Region, model.SigningName, options.SigningClock, options.MaxClockSkew);
        var faults = new FaultInjector();
        var runtime = ServiceModel.Load(options.RuntimeModelPath ?? SharedData.RequireFile("aws-models/sagemaker-runtime-2017-05-13.json"));
        var handler = new SageMakerHandler(backend, runtime, verifier, faults, options.SigningClock);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeSageMaker(app, handler, backend, faults, new Uri(address.Replace("[::]", "127.0.0.1") + "/"), options);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
