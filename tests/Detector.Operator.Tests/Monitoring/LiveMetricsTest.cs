using Detector.Operator.Aws;
using Detector.Operator.Tests.Fakes.CloudWatch;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>A test with its own fake SageMaker Metrics server and a client of it, started and stopped around each test.</summary>
public abstract class LiveMetricsTest : IAsyncLifetime
{
    /// <summary>The fake monitoring services (series are set per test).</summary>
    protected FakeMonitoring Fake { get; private set; } = null!;

    /// <summary>A SageMaker Metrics client of <see cref="Fake"/>.</summary>
    protected SageMakerMetricsClient Metrics { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeMonitoring.StartAsync();
        Metrics = new SageMakerMetricsClient(MonitoringFixture.Options(Fake));
    }

    public async Task DisposeAsync()
    {
        Metrics.Dispose();
        await Fake.DisposeAsync();
    }
}
