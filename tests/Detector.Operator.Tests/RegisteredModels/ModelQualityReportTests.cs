using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.DetectionEndpoints;
using Detector.Preprocessing.Storage;
using static Detector.Operator.Tests.RegisteredModels.RegisteredModelSamples;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>The model-quality report behind a version's ModelMetrics: where it goes, what it holds, how it is written.</summary>
public sealed class ModelQualityReportTests
{
    private const string Image = "811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1";

    [Theory]
    [InlineData("s3://models/birds/job-1/output/model.tar.gz", 0.72, "s3://models/birds/job-1/output/detector-model-quality.json")]
    [InlineData("s3://models/model.tar.gz", 0.5, "s3://models/detector-model-quality.json")]
    [InlineData("s3://models/birds/job-1/output/model.tar.gz", null, null)]     // No mAP: nothing to report.
    [InlineData("s3://models/birds/job-1/output/model.tar.gz", double.NaN, null)]
    [InlineData("https://example.com/model.tar.gz", 0.72, null)]                // Metric sources are S3 objects.
    public void Report_SitsBesideTheArtifact_OnlyWhenThereIsAMetricAndAnS3Artifact(string artifactUri, double? metric, string? expected)
    {
        var artifact = new SourceArtifact("job-1", artifactUri, metric);

        var report = ModelQualityReport.For(Source(artifact), artifact);

        Assert.Equal(expected, report?.Uri.ToString());
    }

