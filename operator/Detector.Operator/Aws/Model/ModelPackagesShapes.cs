// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>A structure of additional Inference Specification.</summary>
public sealed record AdditionalInferenceSpecificationDefinition
{
    /// <summary>Required. A unique name to identify the additional inference specification. Length 1–63.</summary>
    public required string Name { get; init; }
    /// <summary>A description of the additional Inference specification Length 0–1024.</summary>
    public string? Description { get; init; }
    /// <summary>Required. The Amazon ECR registry path of the Docker image that contains the inference code. Items 1–15.</summary>
    public required List<ModelPackageContainerDefinition> Containers { get; init; }
    /// <summary>A list of the instance types on which a transformation job can be run or on which an endpoint can be deployed. Items at least 1.</summary>
    public List<string>? SupportedTransformInstanceTypes { get; init; }
    /// <summary>A list of the instance types that are used to generate inferences in real-time.</summary>
    public List<string>? SupportedRealtimeInferenceInstanceTypes { get; init; }
    /// <summary>The supported MIME types for the input data.</summary>
    public List<string>? SupportedContentTypes { get; init; }
    /// <summary>The supported MIME types for the output data.</summary>
    public List<string>? SupportedResponseMIMETypes { get; init; }
}

/// <summary>A data source used for training or inference that is in addition to the input dataset or model data.</summary>
public sealed record AdditionalS3DataSource
{
    /// <summary>Required. The data type of the additional data source that you specify for use in inference or training. Values in <see cref="Detector.Operator.Aws.AdditionalS3DataSourceDataType"/>.</summary>
    public required string S3DataType { get; init; }
    /// <summary>Required. The uniform resource identifier (URI) used to identify an additional data source used in inference or training. Length 0–1024.</summary>
    public required string S3Uri { get; init; }
    /// <summary>The type of compression used for an additional data source used in inference or training. Values in <see cref="Detector.Operator.Aws.CompressionType"/>.</summary>
    public string? CompressionType { get; init; }
    /// <summary>The ETag associated with S3 URI.</summary>
    public string? ETag { get; init; }
}

/// <summary>Identifies the foundation model that was used as the starting point for model customization.</summary>
public sealed record BaseModel
{
    /// <summary>The hub content name of the base model. Length 0–63.</summary>
    public string? HubContentName { get; init; }
    /// <summary>The hub content version of the base model. Length 5–14.</summary>
    public string? HubContentVersion { get; init; }
    /// <summary>The recipe name of the base model. Length 0–255.</summary>
    public string? RecipeName { get; init; }
}

/// <summary>Contains bias metrics for a model.</summary>
public sealed record Bias
{
    /// <summary>The bias report for a model</summary>
    public MetricsSource? Report { get; init; }
    /// <summary>The pre-training bias report for a model.</summary>
    public MetricsSource? PreTrainingReport { get; init; }
    /// <summary>The post-training bias report for a model.</summary>
    public MetricsSource? PostTrainingReport { get; init; }
}

/// <summary>Represents the drift check baselines that can be used when the model monitor is set using the model package.</summary>
public sealed record DriftCheckBaselines
{
    /// <summary>Represents the drift check bias baselines that can be used when the model monitor is set using the model package.</summary>
    public DriftCheckBias? Bias { get; init; }
    /// <summary>Represents the drift check explainability baselines that can be used when the model monitor is set using the model package.</summary>
    public DriftCheckExplainability? Explainability { get; init; }
    /// <summary>Represents the drift check model quality baselines that can be used when the model monitor is set using the model package.</summary>
    public DriftCheckModelQuality? ModelQuality { get; init; }
    /// <summary>Represents the drift check model data quality baselines that can be used when the model monitor is set using the model package.</summary>
    public DriftCheckModelDataQuality? ModelDataQuality { get; init; }
}

/// <summary>Represents the drift check bias baselines that can be used when the model monitor is set using the model package.</summary>
public sealed record DriftCheckBias
{
    /// <summary>The bias config file for a model.</summary>
    public FileSource? ConfigFile { get; init; }
    /// <summary>The pre-training constraints.</summary>
    public MetricsSource? PreTrainingConstraints { get; init; }
    /// <summary>The post-training constraints.</summary>
    public MetricsSource? PostTrainingConstraints { get; init; }
}

/// <summary>Represents the drift check explainability baselines that can be used when the model monitor is set using the model package.</summary>
public sealed record DriftCheckExplainability
{
    /// <summary>The drift check explainability constraints.</summary>
    public MetricsSource? Constraints { get; init; }
    /// <summary>The explainability config file for the model.</summary>
    public FileSource? ConfigFile { get; init; }
}

