// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Provides summary information about a model package.</summary>
public sealed record ModelPackageSummary
{
    /// <summary>The name of the model package. Length 1–63.</summary>
    public string? ModelPackageName { get; init; }
    /// <summary>If the model package is a versioned model, the model group that the versioned model belongs to. Length 1–63.</summary>
    public string? ModelPackageGroupName { get; init; }
    /// <summary>If the model package is a versioned model, the version of the model. Range at least 1.</summary>
    public int? ModelPackageVersion { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the model package. Length 1–2048.</summary>
    public required string ModelPackageArn { get; init; }
    /// <summary>A brief description of the model package. Length 0–1024.</summary>
    public string? ModelPackageDescription { get; init; }
    /// <summary>Required. A timestamp that shows when the model package was created.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>Required. The overall status of the model package. Values in <see cref="Detector.Operator.Aws.ModelPackageStatus"/>.</summary>
    public required string ModelPackageStatus { get; init; }
    /// <summary>The approval status of the model. Values in <see cref="Detector.Operator.Aws.ModelApprovalStatus"/>.</summary>
    public string? ModelApprovalStatus { get; init; }
    /// <summary>A structure describing the current state of the model in its life cycle.</summary>
    public ModelLifeCycle? ModelLifeCycle { get; init; }
    /// <summary>The package registration type of the model package summary. Values in <see cref="Detector.Operator.Aws.ModelPackageRegistrationType"/>.</summary>
    public string? ModelPackageRegistrationType { get; init; }
}

/// <summary>Contains data, such as the inputs and targeted instance types that are used in the process of validating the model package.</summary>
public sealed record ModelPackageValidationProfile
{
    /// <summary>Required. The name of the profile for the model package. Length 1–63.</summary>
    public required string ProfileName { get; init; }
    /// <summary>Required. The TransformJobDefinition object that describes the transform job used for the validation of the model package.</summary>
    public required TransformJobDefinition TransformJobDefinition { get; init; }
}

/// <summary>Specifies batch transform jobs that SageMaker runs to validate your model package.</summary>
public sealed record ModelPackageValidationSpecification
{
    /// <summary>Required. The IAM roles to be used for the validation of the model package. Length 20–2048.</summary>
    public required string ValidationRole { get; init; }
    /// <summary>Required. An array of ModelPackageValidationProfile objects, each of which specifies a batch transform job that SageMaker runs to validate your model package. Items 0–1.</summary>
    public required List<ModelPackageValidationProfile> ValidationProfiles { get; init; }
}

/// <summary>Model quality statistics and constraints.</summary>
public sealed record ModelQuality
{
    /// <summary>Model quality statistics.</summary>
    public MetricsSource? Statistics { get; init; }
    /// <summary>Model quality constraints.</summary>
    public MetricsSource? Constraints { get; init; }
}

/// <summary>Specifies an algorithm that was used to create the model package.</summary>
public sealed record SourceAlgorithm
{
    /// <summary>The Amazon S3 path where the model artifacts, which result from model training, are stored. Length 0–1024.</summary>
    public string? ModelDataUrl { get; init; }
    /// <summary>Specifies the location of ML model data to deploy during endpoint creation.</summary>
    public ModelDataSource? ModelDataSource { get; init; }
    /// <summary>The ETag associated with Model Data URL.</summary>
    public string? ModelDataETag { get; init; }
    /// <summary>Required. The name of an algorithm that was used to create the model package. Length 1–170.</summary>
    public required string AlgorithmName { get; init; }
}

/// <summary>A list of algorithms that were used to create a model package.</summary>
public sealed record SourceAlgorithmSpecification
{
    /// <summary>Required. A list of the algorithms that were used to create a model package. Items 1–1.</summary>
    public required List<SourceAlgorithm> SourceAlgorithms { get; init; }
}

/// <summary>Describes the location of the channel data.</summary>
public sealed record TransformDataSource
{
    /// <summary>Required. The S3 location of the data source that is associated with a channel.</summary>
    public required TransformS3DataSource S3DataSource { get; init; }
}

/// <summary>Describes the input source of a transform job and the way the transform job consumes it.</summary>
public sealed record TransformInput
{
    /// <summary>Required. Describes the location of the channel data, which is, the S3 location of the input data that the model can consume.</summary>
    public required TransformDataSource DataSource { get; init; }
    /// <summary>The multipurpose internet mail extension (MIME) type of the data. Length 0–256.</summary>
    public string? ContentType { get; init; }
    /// <summary>If your transform data is compressed, specify the compression type. Values in <see cref="Detector.Operator.Aws.CompressionType"/>.</summary>
    public string? CompressionType { get; init; }
    /// <summary>The method to use to split the transform job's data files into smaller batches. Values in <see cref="Detector.Operator.Aws.SplitType"/>.</summary>
    public string? SplitType { get; init; }
}

/// <summary>Defines the input needed to run a transform job using the inference specification specified in the algorithm.</summary>
public sealed record TransformJobDefinition
{
    /// <summary>The maximum number of parallel requests that can be sent to each instance in a transform job. Range at least 0.</summary>
    public int? MaxConcurrentTransforms { get; init; }
    /// <summary>The maximum payload size allowed, in MB. Range at least 0.</summary>
    public int? MaxPayloadInMB { get; init; }
    /// <summary>A string that determines the number of records included in a single mini-batch. Values in <see cref="Detector.Operator.Aws.BatchStrategy"/>.</summary>
    public string? BatchStrategy { get; init; }
    /// <summary>The environment variables to set in the Docker container. Entries 0–16.</summary>
    public Dictionary<string, string>? Environment { get; init; }
    /// <summary>Required. A description of the input source and the way the transform job consumes it.</summary>
    public required TransformInput TransformInput { get; init; }
    /// <summary>Required. Identifies the Amazon S3 location where you want Amazon SageMaker to save the results from the transform job.</summary>
    public required TransformOutput TransformOutput { get; init; }
    /// <summary>Required. Identifies the ML compute instances for the transform job.</summary>
    public required TransformResources TransformResources { get; init; }
}

/// <summary>Describes the results of a transform job.</summary>
public sealed record TransformOutput
{
    /// <summary>Required. The Amazon S3 path where you want Amazon SageMaker to store the results of the transform job. Length 0–1024.</summary>
    public required string S3OutputPath { get; init; }
    /// <summary>The MIME type used to specify the output data. Length 0–256.</summary>
    public string? Accept { get; init; }
    /// <summary>Defines how to assemble the results of the transform job as a single S3 object. Values in <see cref="Detector.Operator.Aws.AssemblyType"/>.</summary>
    public string? AssembleWith { get; init; }
    /// <summary>The Amazon Web Services Key Management Service (Amazon Web Services KMS) key that Amazon SageMaker uses to encrypt the model artifacts at rest using Amazon S3 server-side encryption. Length 0–2048.</summary>
    public string? KmsKeyId { get; init; }
}

/// <summary>Describes the resources, including ML instance types and ML instance count, to use for transform job.</summary>
public sealed record TransformResources
{
    /// <summary>Required. The ML compute instance type for the transform job. One of the TransformInstanceType values.</summary>
    public required string InstanceType { get; init; }
    /// <summary>Required. The number of ML compute instances to use in the transform job. Range at least 1.</summary>
    public required int InstanceCount { get; init; }
    /// <summary>The Amazon Web Services Key Management Service (Amazon Web Services KMS) key that Amazon SageMaker uses to encrypt model data on the storage volume attached to the ML compute instance(s) that run the batch transform job. Length 0–2048.</summary>
    public string? VolumeKmsKeyId { get; init; }
    /// <summary>Specifies an option from a collection of preconfigured Amazon Machine Image (AMI) images. Length 1–63.</summary>
    public string? TransformAmiVersion { get; init; }
}

/// <summary>Describes the S3 data source.</summary>
public sealed record TransformS3DataSource
{
    /// <summary>Required. If you choose S3Prefix, S3Uri identifies a key name prefix. Values in <see cref="Detector.Operator.Aws.S3DataType"/>.</summary>
    public required string S3DataType { get; init; }
    /// <summary>Required. Depending on the value specified for the S3DataType, identifies either a key name prefix or a manifest. Length 0–1024.</summary>
    public required string S3Uri { get; init; }
}

/// <summary>Information about the user who created or modified a SageMaker resource.</summary>
public sealed record UserContext
{
    /// <summary>The Amazon Resource Name (ARN) of the user's profile.</summary>
    public string? UserProfileArn { get; init; }
    /// <summary>The name of the user's profile.</summary>
    public string? UserProfileName { get; init; }
    /// <summary>The domain associated with the user.</summary>
    public string? DomainId { get; init; }
    /// <summary>The IAM Identity details associated with the user.</summary>
    public IamIdentity? IamIdentity { get; init; }
}
