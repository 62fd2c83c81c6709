using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Datasets;
using Detector.Operator.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>A DetectionEndpoint reconciler wired to InMemoryKube and <see cref="HostingSageMaker"/>.</summary>
public sealed class DetectionEndpointHarness
{
    /// <summary>The poll interval of the harness.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    /// <summary>The drift interval of the harness.</summary>
    public static readonly TimeSpan DriftInterval = TimeSpan.FromMinutes(5);

    /// <summary>Creates the harness holding the sample endpoint and, unless null, a RegisteredModel "birds" with this status.</summary>
    public DetectionEndpointHarness(RegisteredModelStatus? registry, DetectionEndpoint? endpoint = null)
    {
        var sample = endpoint ?? EndpointSamples.Endpoint();
        Key = sample.Key();
        Kube = new InMemoryKube(Clock, sample);
        if (registry is not null)
            SetRegistry(registry);
        Metrics = new EndpointMetrics(Registry);
        Reconciler = new DetectionEndpointReconciler(Kube.Store<DetectionEndpoint>(), Kube.Store<RegisteredModel>(), SageMaker, Events, Metrics,
            new DetectionEndpointSettings { Region = EndpointSamples.Region, PollInterval = PollInterval, DriftInterval = DriftInterval },
            Clock, NullLogger<DetectionEndpointReconciler>.Instance);
    }

    /// <summary>The key of the endpoint.</summary>
    public ObjectKey Key { get; }

    /// <summary>The fake clock.</summary>
    public FakeTimeProvider Clock { get; } = new(EndpointSamples.Now);

    /// <summary>The fake API.</summary>
    public InMemoryKube Kube { get; }

    /// <summary>The SageMaker double.</summary>
    public HostingSageMaker SageMaker { get; } = new();

    /// <summary>Events recorded.</summary>
    public RecordingEvents Events { get; } = new();

    /// <summary>A fresh metrics registry.</summary>
    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    /// <summary>The endpoint metrics.</summary>
    public EndpointMetrics Metrics { get; }

    /// <summary>The reconciler under test.</summary>
    public DetectionEndpointReconciler Reconciler { get; }

    /// <summary>The stored endpoint.</summary>
    public DetectionEndpoint? Endpoint => Kube.Get<DetectionEndpoint>(Key);

    /// <summary>The stored endpoint's status.</summary>
    public DetectionEndpointStatus Status => Endpoint!.Status!;

    /// <summary>Replaces the RegisteredModel "birds" (as its controller would write it).</summary>
    public void SetRegistry(RegisteredModelStatus status) => Kube.Seed(new RegisteredModel
    {
        Metadata = new() { Name = "birds", NamespaceProperty = Key.Namespace },
        Status = status,
    });

    /// <summary>Runs one reconcile.</summary>
    public Task<ReconcileResult> ReconcileAsync() => Reconciler.ReconcileAsync(Key, CancellationToken.None);

    /// <summary>Reconciles, letting SageMaker finish in between, until the endpoint settles (at most <paramref name="max"/> rounds).</summary>
    public async Task<int> ConvergeAsync(int max = 20)
    {
        for (var round = 1; round <= max; round++)
        {
            var result = await ReconcileAsync();
            SageMaker.Settle();
            if (result == ReconcileResult.Done || result == ReconcileResult.After(DriftInterval))
                return round;
        }
        throw new InvalidOperationException($"the endpoint did not settle in {max} reconciles: {Endpoint?.Status?.Phase} {Endpoint?.Status?.Conditions.LastOrDefault()?.Message}");
    }

    /// <summary>The scraped metrics text.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