/// <summary>Represents the drift check data quality baselines that can be used when the model monitor is set using the model package.</summary>
public sealed record DriftCheckModelDataQuality
{
    /// <summary>The drift check model data quality statistics.</summary>
    public MetricsSource? Statistics { get; init; }
    /// <summary>The drift check model data quality constraints.</summary>
    public MetricsSource? Constraints { get; init; }
}

/// <summary>Represents the drift check model quality baselines that can be used when the model monitor is set using the model package.</summary>
public sealed record DriftCheckModelQuality
{
    /// <summary>The drift check model quality statistics.</summary>
    public MetricsSource? Statistics { get; init; }
    /// <summary>The drift check model quality constraints.</summary>
    public MetricsSource? Constraints { get; init; }
}

/// <summary>Contains explainability metrics for a model.</summary>
public sealed record Explainability
{
    /// <summary>The explainability report for a model.</summary>
    public MetricsSource? Report { get; init; }
}

/// <summary>Contains details regarding the file source.</summary>
public sealed record FileSource
{
    /// <summary>The type of content stored in the file source. Length 0–256.</summary>
    public string? ContentType { get; init; }
    /// <summary>The digest of the file source. Length 0–72.</summary>
    public string? ContentDigest { get; init; }
    /// <summary>Required. The Amazon S3 URI for the file source. Length 0–1024.</summary>
    public required string S3Uri { get; init; }
}

/// <summary>The IAM Identity details associated with the user.</summary>
public sealed record IamIdentity
{
    /// <summary>The Amazon Resource Name (ARN) of the IAM identity.</summary>
    public string? Arn { get; init; }
    /// <summary>The ID of the principal that assumes the IAM identity.</summary>
    public string? PrincipalId { get; init; }
    /// <summary>The person or application which assumes the IAM identity.</summary>
    public string? SourceIdentity { get; init; }
}

/// <summary>Defines how to perform inference generation after a training job is run.</summary>
public sealed record InferenceSpecification
{
    /// <summary>Required. The Amazon ECR registry path of the Docker image that contains the inference code. Items 1–15.</summary>
    public required List<ModelPackageContainerDefinition> Containers { get; init; }
    /// <summary>A list of the instance types on which a transformation job can be run or on which an endpoint can be deployed. Items at least 1.</summary>
    public List<string>? SupportedTransformInstanceTypes { get; init; }
    /// <summary>A list of the instance types that are used to generate inferences in real-time.</summary>
    public List<string>? SupportedRealtimeInferenceInstanceTypes { get; init; }
    /// <summary>The supported MIME types for the input data.</summary>
    public List<string>? SupportedContentTypes { get; init; }
    /// <summary>The supported MIME types for the output data.</summary>
    public List<string>? SupportedResponseMIMETypes { get; init; }
}

/// <summary>The managed configuration of a model package group.</summary>
public sealed record ManagedConfiguration
{
    /// <summary>The storage type of the model package. Values in <see cref="Detector.Operator.Aws.ManagedStorageType"/>.</summary>
    public string? ManagedStorageType { get; init; }
}

/// <summary>Metadata properties of the tracking entity, trial, or trial component.</summary>
public sealed record MetadataProperties
{
    /// <summary>The commit ID. Length 0–1024.</summary>
    public string? CommitId { get; init; }
    /// <summary>The repository. Length 0–1024.</summary>
    public string? Repository { get; init; }
    /// <summary>The entity this entity was generated by. Length 0–1024.</summary>
    public string? GeneratedBy { get; init; }
    /// <summary>The project ID. Length 0–1024.</summary>
    public string? ProjectId { get; init; }
}

/// <summary>Details about the metrics source.</summary>
public sealed record MetricsSource
{
    /// <summary>Required. The metric source content type. Length 0–256.</summary>
    public required string ContentType { get; init; }
    /// <summary>The hash key used for the metrics source. Length 0–72.</summary>
    public string? ContentDigest { get; init; }
    /// <summary>Required. The S3 URI for the metrics source. Length 0–1024.</summary>
    public required string S3Uri { get; init; }
}

/// <summary>Data quality constraints and statistics for a model.</summary>
public sealed record ModelDataQuality
{
    /// <summary>Data quality statistics for a model.</summary>
    public MetricsSource? Statistics { get; init; }
    /// <summary>Data quality constraints for a model.</summary>
    public MetricsSource? Constraints { get; init; }
}

/// <summary>Input object for the model.</summary>
public sealed record ModelInput
{
    /// <summary>Required. The input configuration object for the model. Length 1–16384.</summary>
    public required string DataInputConfig { get; init; }
}

/// <summary>A structure describing the current state of the model in its life cycle.</summary>
public sealed record ModelLifeCycle
{
    /// <summary>Required. The current stage in the model life cycle. Length 1–63.</summary>
    public required string Stage { get; init; }
    /// <summary>Required. The current status of a stage in model life cycle. Length 1–63.</summary>
    public required string StageStatus { get; init; }
    /// <summary>Describes the stage related details. Length 0–1024.</summary>
    public string? StageDescription { get; init; }
}

