using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using static Detector.Operator.Tests.RegisteredModels.RegisteredModelSamples;

namespace Detector.Operator.Tests.RegisteredModels;

public sealed class ModelPackageObservationsTests
{
    [Fact]
    public void From_DescribedVersion_ReadsMetadataArtifactAndApproval()
    {
        var metadata = ModelPackageObservations.Metadata(Source(Artifact()), Artifact());
        var described = Describe(metadata) with { ModelApprovalStatus = ModelApprovalStatus.Approved, ApprovalDescription = "ok" };

        var package = ModelPackageObservations.From(described)!;

        Assert.Equal((3, "birds-run-1a2b3c4d", 0.72, ModelApprovalStatus.Approved, "ok"),
            (package.Version, package.SourceJobName, package.Metric, package.ApprovalStatus, package.ApprovalDescription));
        Assert.Equal(Artifact().ArtifactUri, package.ArtifactUri);
        Assert.Null(package.FailureReason);
    }

    [Fact]
    public void From_FailedScan_NamesTheFailedItem()
    {
        var described = Describe(null) with
        {
            ModelPackageStatus = ModelPackageStatus.Failed,
            ModelPackageStatusDetails = new()
            {
                ValidationStatuses = [],
                ImageScanStatuses = [new() { Name = "image", Status = DetailedModelPackageStatus.Failed, FailureReason = "critical CVE" }],
            },
        };

        var package = ModelPackageObservations.From(described)!;

        Assert.Equal("image: critical CVE", package.FailureReason);
        Assert.Null(package.SourceJobName);
    }

    [Fact]
    public void From_Unversioned_IsNull() =>
        Assert.Null(ModelPackageObservations.From(Describe(null) with { ModelPackageVersion = null }));

    [Fact]
    public void Metadata_NoMetric_LeavesTheKeyOut()
    {
        var metadata = ModelPackageObservations.Metadata(Source(Artifact(metric: null)), Artifact(metric: null));

        Assert.Equal("TrainingRun/birds-run", metadata[ModelPackageObservations.SourceRunKey]);
        Assert.DoesNotContain(ModelPackageObservations.MetricKey, metadata.Keys);
    }

    private static DescribeModelPackageResponse Describe(Dictionary<string, string>? metadata) => new()
    {
        ModelPackageName = Group,
        ModelPackageGroupName = Group,
        ModelPackageVersion = 3,
        ModelPackageArn = $"arn:aws:sagemaker:us-east-1:123456789012:model-package/{Group}/3",
        CreationTime = Now,
        ModelPackageStatus = ModelPackageStatus.Completed,
        ModelPackageStatusDetails = new() { ValidationStatuses = [] },
        InferenceSpecification = new() { Containers = [new() { Image = "img", ModelDataUrl = Artifact().ArtifactUri }] },
        CustomerMetadataProperties = metadata,
    };
}
