using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;

namespace Detector.Operator.RegisteredModels;

/// <summary>Pure: RegisteredModel spec and observations → SageMaker model registry requests.</summary>
public static class RegisteredModelRequests
{
    /// <summary>Request content types the Object Detection container accepts (reference §1.8).</summary>
    public static IReadOnlyList<string> ContentTypes { get; } = ["image/jpeg", "image/png", "application/x-image"];

    /// <summary>Response type of the Object Detection container.</summary>
    public const string ResponseType = "application/json";

    /// <summary>Hosting instances the algorithm documents for inference (CPU C5/M5, GPU P3/G4dn).</summary>
    public static IReadOnlyList<string> InferenceInstanceTypes { get; } =
    [
        "ml.m5.large", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge", "ml.c5.xlarge", "ml.c5.2xlarge", "ml.c5.4xlarge",
        "ml.p3.2xlarge", "ml.g4dn.xlarge", "ml.g4dn.2xlarge", "ml.g4dn.4xlarge",
    ];

    /// <summary>CreateModelPackageGroup for the RegisteredModel.</summary>
    public static CreateModelPackageGroupRequest BuildCreateGroup(RegisteredModel model) => new()
    {
        ModelPackageGroupName = RegisteredModelNames.Group(model),
        ModelPackageGroupDescription = model.Spec.Description
            ?? $"Object detection models of {model.Metadata.NamespaceProperty}/{model.Metadata.Name}, registered by Detector",
        Tags = Tags(model),
    };

    /// <summary>
    /// CreateModelPackage: a new version of the group with the Object Detection inference image of the region
    /// (<paramref name="inferenceImage"/>, the same image that trains), the artifact, content types, instance types,
    /// the approval decision and a ClientToken per (group, source job) so a retried call never makes a second version.
    /// The metric and the source job also go into CustomerMetadataProperties, which the status is rebuilt from;
    /// <paramref name="report"/> (already written to S3) becomes ModelMetrics, the registry's own place for metrics.
    /// </summary>
    public static CreateModelPackageRequest BuildCreatePackage(RegisteredModel model, SourceObservation source, SourceArtifact artifact,
        string inferenceImage, ApprovalDecision approval, ModelQualityReport? report = null)
    {
        var group = RegisteredModelNames.Group(model);
        return new()
        {
            ModelPackageGroupName = group,
            ModelPackageDescription = Truncate($"{source.Kind} {source.Name}, training job {artifact.JobName}. {approval.Description}"),
            InferenceSpecification = new InferenceSpecification
            {
                Containers = [new ModelPackageContainerDefinition { Image = inferenceImage, ModelDataUrl = artifact.ArtifactUri }],
                SupportedContentTypes = [.. ContentTypes],
                SupportedResponseMIMETypes = [ResponseType],
                SupportedRealtimeInferenceInstanceTypes = [.. InferenceInstanceTypes],
                SupportedTransformInstanceTypes = [.. InferenceInstanceTypes],
            },
            ModelApprovalStatus = approval.Status,
            ModelMetrics = report?.ToModelMetrics(),
            CustomerMetadataProperties = ModelPackageObservations.Metadata(source, artifact),
            ClientToken = RegisteredModelNames.ClientToken(group, artifact.JobName),
            Domain = "COMPUTER_VISION",
            Task = "OBJECT_DETECTION",
            Tags = Tags(model),
        };
    }

    /// <summary>UpdateModelPackage that approves a version because of the approve-version annotation.</summary>
    public static UpdateModelPackageRequest BuildApprove(PackageObservation package) => new()
    {
        ModelPackageArn = package.Arn,
        ModelApprovalStatus = ModelApprovalStatus.Approved,
        ApprovalDescription = $"Approved with the {RegistrationDecisions.ApproveVersionAnnotation} annotation",
    };

    /// <summary>One page of the group's versions, oldest first.</summary>
    public static ListModelPackagesRequest BuildListPackages(string groupName, string? nextToken) => new()
    {
        ModelPackageGroupName = groupName,
        // The default type is Unversioned, which would list nothing of a group.
        ModelPackageType = ModelPackageType.Versioned,
        SortBy = ModelPackageSortBy.CreationTime,
        SortOrder = SortOrder.Ascending,
        MaxResults = 100,
        NextToken = nextToken,
    };

    private static List<Tag> Tags(RegisteredModel model) => SageMakerTags.From(model.Spec.Tags);

    private static string Truncate(string text) => text.Length <= 1024 ? text : text[..1023] + "…";
}
