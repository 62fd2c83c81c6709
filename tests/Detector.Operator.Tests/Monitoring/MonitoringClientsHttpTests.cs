using Detector.Operator.Aws;
using Detector.Operator.Tests.Fakes.CloudWatch;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>The three monitoring clients against the fake services over HTTP: signed, valid by the models, paginated, retried.</summary>
public sealed class MonitoringClientsHttpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private FakeMonitoring _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeMonitoring.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [SkippableFact]
    public async Task FilterLogEvents_PagesThroughEveryStreamByTime_WithTheServicesTokens()
    {
        _fake.Logs.PageSize = 2;
        _fake.Logs.Add("/aws/sagemaker/TrainingJobs", "job-1/algo-1-1700000000", [(s_t0, "a1"), (s_t0.AddSeconds(2), "a2"), (s_t0.AddSeconds(4), "a3")]);
        _fake.Logs.Add("/aws/sagemaker/TrainingJobs", "job-1/algo-2-1700000000", [(s_t0.AddSeconds(1), "b1"), (s_t0.AddSeconds(3), "b2")]);
        _fake.Logs.Add("/aws/sagemaker/TrainingJobs", "job-10/algo-1-1700000000", [(s_t0, "other job")]);
        using var client = new CloudWatchLogsClient(MonitoringFixture.Options(_fake));

        var messages = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await client.FilterLogEventsAsync(new FilterLogEventsRequest
            {
                LogGroupName = "/aws/sagemaker/TrainingJobs", LogStreamNamePrefix = "job-1/", NextToken = token,
            });
            messages.AddRange(page.Events!.Select(e => $"{e.LogStreamName![^17..^11]}:{e.Message}"));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["algo-1:a1", "algo-2:b1", "algo-1:a2", "algo-2:b2", "algo-1:a3"], messages);
        Assert.Equal(3, pages);
        Assert.Empty(_fake.ValidationFailures);
        Assert.Empty(_fake.ResponseProblems);
    }

    [SkippableFact]
    public async Task FilterLogEvents_MissingGroup_IsResourceNotFound()
    {
        using var client = new CloudWatchLogsClient(MonitoringFixture.Options(_fake));

        var e = await Assert.ThrowsAsync<SageMakerException>(() => client.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/aws/sagemaker/Endpoints/none" }));

        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
        Assert.Equal(SageMakerErrorKind.NotFound, e.Kind);
    }

    [SkippableFact]
    public async Task GetMetricData_Throttled_IsRetriedWithBackoff_ThenAggregatesPerPeriod()
    {
        var dims = new Dictionary<string, string> { ["EndpointName"] = "fish", ["VariantName"] = "AllTraffic" };
        foreach (var (second, ms) in new[] { (0, 10.0), (10, 20.0), (70, 30.0), (80, 400.0) })
            _fake.Metrics.Put("AWS/SageMaker", "ModelLatency", dims, s_t0.AddSeconds(second), ms * 1000);
        _fake.ThrottleNext("GetMetricData", 2);
        var delays = new List<TimeSpan>();
        using var client = new CloudWatchClient(MonitoringFixture.Options(_fake, delays));

        var answer = await client.GetMetricDataAsync(new GetMetricDataRequest
        {
            StartTime = s_t0, EndTime = s_t0.AddMinutes(5), ScanBy = MetricScanBy.TimestampAscending,
            MetricDataQueries =
            [
                new() { Id = "p99", MetricStat = new() { Period = 60, Stat = "p99", Metric = new() { Namespace = "AWS/SageMaker", MetricName = "ModelLatency",
                    Dimensions = [new() { Name = "EndpointName", Value = "fish" }, new() { Name = "VariantName", Value = "AllTraffic" }] } } },
                new() { Id = "n", MetricStat = new() { Period = 300, Stat = "SampleCount", Metric = new() { Namespace = "AWS/SageMaker", MetricName = "ModelLatency",
                    Dimensions = [new() { Name = "EndpointName", Value = "fish" }] } } },
            ],
        });

        Assert.Equal(2, delays.Count);
        Assert.Equal(["Throttling", "Throttling", null], _fake.Requests.Select(r => r.ErrorCode));
        var p99 = answer.MetricDataResults!.Single(r => r.Id == "p99");
        Assert.Equal([s_t0, s_t0.AddMinutes(1)], p99.Timestamps!);
        Assert.Equal([20_000.0, 400_000.0], p99.Values!);
        Assert.Empty(answer.MetricDataResults!.Single(r => r.Id == "n").Values!);   // dimensions match exactly, as CloudWatch's do
        Assert.Empty(_fake.ValidationFailures);
        Assert.Empty(_fake.ResponseProblems);
    }

    [SkippableFact]
    public async Task BatchGetMetrics_ReturnsTheLastValuePerEpoch()
    {
        const string Arn = "arn:aws:sagemaker:us-east-1:123456789012:training-job/job-1";
        _fake.Training.Add(Arn, "validation:mAP", 1, s_t0, 0.2);
        _fake.Training.Add(Arn, "validation:mAP", 2, s_t0.AddMinutes(1), 0.35);
        _fake.Training.Add(Arn, "validation:mAP", 2, s_t0.AddMinutes(2), 0.4);
        using var client = new SageMakerMetricsClient(MonitoringFixture.Options(_fake));

        var answer = await client.BatchGetMetricsAsync(new BatchGetMetricsRequest
        {
            MetricQueries = [new() { MetricName = "validation:mAP", ResourceArn = Arn, MetricStat = MetricStatistic.Last,
                Period = MetricPeriod.IterationNumber, XAxisType = XAxisType.IterationNumber }],
        });

        var series = Assert.Single(answer.MetricQueryResults!);
        Assert.Equal([1L, 2L], series.XAxisValues);
        Assert.Equal([0.2, 0.4], series.MetricValues);
        Assert.Empty(_fake.ValidationFailures);
        Assert.Empty(_fake.ResponseProblems);
    }

    [SkippableFact]
    public async Task AnInvalidRequest_IsRefusedByTheModel()
    {
        using var client = new CloudWatchLogsClient(MonitoringFixture.Options(_fake));

        var e = await Assert.ThrowsAsync<SageMakerException>(() => client.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/aws/x", Limit = 0 }));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Contains("limit", Assert.Single(_fake.ValidationFailures).Message);
    }
}