    [Fact]
    public void Report_HoldsTheMetricAndItsSource_WithTheDigestOfItsBytes_AndIsTheSameOnEveryRetry()
    {
        var artifact = Artifact(metric: 0.6125);

        var report = ModelQualityReport.For(Source(artifact), artifact)!;
        var again = ModelQualityReport.For(Source(artifact), artifact)!;

        var document = JsonNode.Parse(report.Content)!;
        Assert.Equal(0.6125, document["object_detection_metrics"]!["mAP"]!["value"]!.GetValue<double>());
        Assert.Equal("validation:mAP", document["detector"]!["metric"]!.GetValue<string>());
        Assert.Equal(artifact.JobName, document["detector"]!["trainingJob"]!.GetValue<string>());
        Assert.Equal("TrainingRun/birds-run", document["detector"]!["source"]!.GetValue<string>());
        Assert.Equal(report.Content, again.Content);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(report.Content)), report.Digest);
        Assert.Matches(new Regex("^[Ss][Hh][Aa]256:[0-9a-fA-F]{64}$"), report.Digest);   // The AWS model's ContentDigest pattern.
    }

    [SkippableFact]
    public void CreatePackage_PointsModelMetricsAtTheReport_AndSatisfiesTheAwsModel()
    {
        var model = Model("Automatic", 0.5);
        var artifact = Artifact();
        var report = ModelQualityReport.For(Source(artifact), artifact)!;

        var request = RegisteredModelRequests.BuildCreatePackage(model, Source(artifact), artifact, Image,
            RegistrationDecisions.Approval(model.Spec.Approval, artifact), report);

        var statistics = request.ModelMetrics!.ModelQuality!.Statistics!;
        Assert.Equal((report.Uri.ToString(), "application/json", report.Digest), (statistics.S3Uri, statistics.ContentType, statistics.ContentDigest));
        AwsRequestCheck.AssertValid("CreateModelPackage", request);
    }

    [SkippableFact]
    public async Task Registration_WritesTheReportFirst_AndTheVersionPointsAtIt()
    {
        var h = Automatic();

        await h.ReconcileAsync();

        var request = (CreateModelPackageRequest)h.SageMaker.Calls.Single(c => c.Operation == "CreateModelPackage").Request;
        var uri = request.ModelMetrics!.ModelQuality!.Statistics!.S3Uri;
        Assert.Equal("s3://models/vision/birds-run-1a2b3c4d/output/detector-model-quality.json", uri);
        Assert.Contains(uri, h.Storage.Keys);
        await using var stored = await h.Storage.OpenReadAsync(StorageUri.Parse(uri), CancellationToken.None);
        Assert.Equal(0.72, JsonNode.Parse(stored)!["object_detection_metrics"]!["mAP"]!["value"]!.GetValue<double>());
    }

    public static TheoryData<string, Exception> Refusals => new()
    {
        { "no permission", new AmazonServiceException("Access Denied", ErrorType.Sender, "AccessDenied", "req-1", HttpStatusCode.Forbidden) },
        { "no bucket", new AmazonServiceException("The specified bucket does not exist", ErrorType.Sender, "NoSuchBucket", "req-2", HttpStatusCode.NotFound) },
        { "no credentials", new AmazonClientException("Unable to get IAM security credentials from EC2 Instance Metadata Service.") },
    };

    [SkippableTheory]
    [MemberData(nameof(Refusals))]
    public async Task ReportWriteRefused_RegistersTheVersionWithoutModelMetrics_AndAWarningNamesTheObject(string situation, Exception refusal)
    {
        var h = Automatic();
        h.Stores = _ => new RefusingStore(refusal);

        await h.ReconcileAsync();

        var request = (CreateModelPackageRequest)h.SageMaker.Calls.Single(c => c.Operation == "CreateModelPackage").Request;
        Assert.True(request.ModelMetrics is null, situation);
        Assert.Equal("0.72", request.CustomerMetadataProperties![ModelPackageObservations.MetricKey]);   // The mAP is not lost.
        Assert.Equal(1, Assert.Single(h.Status.Versions).Version);
        var warning = Assert.Single(h.Events.All, e => e.Reason == RegisteredModelReasons.ModelMetricsNotWritten);
        Assert.Contains("s3://models/vision/birds-run-1a2b3c4d/output/detector-model-quality.json", warning.Message);
        Assert.Contains("s3:PutObject", warning.Message);
    }

    [SkippableFact]
    public async Task ReportWriteFailsTransiently_RegistersNothing_AndIsRetriedWithTheObjectNamed()
    {
        var h = Automatic();
        h.Stores = _ => new RefusingStore(new HttpRequestException("Connection refused (s3.us-east-1.amazonaws.com:443)"));

        var error = await Assert.ThrowsAsync<RetryableException>(h.ReconcileAsync);

        var failure = ReconcileErrors.Classify(error);
        Assert.Equal((Reasons.Retrying, true), (failure.Reason, failure.Retries));
        Assert.StartsWith("Could not write the model-quality report s3://models/vision/", failure.Message);
        Assert.Contains("Connection refused", failure.Message);
        Assert.DoesNotContain(h.SageMaker.Calls, c => c.Operation == "CreateModelPackage");
    }

    [SkippableFact]
    public async Task ReportWriteThrottled_IsRetried_NotRegisteredWithoutMetrics()
    {
        var h = Automatic();
        h.Stores = _ => new RefusingStore(new AmazonServiceException("Please reduce your request rate.", ErrorType.Sender, "SlowDown", "req-3",
            HttpStatusCode.ServiceUnavailable));

        await Assert.ThrowsAsync<RetryableException>(h.ReconcileAsync);

        Assert.DoesNotContain(h.SageMaker.Calls, c => c.Operation == "CreateModelPackage");
    }

    private static RegisteredModelHarness Automatic() =>
        new(Model("Automatic", 0.5), RegisteredModelHarness.Region, RegisteredModelHarness.TrainingRun(map: 0.72));

    // A store whose writes fail as S3 would refuse them.
    private sealed class RefusingStore(Exception error) : IObjectStore
    {
        public Task PutAsync(StorageUri uri, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct) => Task.FromException(error);
        public Task<Stream> OpenReadAsync(StorageUri uri, CancellationToken ct) => throw new NotSupportedException();
        public Task<bool> ExistsAsync(StorageUri uri, CancellationToken ct) => throw new NotSupportedException();
        public IAsyncEnumerable<StoredObject> ListAsync(StorageUri prefix, CancellationToken ct) => throw new NotSupportedException();
        public Task<IObjectWriter> CreateWriterAsync(StorageUri uri, string contentType, CancellationToken ct) => throw new NotSupportedException();
        public Task ConcatenateAsync(IReadOnlyList<StorageUri> parts, StorageUri target, CancellationToken ct) => throw new NotSupportedException();
        public Task DeletePrefixAsync(StorageUri prefix, CancellationToken ct) => throw new NotSupportedException();
    }
}