/// <summary>Contains metrics captured from a model.</summary>
public sealed record ModelMetrics
{
    /// <summary>Metrics that measure the quality of a model.</summary>
    public ModelQuality? ModelQuality { get; init; }
    /// <summary>Metrics that measure the quality of the input data for a model.</summary>
    public ModelDataQuality? ModelDataQuality { get; init; }
    /// <summary>Metrics that measure bias in a model.</summary>
    public Bias? Bias { get; init; }
    /// <summary>Metrics that help explain a model.</summary>
    public Explainability? Explainability { get; init; }
}

/// <summary>Describes the Docker container for the model package.</summary>
public sealed record ModelPackageContainerDefinition
{
    /// <summary>The DNS host name for the Docker container. Length 0–63.</summary>
    public string? ContainerHostname { get; init; }
    /// <summary>The Amazon Elastic Container Registry (Amazon ECR) path where inference code is stored. Length 0–255.</summary>
    public string? Image { get; init; }
    /// <summary>An MD5 hash of the training algorithm that identifies the Docker image used for training. Length 0–72.</summary>
    public string? ImageDigest { get; init; }
    /// <summary>The Amazon S3 path where the model artifacts, which result from model training, are stored. Length 0–1024.</summary>
    public string? ModelDataUrl { get; init; }
    /// <summary>Specifies the location of ML model data to deploy during endpoint creation.</summary>
    public ModelDataSource? ModelDataSource { get; init; }
    /// <summary>The Amazon Web Services Marketplace product ID of the model package. Length 0–256.</summary>
    public string? ProductId { get; init; }
    /// <summary>The environment variables to set in the Docker container. Entries 0–100.</summary>
    public Dictionary<string, string>? Environment { get; init; }
    /// <summary>A structure with Model Input details.</summary>
    public ModelInput? ModelInput { get; init; }
    /// <summary>The machine learning framework of the model package container image.</summary>
    public string? Framework { get; init; }
    /// <summary>The framework version of the Model Package Container Image. Length 3–10.</summary>
    public string? FrameworkVersion { get; init; }
    /// <summary>The name of a pre-trained machine learning benchmarked by Amazon SageMaker Inference Recommender model that matches your model.</summary>
    public string? NearestModelName { get; init; }
    /// <summary>Data sources that are available to your model in addition to the one that you specify for ModelDataSource when you use the CreateModelPackage action. Items 0–5.</summary>
    public List<AdditionalModelDataSource>? AdditionalModelDataSources { get; init; }
    /// <summary>The additional data source that is used during inference in the Docker container for your model package.</summary>
    public AdditionalS3DataSource? AdditionalS3DataSource { get; init; }
    /// <summary>The ETag associated with Model Data URL.</summary>
    public string? ModelDataETag { get; init; }
    /// <summary>Specifies whether the model data is a training checkpoint.</summary>
    public bool? IsCheckpoint { get; init; }
    /// <summary>Identifies the foundation model that was used as the starting point for model customization.</summary>
    public BaseModel? BaseModel { get; init; }
}

/// <summary>The model card associated with the model package.</summary>
public sealed record ModelPackageModelCard
{
    /// <summary>The content of the model card. Length 0–100000.</summary>
    public string? ModelCardContent { get; init; }
    /// <summary>The approval status of the model card within your organization. Values in <see cref="Detector.Operator.Aws.ModelCardStatus"/>.</summary>
    public string? ModelCardStatus { get; init; }
}

/// <summary>An optional Key Management Service key to encrypt, decrypt, and re-encrypt model package information for regulated workloads with highly sensitive data.</summary>
public sealed record ModelPackageSecurityConfig
{
    /// <summary>Required. The KMS Key ID (KMSKeyId) used for encryption of model package information. Length 0–2048.</summary>
    public required string KmsKeyId { get; init; }
}

/// <summary>Specifies the validation and image scan statuses of the model package.</summary>
public sealed record ModelPackageStatusDetails
{
    /// <summary>Required. The validation status of the model package.</summary>
    public required List<ModelPackageStatusItem> ValidationStatuses { get; init; }
    /// <summary>The status of the scan of the Docker image container for the model package.</summary>
    public List<ModelPackageStatusItem>? ImageScanStatuses { get; init; }
}

/// <summary>Represents the overall status of a model package.</summary>
public sealed record ModelPackageStatusItem
{
    /// <summary>Required. The name of the model package for which the overall status is being reported. Length 1–63.</summary>
    public required string Name { get; init; }
    /// <summary>Required. The current status. Values in <see cref="Detector.Operator.Aws.DetailedModelPackageStatus"/>.</summary>
    public required string Status { get; init; }
    /// <summary>if the overall status is Failed, the reason for the failure.</summary>
    public string? FailureReason { get; init; }
}
