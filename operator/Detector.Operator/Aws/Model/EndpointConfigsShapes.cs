// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Configuration specifying how to treat different headers.</summary>
public sealed record CaptureContentTypeHeader
{
    /// <summary>The list of all content type headers that Amazon SageMaker AI will treat as CSV and capture accordingly. Items 1–10.</summary>
    public List<string>? CsvContentTypes { get; init; }
    /// <summary>The list of all content type headers that SageMaker AI will treat as JSON and capture accordingly. Items 1–10.</summary>
    public List<string>? JsonContentTypes { get; init; }
}

/// <summary>Specifies data Model Monitor will capture.</summary>
public sealed record CaptureOption
{
    /// <summary>Required. Specify the boundary of data to capture. Values in <see cref="Detector.Operator.Aws.CaptureMode"/>.</summary>
    public required string CaptureMode { get; init; }
}

/// <summary>Configuration to control how SageMaker AI captures inference data.</summary>
public sealed record DataCaptureConfig
{
    /// <summary>Whether data capture should be enabled or disabled (defaults to enabled).</summary>
    public bool? EnableCapture { get; init; }
    /// <summary>Required. The percentage of requests SageMaker AI will capture. Range 0–100.</summary>
    public required int InitialSamplingPercentage { get; init; }
    /// <summary>Required. The Amazon S3 location used to capture the data. Length 0–512.</summary>
    public required string DestinationS3Uri { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of an Key Management Service key that SageMaker AI uses to encrypt the captured data at rest using Amazon S3 server-side encryption. Length 0–2048.</summary>
    public string? KmsKeyId { get; init; }
    /// <summary>Required. Specifies data Model Monitor will capture. Items 1–32.</summary>
    public required List<CaptureOption> CaptureOptions { get; init; }
    /// <summary>Configuration specifying how to treat different headers.</summary>
    public CaptureContentTypeHeader? CaptureContentTypeHeader { get; init; }
}

/// <summary>Specifies an instance type and its priority for a heterogeneous endpoint.</summary>
public sealed record InstancePool
{
    /// <summary>Required. The ML compute instance type for the instance pool. One of the ProductionVariantInstanceType values.</summary>
    public required string InstanceType { get; init; }
    /// <summary>The name of a SageMaker model to use for this instance pool instead of the model specified for the production variant. Length 0–63.</summary>
    public string? ModelNameOverride { get; init; }
    /// <summary>Required. The priority for the instance pool. Range 1–5.</summary>
    public required int Priority { get; init; }
}

/// <summary>Identifies a model that you want to host and the resources chosen to deploy for hosting it.</summary>
public sealed record ProductionVariant
{
    /// <summary>Required. The name of the production variant. Length 0–63.</summary>
    public required string VariantName { get; init; }
    /// <summary>The name of the model that you want to host. Length 0–63.</summary>
    public string? ModelName { get; init; }
    /// <summary>Number of instances to launch initially. Range at least 1.</summary>
    public int? InitialInstanceCount { get; init; }
    /// <summary>The ML compute instance type. One of the ProductionVariantInstanceType values.</summary>
    public string? InstanceType { get; init; }
    /// <summary>A list of instance pools for the production variant. Items 1–5.</summary>
    public List<InstancePool>? InstancePools { get; init; }
    /// <summary>The timeout value, in seconds, for provisioning instances for the production variant. Range 300–3600.</summary>
    public int? VariantInstanceProvisionTimeoutInSeconds { get; init; }
    /// <summary>Determines initial traffic distribution among all of the models that you specify in the endpoint configuration. Range at least 0.</summary>
    public double? InitialVariantWeight { get; init; }
    /// <summary>This parameter is no longer supported. Values in <see cref="Detector.Operator.Aws.ProductionVariantAcceleratorType"/>.</summary>
    public string? AcceleratorType { get; init; }
    /// <summary>Specifies configuration for a core dump from the model container when the process crashes.</summary>
    public ProductionVariantCoreDumpConfig? CoreDumpConfig { get; init; }
    /// <summary>The serverless configuration for an endpoint.</summary>
    public ProductionVariantServerlessConfig? ServerlessConfig { get; init; }
    /// <summary>The size, in GB, of the ML storage volume attached to individual inference instance associated with the production variant. Range 1–512.</summary>
    public int? VolumeSizeInGB { get; init; }
    /// <summary>The timeout value, in seconds, to download and extract the model that you want to host from Amazon S3 to the individual inference instance associated with this production variant. Range 60–3600.</summary>
    public int? ModelDataDownloadTimeoutInSeconds { get; init; }
    /// <summary>The timeout value, in seconds, for your inference container to pass health check by SageMaker Hosting. Range 60–3600.</summary>
    public int? ContainerStartupHealthCheckTimeoutInSeconds { get; init; }
    /// <summary>You can use this parameter to turn on native Amazon Web Services Systems Manager (SSM) access for a production variant behind an endpoint.</summary>
    public bool? EnableSSMAccess { get; init; }
    /// <summary>Settings that control the range in the number of instances that the endpoint provisions as it scales up or down to accommodate traffic.</summary>
    public ProductionVariantManagedInstanceScaling? ManagedInstanceScaling { get; init; }
    /// <summary>Settings that control how the endpoint routes incoming traffic to the instances that the endpoint hosts.</summary>
    public ProductionVariantRoutingConfig? RoutingConfig { get; init; }
    /// <summary>Specifies an option from a collection of preconfigured Amazon Machine Image (AMI) images. Values in <see cref="Detector.Operator.Aws.ProductionVariantInferenceAmiVersion"/>.</summary>
    public string? InferenceAmiVersion { get; init; }
    /// <summary>Settings for the capacity reservation for the compute instances that SageMaker AI reserves for an endpoint.</summary>
    public ProductionVariantCapacityReservationConfig? CapacityReservationConfig { get; init; }
}

/// <summary>Settings for the capacity reservation for the compute instances that SageMaker AI reserves for an endpoint.</summary>
public sealed record ProductionVariantCapacityReservationConfig
{
    /// <summary>Options that you can choose for the capacity reservation. Values in <see cref="Detector.Operator.Aws.CapacityReservationPreference"/>.</summary>
    public string? CapacityReservationPreference { get; init; }
    /// <summary>The Amazon Resource Name (ARN) that uniquely identifies the ML capacity reservation that SageMaker AI applies when it deploys the endpoint. Length 20–258.</summary>
    public string? MlReservationArn { get; init; }
}

/// <summary>Specifies configuration for a core dump from the model container when the process crashes.</summary>
public sealed record ProductionVariantCoreDumpConfig
{
    /// <summary>Required. The Amazon S3 bucket to send the core dump to. Length 0–512.</summary>
    public required string DestinationS3Uri { get; init; }
    /// <summary>The Amazon Web Services Key Management Service (Amazon Web Services KMS) key that SageMaker uses to encrypt the core dump data at rest using Amazon S3 server-side encryption. Length 0–2048.</summary>
    public string? KmsKeyId { get; init; }
}
