// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Request of CreateModelPackageGroup: creates a model group.</summary>
public sealed record CreateModelPackageGroupRequest
{
    /// <summary>Required. The name of the model group. Length 1–63.</summary>
    public required string ModelPackageGroupName { get; init; }
    /// <summary>A description for the model group. Length 0–1024.</summary>
    public string? ModelPackageGroupDescription { get; init; }
    /// <summary>A list of key value pairs associated with the model group. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
    /// <summary>The managed configuration of the model package group.</summary>
    public ManagedConfiguration? ManagedConfiguration { get; init; }
}

/// <summary>Response of CreateModelPackageGroup.</summary>
public sealed record CreateModelPackageGroupResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the model group. Length 1–2048.</summary>
    public required string ModelPackageGroupArn { get; init; }
}

/// <summary>Request of DescribeModelPackageGroup: gets a description for the specified model group.</summary>
public sealed record DescribeModelPackageGroupRequest
{
    /// <summary>Required. The name of the model group to describe. Length 1–170.</summary>
    public required string ModelPackageGroupName { get; init; }
}

/// <summary>Response of DescribeModelPackageGroup.</summary>
public sealed record DescribeModelPackageGroupResponse
{
    /// <summary>Required. The name of the model group. Length 1–63.</summary>
    public required string ModelPackageGroupName { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the model group. Length 1–2048.</summary>
    public required string ModelPackageGroupArn { get; init; }
    /// <summary>A description of the model group. Length 0–1024.</summary>
    public string? ModelPackageGroupDescription { get; init; }
    /// <summary>Required. The time that the model group was created.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>Required. Information about the user who created or modified a SageMaker resource.</summary>
    public required UserContext CreatedBy { get; init; }
    /// <summary>Required. The status of the model group. Values in <see cref="Detector.Operator.Aws.ModelPackageGroupStatus"/>.</summary>
    public required string ModelPackageGroupStatus { get; init; }
    /// <summary>The managed configuration of the model package group.</summary>
    public ManagedConfiguration? ManagedConfiguration { get; init; }
}

/// <summary>Request of DeleteModelPackageGroup: deletes the specified model group.</summary>
public sealed record DeleteModelPackageGroupRequest
{
    /// <summary>Required. The name of the model group to delete. Length 1–170.</summary>
    public required string ModelPackageGroupName { get; init; }
}

/// <summary>Response of DeleteModelPackageGroup (the operation returns no members).</summary>
public sealed record DeleteModelPackageGroupResponse;

/// <summary>Request of CreateModelPackage: creates a model package that you can use to create SageMaker models or list on Amazon Web Services Marketplace, or a versioned model that is part of a model group.</summary>
public sealed record CreateModelPackageRequest
{
    /// <summary>The name of the model package. Length 1–63.</summary>
    public string? ModelPackageName { get; init; }
    /// <summary>The name or Amazon Resource Name (ARN) of the model package group that this model version belongs to. Length 1–170.</summary>
    public string? ModelPackageGroupName { get; init; }
    /// <summary>A description of the model package. Length 0–1024.</summary>
    public string? ModelPackageDescription { get; init; }
    /// <summary>The package registration type of the model package input. Values in <see cref="Detector.Operator.Aws.ModelPackageRegistrationType"/>.</summary>
    public string? ModelPackageRegistrationType { get; init; }
    /// <summary>Specifies details about inference jobs that you can run with models based on this model package, including the following information: The Amazon ECR paths of containers that contain the inference code and model...</summary>
    public InferenceSpecification? InferenceSpecification { get; init; }
    /// <summary>Specifies configurations for one or more transform jobs that SageMaker runs to test the model package.</summary>
    public ModelPackageValidationSpecification? ValidationSpecification { get; init; }
    /// <summary>Details about the algorithm that was used to create the model package.</summary>
    public SourceAlgorithmSpecification? SourceAlgorithmSpecification { get; init; }
    /// <summary>Whether to certify the model package for listing on Amazon Web Services Marketplace.</summary>
    public bool? CertifyForMarketplace { get; init; }
    /// <summary>A list of key value pairs associated with the model. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
    /// <summary>Whether the model is approved for deployment. Values in <see cref="Detector.Operator.Aws.ModelApprovalStatus"/>.</summary>
    public string? ModelApprovalStatus { get; init; }
    /// <summary>Metadata properties of the tracking entity, trial, or trial component.</summary>
    public MetadataProperties? MetadataProperties { get; init; }
    /// <summary>A structure that contains model metrics reports.</summary>
    public ModelMetrics? ModelMetrics { get; init; }
    /// <summary>A unique token that guarantees that the call to this API is idempotent. Length 1–36.</summary>
    public string? ClientToken { get; init; }
    /// <summary>The machine learning domain of your model package and its components.</summary>
    public string? Domain { get; init; }
    /// <summary>The machine learning task your model package accomplishes.</summary>
    public string? Task { get; init; }
    /// <summary>The Amazon Simple Storage Service (Amazon S3) path where the sample payload is stored. Length 0–1024.</summary>
    public string? SamplePayloadUrl { get; init; }
    /// <summary>The metadata properties associated with the model package versions. Entries 1–50.</summary>
    public Dictionary<string, string>? CustomerMetadataProperties { get; init; }
    /// <summary>Represents the drift check baselines that can be used when the model monitor is set using the model package.</summary>
    public DriftCheckBaselines? DriftCheckBaselines { get; init; }
    /// <summary>An array of additional Inference Specification objects. Items 1–15.</summary>
    public List<AdditionalInferenceSpecificationDefinition>? AdditionalInferenceSpecifications { get; init; }
    /// <summary>Indicates if you want to skip model validation. Values in <see cref="Detector.Operator.Aws.SkipModelValidation"/>.</summary>
    public string? SkipModelValidation { get; init; }
    /// <summary>The URI of the source for the model package. Length 0–1024.</summary>
    public string? SourceUri { get; init; }
    /// <summary>The KMS Key ID (KMSKeyId) used for encryption of model package information.</summary>
    public ModelPackageSecurityConfig? SecurityConfig { get; init; }
    /// <summary>The model card associated with the model package.</summary>
    public ModelPackageModelCard? ModelCard { get; init; }
    /// <summary>A structure describing the current state of the model in its life cycle.</summary>
    public ModelLifeCycle? ModelLifeCycle { get; init; }
    /// <summary>The storage type of the model package. Values in <see cref="Detector.Operator.Aws.ManagedStorageType"/>.</summary>
    public string? ManagedStorageType { get; init; }
}

/// <summary>Response of CreateModelPackage.</summary>
public sealed record CreateModelPackageResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the new model package. Length 1–2048.</summary>
    public required string ModelPackageArn { get; init; }
}

