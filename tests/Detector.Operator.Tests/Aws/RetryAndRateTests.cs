using Detector.Operator.Aws;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Aws;

public class RetryAndRateTests
{
    private static readonly TimeSpan s_base = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_cap = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(0, 1.0, 100)]
    [InlineData(1, 1.0, 200)]
    [InlineData(3, 1.0, 800)]
    [InlineData(4, 1.0, 1600)]
    [InlineData(5, 1.0, 2000)]
    [InlineData(40, 1.0, 2000)]
    [InlineData(3, 0.5, 400)]
    [InlineData(3, 0.0, 0)]
    public void Delay_RetryAndJitter_IsJitterTimesCappedExponential(int retry, double jitter, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryPolicy.Delay(retry, s_base, s_cap, jitter));

    [Theory]
    [InlineData(SageMakerErrorKind.Throttling, 0, 3, true)]
    [InlineData(SageMakerErrorKind.Transient, 2, 3, true)]
    [InlineData(SageMakerErrorKind.Transient, 3, 3, false)]
    [InlineData(SageMakerErrorKind.Throttling, 0, 0, false)]
    [InlineData(SageMakerErrorKind.Validation, 0, 3, false)]
    [InlineData(SageMakerErrorKind.NotFound, 0, 3, false)]
    [InlineData(SageMakerErrorKind.AlreadyExists, 0, 3, false)]
    [InlineData(SageMakerErrorKind.AccessDenied, 0, 3, false)]
    [InlineData(SageMakerErrorKind.ResourceLimit, 0, 3, false)]
    [InlineData(SageMakerErrorKind.Other, 0, 3, false)]
    public void ShouldRetry_Kind_RetriesOnlyThrottlingAndTransientWithinTheBound(SageMakerErrorKind kind, int retries, int max,
        bool expected) =>
        Assert.Equal(expected, RetryPolicy.ShouldRetry(kind, retries, max));

    [Fact]
    public void Reserve_BurstThenRate_QueuesCallersAtTheRate()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(ratePerSecond: 2, burst: 2, clock);

        var waits = Enumerable.Range(0, 5).Select(_ => bucket.Reserve().TotalSeconds).ToList();

        Assert.Equal([0, 0, 0.5, 1.0, 1.5], waits);
    }

    [Theory]
    [InlineData(0.0, new[] { 0.0, 0.0, -1, -1 })]          // a skippable call takes only a free token
    [InlineData(0.5, new[] { 0.0, 0.0, 0.5, -1 })]         // or one at most half a second away
    [InlineData(1.0, new[] { 0.0, 0.0, 0.5, 1.0 })]
    public void TryReserve_TakesATokenOnlyWithinTheWait_AndRefusesWithoutTakingOne(double maxWait, double[] expected)
    {
        var bucket = new TokenBucket(ratePerSecond: 2, burst: 2, new FakeTimeProvider());

        var waits = Enumerable.Range(0, 4).Select(_ => bucket.TryReserve(TimeSpan.FromSeconds(maxWait))?.TotalSeconds ?? -1).ToArray();

        Assert.Equal(expected, waits);
    }

    [Fact]
    public void Reserve_AfterIdleTime_RefillsUpToTheBurstOnly()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 3, clock);
        for (var i = 0; i < 3; i++)
            bucket.Reserve();

        clock.Advance(TimeSpan.FromMinutes(1));
        var waits = Enumerable.Range(0, 4).Select(_ => bucket.Reserve()).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(0.1)], waits);
    }

    [Fact]
    public void Reserve_CallsSpreadOverTime_HoldTheRate()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(ratePerSecond: 4, burst: 1, clock);
        var started = new List<TimeSpan>();
        var now = TimeSpan.Zero;

        // 20 sequential callers that each wait what they are told, as the client does.
        for (var i = 0; i < 20; i++)
        {
            var wait = bucket.Reserve();
            clock.Advance(wait);
            now += wait;
            started.Add(now);
        }

        Assert.Equal(TimeSpan.FromSeconds(19 / 4.0), started[^1]);
    }
}
