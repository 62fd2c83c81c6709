using Detector.Operator.Aws;
using Detector.Preprocessing.Storage;
using Detector.Testing;
using Prometheus;
using static Detector.Operator.Tests.Aws.AwsMetricsTests;

namespace Detector.Operator.Tests.Aws;

/// <summary>S3 calls made through AWSSDK.S3 are reported under the same AWS call metrics (issue 19 part 7), on a real S3 server.</summary>
public sealed class AwsMetricsS3Tests
{
    [SkippableFact]
    public async Task ReadNotFoundAndDelete_OnS3rver_AreCountedWithServiceS3AndTheSdkOperation()
    {
        var server = S3rverServer.Shared;
        var bucket = await server.CreateUniqueBucketAsync("metrics");
        var registry = Metrics.NewCustomRegistry();
        using var store = new S3ObjectStore(S3ClientFactory.Create(server.Settings, new AwsMetrics(registry).ForS3()), server.Settings);
        var manifest = StorageUri.Parse($"s3://{bucket}/aquarium-1234/manifest.json");
        await store.PutAsync(manifest, "{}"u8.ToArray(), "application/json", CancellationToken.None);

        await using (var read = await store.OpenReadAsync(manifest, CancellationToken.None))
            Assert.Equal((byte)'{', (byte)read.ReadByte());
        await Assert.ThrowsAsync<ObjectNotFoundException>(() =>
            store.OpenReadAsync(StorageUri.Parse($"s3://{bucket}/missing/manifest.json"), CancellationToken.None));
        await store.DeletePrefixAsync(StorageUri.Parse($"s3://{bucket}/aquarium-1234/"), CancellationToken.None);

        var text = await ScrapeAsync(registry);
        Assert.Contains("detector_aws_requests_total{service=\"S3\",operation=\"PutObject\",outcome=\"success\"} 1", text);
        Assert.Contains("detector_aws_requests_total{service=\"S3\",operation=\"GetObject\",outcome=\"success\"} 1", text);
        Assert.Contains("detector_aws_requests_total{service=\"S3\",operation=\"GetObject\",outcome=\"not_found\"} 1", text);
        Assert.Contains("detector_aws_requests_total{service=\"S3\",operation=\"ListObjectsV2\",outcome=\"success\"} 1", text);
        Assert.Contains("detector_aws_requests_total{service=\"S3\",operation=\"DeleteObjects\",outcome=\"success\"} 1", text);
        Assert.Contains("detector_aws_request_duration_seconds_count{service=\"S3\",operation=\"GetObject\"} 2", text);
        Assert.DoesNotContain("detector_aws_throttled_requests_total{service=\"S3\"", text);
    }

    [Fact]
    public async Task SlowDown_IsCountedAsThrottlingPerAttempt_AndTheRetrySucceeds()
    {
        // S3 says "slow down" once; the SDK retries by itself. Each attempt is one observation.
        await using var stub = await StubAwsServer.StartAsync((_, call) => call == 0
            ? new StubReply(503, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>", "application/xml")
            : new StubReply(200, "payload", "application/octet-stream"));
        var settings = new S3StorageSettings(stub.Url.ToString(), ForcePathStyle: true, "us-east-1", "AKIDEXAMPLE", "secret", null, ChecksumWhenRequired: true);
        var registry = Metrics.NewCustomRegistry();
        using var store = new S3ObjectStore(S3ClientFactory.Create(settings, new AwsMetrics(registry).ForS3()), settings);

        await using (var read = await store.OpenReadAsync(StorageUri.Parse("s3://bucket/key"), CancellationToken.None))
            Assert.Equal((byte)'p', (byte)read.ReadByte());

        var text = await ScrapeAsync(registry);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Contains("detector_aws_requests_total{service=\"S3\",operation=\"GetObject\",outcome=\"throttling\"} 1", text);
        Assert.Contains("detector_aws_requests_total{service=\"S3\",operation=\"GetObject\",outcome=\"success\"} 1", text);
        Assert.Contains("detector_aws_throttled_requests_total{service=\"S3\",operation=\"GetObject\"} 1", text);
    }

    [Theory]
    [InlineData(null, 200, null)]
    [InlineData("NoSuchKey", 404, SageMakerErrorKind.NotFound)]
    [InlineData("NoSuchBucket", 404, SageMakerErrorKind.NotFound)]
    [InlineData("NotFound", 404, SageMakerErrorKind.NotFound)]
    [InlineData("404", 404, SageMakerErrorKind.NotFound)]
    [InlineData("BucketAlreadyOwnedByYou", 409, SageMakerErrorKind.AlreadyExists)]
    [InlineData("SlowDown", 503, SageMakerErrorKind.Throttling)]
    [InlineData("InternalError", 500, SageMakerErrorKind.Transient)]
    [InlineData("HttpRequestException", 0, SageMakerErrorKind.Transient)]
    [InlineData("AccessDenied", 403, SageMakerErrorKind.AccessDenied)]
    [InlineData("InvalidAccessKeyId", 403, SageMakerErrorKind.AccessDenied)]
    [InlineData("SignatureDoesNotMatch", 403, SageMakerErrorKind.AccessDenied)]
    [InlineData("InvalidBucketName", 400, SageMakerErrorKind.Other)]
    public void S3Kind_ClassifiesS3CodesLikeEveryAwsError(string? code, int status, SageMakerErrorKind? expected) =>
        Assert.Equal(expected, AwsMetrics.S3Kind("GetObject", code, status));
}
