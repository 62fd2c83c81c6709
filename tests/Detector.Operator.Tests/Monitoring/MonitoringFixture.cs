using Amazon.Runtime;
using Detector.Operator.Aws;
using Detector.Operator.Tests.Fakes.CloudWatch;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>Client options that reach a <see cref="FakeMonitoring"/>; retries wait nothing (recorded instead).</summary>
public static class MonitoringFixture
{
    /// <summary>Options for any of the three clients against <paramref name="fake"/>.</summary>
    public static SageMakerClientOptions Options(FakeMonitoring fake, List<TimeSpan>? delays = null) => new()
    {
        Region = fake.Region,
        ServiceUrl = fake.Url,
        Credentials = new BasicAWSCredentials(fake.AccessKey, fake.SecretKey),
        RequestsPerSecond = 0,
        Delay = (delay, _) =>
        {
            lock (delays ?? [])
                delays?.Add(delay);
            return Task.CompletedTask;
        },
    };
}
