using Detector.Operator.Aws;
using Prometheus;

namespace Detector.Operator.Tests.Aws;

/// <summary>The AWS call metrics read back from their registry (issue 19 part 7).</summary>
public sealed class AwsMetricsTests
{
    [Fact]
    public async Task Attempts_AreCountedByServiceOperationAndOutcome_WithDurationThrottlingAndRateLimitWait()
    {
        var registry = Metrics.NewCustomRegistry();
        var hook = new AwsMetrics(registry).For("SageMaker");

        hook(new SageMakerAttempt("DescribeTrainingJob", 1, 400, "ThrottlingException", SageMakerErrorKind.Throttling, TimeSpan.FromMilliseconds(40), TimeSpan.Zero));
        hook(new SageMakerAttempt("DescribeTrainingJob", 2, 200, null, null, TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(250)));
        hook(new SageMakerAttempt("CreateTrainingJob", 1, 400, "AccessDeniedException", SageMakerErrorKind.AccessDenied, TimeSpan.FromMilliseconds(20), TimeSpan.Zero));

        var text = await ScrapeAsync(registry);
        Assert.Contains("detector_aws_requests_total{service=\"SageMaker\",operation=\"DescribeTrainingJob\",outcome=\"throttling\"} 1", text);
        Assert.Contains("detector_aws_requests_total{service=\"SageMaker\",operation=\"DescribeTrainingJob\",outcome=\"success\"} 1", text);
        Assert.Contains("detector_aws_requests_total{service=\"SageMaker\",operation=\"CreateTrainingJob\",outcome=\"access_denied\"} 1", text);
        Assert.Contains("detector_aws_throttled_requests_total{service=\"SageMaker\",operation=\"DescribeTrainingJob\"} 1", text);
        Assert.Contains("detector_aws_request_duration_seconds_count{service=\"SageMaker\",operation=\"DescribeTrainingJob\"} 2", text);
        Assert.Contains("detector_aws_request_duration_seconds_sum{service=\"SageMaker\",operation=\"DescribeTrainingJob\"} 0.1", text);
        Assert.Contains("detector_aws_rate_limit_wait_seconds_total{service=\"SageMaker\"} 0.25", text);
    }

    [Theory]
    [InlineData(null, "success")]
    [InlineData(SageMakerErrorKind.NotFound, "not_found")]
    [InlineData(SageMakerErrorKind.AlreadyExists, "already_exists")]
    [InlineData(SageMakerErrorKind.Validation, "validation")]
    [InlineData(SageMakerErrorKind.Throttling, "throttling")]
    [InlineData(SageMakerErrorKind.Transient, "transient")]
    [InlineData(SageMakerErrorKind.AccessDenied, "access_denied")]
    [InlineData(SageMakerErrorKind.ResourceLimit, "resource_limit")]
    [InlineData(SageMakerErrorKind.Other, "other")]
    public void Outcome_IsTheErrorClassInSnakeCase(SageMakerErrorKind? kind, string outcome) => Assert.Equal(outcome, AwsMetrics.Outcome(kind));

    /// <summary>The registry as Prometheus scrapes it.</summary>
    internal static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