/// <summary>Request of DescribeModelPackage: returns a description of the specified model package, which is used to create SageMaker models or list them on Amazon Web Services Marketplace.</summary>
public sealed record DescribeModelPackageRequest
{
    /// <summary>Required. The name or Amazon Resource Name (ARN) of the model package to describe. Length 1–176.</summary>
    public required string ModelPackageName { get; init; }
    /// <summary>Specifies the level of model package data to include in the response. Values in <see cref="Detector.Operator.Aws.IncludedData"/>.</summary>
    public string? IncludedData { get; init; }
}

/// <summary>Response of DescribeModelPackage.</summary>
public sealed record DescribeModelPackageResponse
{
    /// <summary>Required. The name of the model package being described. Length 1–63.</summary>
    public required string ModelPackageName { get; init; }
    /// <summary>If the model is a versioned model, the name of the model group that the versioned model belongs to. Length 1–63.</summary>
    public string? ModelPackageGroupName { get; init; }
    /// <summary>The version of the model package. Range at least 1.</summary>
    public int? ModelPackageVersion { get; init; }
    /// <summary>The package registration type of the model package output. Values in <see cref="Detector.Operator.Aws.ModelPackageRegistrationType"/>.</summary>
    public string? ModelPackageRegistrationType { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the model package. Length 1–2048.</summary>
    public required string ModelPackageArn { get; init; }
    /// <summary>A brief summary of the model package. Length 0–1024.</summary>
    public string? ModelPackageDescription { get; init; }
    /// <summary>Required. A timestamp specifying when the model package was created.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>Details about inference jobs that you can run with models based on this model package.</summary>
    public InferenceSpecification? InferenceSpecification { get; init; }
    /// <summary>Details about the algorithm that was used to create the model package.</summary>
    public SourceAlgorithmSpecification? SourceAlgorithmSpecification { get; init; }
    /// <summary>Configurations for one or more transform jobs that SageMaker runs to test the model package.</summary>
    public ModelPackageValidationSpecification? ValidationSpecification { get; init; }
    /// <summary>Required. The current status of the model package. Values in <see cref="Detector.Operator.Aws.ModelPackageStatus"/>.</summary>
    public required string ModelPackageStatus { get; init; }
    /// <summary>Required. Details about the current status of the model package.</summary>
    public required ModelPackageStatusDetails ModelPackageStatusDetails { get; init; }
    /// <summary>Whether the model package is certified for listing on Amazon Web Services Marketplace.</summary>
    public bool? CertifyForMarketplace { get; init; }
    /// <summary>The approval status of the model package. Values in <see cref="Detector.Operator.Aws.ModelApprovalStatus"/>.</summary>
    public string? ModelApprovalStatus { get; init; }
    /// <summary>Information about the user who created or modified a SageMaker resource.</summary>
    public UserContext? CreatedBy { get; init; }
    /// <summary>Metadata properties of the tracking entity, trial, or trial component.</summary>
    public MetadataProperties? MetadataProperties { get; init; }
    /// <summary>Metrics for the model.</summary>
    public ModelMetrics? ModelMetrics { get; init; }
    /// <summary>The last time that the model package was modified.</summary>
    public DateTimeOffset? LastModifiedTime { get; init; }
    /// <summary>Information about the user who created or modified a SageMaker resource.</summary>
    public UserContext? LastModifiedBy { get; init; }
    /// <summary>A description provided for the model approval. Length 0–1024.</summary>
    public string? ApprovalDescription { get; init; }
    /// <summary>The machine learning domain of the model package you specified.</summary>
    public string? Domain { get; init; }
    /// <summary>The machine learning task you specified that your model package accomplishes.</summary>
    public string? Task { get; init; }
    /// <summary>The Amazon Simple Storage Service (Amazon S3) path where the sample payload are stored.</summary>
    public string? SamplePayloadUrl { get; init; }
    /// <summary>The metadata properties associated with the model package versions. Entries 1–50.</summary>
    public Dictionary<string, string>? CustomerMetadataProperties { get; init; }
    /// <summary>Represents the drift check baselines that can be used when the model monitor is set using the model package.</summary>
    public DriftCheckBaselines? DriftCheckBaselines { get; init; }
    /// <summary>An array of additional Inference Specification objects. Items 1–15.</summary>
    public List<AdditionalInferenceSpecificationDefinition>? AdditionalInferenceSpecifications { get; init; }
    /// <summary>Indicates if you want to skip model validation. Values in <see cref="Detector.Operator.Aws.SkipModelValidation"/>.</summary>
    public string? SkipModelValidation { get; init; }
    /// <summary>The URI of the source for the model package. Length 0–1024.</summary>
    public string? SourceUri { get; init; }
    /// <summary>The KMS Key ID (KMSKeyId) used for encryption of model package information.</summary>
    public ModelPackageSecurityConfig? SecurityConfig { get; init; }
    /// <summary>The model card associated with the model package.</summary>
    public ModelPackageModelCard? ModelCard { get; init; }
    /// <summary>A structure describing the current state of the model in its life cycle.</summary>
    public ModelLifeCycle? ModelLifeCycle { get; init; }
    /// <summary>The storage type of the model package. Values in <see cref="Detector.Operator.Aws.ManagedStorageType"/>.</summary>
    public string? ManagedStorageType { get; init; }
}

/// <summary>Request of ListModelPackages: lists the model packages that have been created.</summary>
public sealed record ListModelPackagesRequest
{
    /// <summary>A filter that returns only model packages created after the specified time (timestamp).</summary>
    public DateTimeOffset? CreationTimeAfter { get; init; }
    /// <summary>A filter that returns only model packages created before the specified time (timestamp).</summary>
    public DateTimeOffset? CreationTimeBefore { get; init; }
    /// <summary>The maximum number of model packages to return in the response. Range 1–100.</summary>
    public int? MaxResults { get; init; }
    /// <summary>A string in the model package name. Length 0–63.</summary>
    public string? NameContains { get; init; }
    /// <summary>A filter that returns only the model packages with the specified approval status. Values in <see cref="Detector.Operator.Aws.ModelApprovalStatus"/>.</summary>
    public string? ModelApprovalStatus { get; init; }
    /// <summary>A filter that returns only model versions that belong to the specified model group. Length 1–170.</summary>
    public string? ModelPackageGroupName { get; init; }
    /// <summary>A filter that returns only the model packages of the specified type. Values in <see cref="Detector.Operator.Aws.ModelPackageType"/>.</summary>
    public string? ModelPackageType { get; init; }
    /// <summary>If the response to a previous ListModelPackages request was truncated, the response includes a NextToken. Length 0–8192.</summary>
    public string? NextToken { get; init; }
    /// <summary>The parameter by which to sort the results. Values in <see cref="Detector.Operator.Aws.ModelPackageSortBy"/>.</summary>
    public string? SortBy { get; init; }
    /// <summary>The sort order for the results. Values in <see cref="Detector.Operator.Aws.SortOrder"/>.</summary>
    public string? SortOrder { get; init; }
}

/// <summary>Response of ListModelPackages.</summary>
public sealed record ListModelPackagesResponse
{
    /// <summary>Required. An array of ModelPackageSummary objects, each of which lists a model package.</summary>
    public required List<ModelPackageSummary> ModelPackageSummaryList { get; init; }
    /// <summary>If the response is truncated, SageMaker returns this token. Length 0–8192.</summary>
    public string? NextToken { get; init; }
}

/// <summary>Request of UpdateModelPackage: updates a versioned model.</summary>
public sealed record UpdateModelPackageRequest
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the model package. Length 1–2048.</summary>
    public required string ModelPackageArn { get; init; }
    /// <summary>The approval status of the model. Values in <see cref="Detector.Operator.Aws.ModelApprovalStatus"/>.</summary>
    public string? ModelApprovalStatus { get; init; }
    /// <summary>The package registration type of the model package input. Values in <see cref="Detector.Operator.Aws.ModelPackageRegistrationType"/>.</summary>
    public string? ModelPackageRegistrationType { get; init; }
    /// <summary>A description for the approval status of the model. Length 0–1024.</summary>
    public string? ApprovalDescription { get; init; }
    /// <summary>The metadata properties associated with the model package versions. Entries 1–50.</summary>
    public Dictionary<string, string>? CustomerMetadataProperties { get; init; }
    /// <summary>The metadata properties associated with the model package versions to remove.</summary>
    public List<string>? CustomerMetadataPropertiesToRemove { get; init; }
    /// <summary>An array of additional Inference Specification objects to be added to the existing array additional Inference Specification. Items 1–15.</summary>
    public List<AdditionalInferenceSpecificationDefinition>? AdditionalInferenceSpecificationsToAdd { get; init; }
    /// <summary>Specifies details about inference jobs that you can run with models based on this model package, including the following information: The Amazon ECR paths of containers that contain the inference code and model...</summary>
    public InferenceSpecification? InferenceSpecification { get; init; }
    /// <summary>The URI of the source for the model package. Length 0–1024.</summary>
    public string? SourceUri { get; init; }
    /// <summary>The model card associated with the model package.</summary>
    public ModelPackageModelCard? ModelCard { get; init; }
    /// <summary>A structure describing the current state of the model in its life cycle.</summary>
    public ModelLifeCycle? ModelLifeCycle { get; init; }
    /// <summary>A unique token that guarantees that the call to this API is idempotent. Length 1–36.</summary>
    public string? ClientToken { get; init; }
}

/// <summary>Response of UpdateModelPackage.</summary>
public sealed record UpdateModelPackageResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the model. Length 1–2048.</summary>
    public required string ModelPackageArn { get; init; }
}
