using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Tests.DetectionEndpoints;
using static Detector.Operator.Tests.RegisteredModels.RegisteredModelSamples;

namespace Detector.Operator.Tests.RegisteredModels;

public sealed class RegisteredModelRequestsTests
{
    private const string Image = "811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1";

    [SkippableTheory]
    [InlineData("Manual", null, 0.72)]
    [InlineData("Automatic", 0.5, 0.72)]
    [InlineData("Automatic", 0.9, null)]
    public void Builders_SatisfyTheAwsModel(string mode, double? minMetric, double? metric)
    {
        var model = Model(mode, minMetric);
        model.Spec = model.Spec with { Tags = new Dictionary<string, string> { ["team"] = "vision" }, Description = "Birds ≥ 0.5 mAP (v2)" };
        var artifact = Artifact(metric: metric);
        var create = RegisteredModelRequests.BuildCreatePackage(model, Source(artifact), artifact, Image,
            RegistrationDecisions.Approval(model.Spec.Approval, artifact));

        AwsRequestCheck.AssertValid("CreateModelPackageGroup", RegisteredModelRequests.BuildCreateGroup(model));
        AwsRequestCheck.AssertValid("CreateModelPackage", create);
        AwsRequestCheck.AssertValid("UpdateModelPackage", RegisteredModelRequests.BuildApprove(Package(2)));
        AwsRequestCheck.AssertValid("ListModelPackages", RegisteredModelRequests.BuildListPackages(Group, null));
    }

    [Fact]
    public void CreatePackage_CarriesImageArtifactTypesApprovalAndIdempotencyToken()
    {
        var model = Model("Automatic", 0.5);
        var artifact = Artifact();

        var request = RegisteredModelRequests.BuildCreatePackage(model, Source(artifact), artifact, Image,
            RegistrationDecisions.Approval(model.Spec.Approval, artifact));

        var container = Assert.Single(request.InferenceSpecification!.Containers);
        Assert.Equal((Image, artifact.ArtifactUri), (container.Image, container.ModelDataUrl));
        Assert.Equal(["image/jpeg", "image/png", "application/x-image"], request.InferenceSpecification.SupportedContentTypes);
        Assert.Equal(["application/json"], request.InferenceSpecification.SupportedResponseMIMETypes);
        Assert.Contains("ml.m5.xlarge", request.InferenceSpecification.SupportedRealtimeInferenceInstanceTypes!);
        Assert.Equal((Group, ModelApprovalStatus.Approved), (request.ModelPackageGroupName, request.ModelApprovalStatus));
        Assert.Equal(RegisteredModelNames.ClientToken(Group, artifact.JobName), request.ClientToken);
        Assert.Equal("0.72", request.CustomerMetadataProperties![ModelPackageObservations.MetricKey]);
        Assert.Contains("Automatically approved", request.ModelPackageDescription);
    }

    [Fact]
    public void CreatePackage_SameJobTwice_SameClientToken()
    {
        var model = Model();
        var artifact = Artifact();
        var approval = RegistrationDecisions.Approval(model.Spec.Approval, artifact);

        var first = RegisteredModelRequests.BuildCreatePackage(model, Source(artifact), artifact, Image, approval);
        var retry = RegisteredModelRequests.BuildCreatePackage(model, Source(artifact), artifact, Image, approval);
        var next = RegisteredModelRequests.BuildCreatePackage(model, Source(Artifact("job-2")), Artifact("job-2"), Image, approval);

        Assert.Equal(first.ClientToken, retry.ClientToken);
        Assert.NotEqual(first.ClientToken, next.ClientToken);
    }

    [Fact]
    public void ListPackages_AsksForVersionedPackagesOfTheGroup()
    {
        var request = RegisteredModelRequests.BuildListPackages(Group, "token");

        Assert.Equal((Group, ModelPackageType.Versioned, "token"), (request.ModelPackageGroupName, request.ModelPackageType, request.NextToken));
    }

    [Fact]
    public void Tags_FiftyUserTags_LeaveOutManagedBy()
    {
        var tags = Enumerable.Range(0, Patterns.MaxTags).ToDictionary(i => $"k{i:00}", i => "v");

        Assert.Equal(Patterns.MaxTags, SageMakerTags.From(tags).Count);
        Assert.Equal(SageMakerTags.ManagedByKey, SageMakerTags.From(new Dictionary<string, string>()).Single().Key);
    }
}
