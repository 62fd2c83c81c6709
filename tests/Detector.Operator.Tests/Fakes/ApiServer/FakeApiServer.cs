using System.Net;
using System.Text.Json.Nodes;
using Detector.Testing;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// A fake Kubernetes API server on a free loopback port, for tests that drive the operator through the real
/// KubernetesClient over HTTP. It serves our CRDs plus the built-in kinds the operator uses (see
/// <see cref="ResourceType.BuiltIn"/>) with the real server's semantics (resourceVersion conflicts, generation,
/// status subresource, finalizers, garbage collection, patches, label selectors, watches with 410, schema
/// validation), and gives tests a request log, fault injection and direct store access.
/// </summary>
public sealed partial class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ApiHandler _handler;
    private readonly TimeProvider _time;
    private readonly FakeApiServerOptions _options;
    private ITimer? _bookmarks;

    private FakeApiServer(WebApplication app, ApiHandler handler, ObjectStore store, IReadOnlyList<ResourceType> resources, Uri baseUrl,
        TimeProvider time, FakeApiServerOptions options)
    {
        _options = options;
        _app = app;
        _handler = handler;
        Store = store;
        Resources = resources;
        BaseUrl = baseUrl;
        _time = time;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The object store behind the server (direct access for tests).</summary>
    public ObjectStore Store { get; }

    /// <summary>Every resource the server serves.</summary>
    public IReadOnlyList<ResourceType> Resources { get; }

    /// <summary>Starts a server on 127.0.0.1 with a free port.</summary>
    public static async Task<FakeApiServer> StartAsync(FakeApiServerOptions? options = null)
    {
        options ??= new FakeApiServerOptions();
        var resources = ResourceType.BuiltIn.Concat(CrdLoader.Load(options)).ToList();
        var store = new ObjectStore(options.Time, BuiltInAdmission.Admit, options.HistoryLimit);
        var handler = new ApiHandler(store, resources);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new FakeApiServer(app, handler, store, resources, new Uri(address.Replace("[::]", "127.0.0.1") + "/"), options.Time, options);
        if (options.BookmarkInterval is { } interval)
            server._bookmarks = options.Time.CreateTimer(_ => store.SendBookmarks(), null, interval, interval);
        return server;
    }

    /// <summary>Client configuration pointing at this server (plain HTTP, no credentials).</summary>
    public KubernetesClientConfiguration ClientConfiguration() => new() { Host = BaseUrl.ToString().TrimEnd('/') };

    /// <summary>A real KubernetesClient talking to this server.</summary>
    public IKubernetes CreateClient() => new Kubernetes(ClientConfiguration());

    /// <summary>
    /// Writes a kubeconfig file whose current context points at this server (for <c>detector run --kubeconfig</c>)
    /// and returns its path.
    /// </summary>
    public string WriteKubeconfig(string path, string defaultNamespace = "default")
    {
        var server = BaseUrl.ToString().TrimEnd('/');
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {server}
            users:
            - name: fake
              user:
                token: fake-token
            contexts:
            - name: fake
              context:
                cluster: fake
                user: fake
                namespace: {defaultNamespace}
            current-context: fake
            """);
        return path;
    }

    /// <summary>Stops the server, ending open watches first.</summary>
    public async ValueTask DisposeAsync()
    {
        _bookmarks?.Dispose();
        Store.CloseWatches();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
