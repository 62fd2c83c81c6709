// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Configuration for balancing inference component copies across Availability Zones.</summary>
public sealed record InferenceComponentAvailabilityZoneBalance
{
    /// <summary>Required. Determines how strictly the Availability Zone balance constraint is enforced. Values in <see cref="Detector.Operator.Aws.AvailabilityZoneBalanceEnforcementMode"/>.</summary>
    public required string EnforcementMode { get; init; }
    /// <summary>The maximum allowed difference in the number of inference component copies between any two Availability Zones. Range 0–100.</summary>
    public int? MaxImbalance { get; init; }
}

/// <summary>Specifies the type and size of the endpoint capacity to activate for a rolling deployment or a rollback strategy.</summary>
public sealed record InferenceComponentCapacitySize
{
    /// <summary>Required. Specifies the endpoint capacity type. Values in <see cref="Detector.Operator.Aws.InferenceComponentCapacitySizeType"/>.</summary>
    public required string Type { get; init; }
    /// <summary>Required. Defines the capacity size, either as a number of inference component copies or a capacity percentage. Range at least 1.</summary>
    public required int Value { get; init; }
}

/// <summary>Defines the compute resources to allocate to run a model, plus any adapter models, that you assign to an inference component.</summary>
public sealed record InferenceComponentComputeResourceRequirements
{
    /// <summary>The number of CPU cores to allocate to run a model that you assign to an inference component. Range at least 0.25.</summary>
    public double? NumberOfCpuCoresRequired { get; init; }
    /// <summary>The number of accelerators to allocate to run a model that you assign to an inference component. Range at least 1.</summary>
    public double? NumberOfAcceleratorDevicesRequired { get; init; }
    /// <summary>Required. The minimum MB of memory to allocate to run a model that you assign to an inference component. Range at least 128.</summary>
    public required int MinMemoryRequiredInMb { get; init; }
    /// <summary>The maximum MB of memory to allocate to run a model that you assign to an inference component. Range at least 128.</summary>
    public int? MaxMemoryRequiredInMb { get; init; }
}

/// <summary>Defines a container that provides the runtime environment for a model that you deploy with an inference component.</summary>
public sealed record InferenceComponentContainerSpecification
{
    /// <summary>The Amazon Elastic Container Registry (Amazon ECR) path where the Docker image for the model is stored. Length 0–255.</summary>
    public string? Image { get; init; }
    /// <summary>The Amazon S3 path where the model artifacts, which result from model training, are stored. Length 0–1024.</summary>
    public string? ArtifactUrl { get; init; }
    /// <summary>The environment variables to set in the Docker container. Entries 0–100.</summary>
    public Dictionary<string, string>? Environment { get; init; }
    /// <summary>The configuration for container metrics scraping.</summary>
    public ContainerMetricsConfig? ContainerMetricsConfig { get; init; }
}

/// <summary>Details about the resources that are deployed with this inference component.</summary>
public sealed record InferenceComponentContainerSpecificationSummary
{
    /// <summary>Gets the Amazon EC2 Container Registry path of the docker image of the model that is hosted in this ProductionVariant.</summary>
    public DeployedImage? DeployedImage { get; init; }
    /// <summary>The Amazon S3 path where the model artifacts are stored. Length 0–1024.</summary>
    public string? ArtifactUrl { get; init; }
    /// <summary>The environment variables to set in the Docker container. Entries 0–100.</summary>
    public Dictionary<string, string>? Environment { get; init; }
    /// <summary>The container metrics scraping configuration for this inference component, including the metrics endpoint path and publishing frequency.</summary>
    public ContainerMetricsConfig? ContainerMetricsConfig { get; init; }
}

/// <summary>Settings that affect how the inference component caches data.</summary>
public sealed record InferenceComponentDataCacheConfig
{
    /// <summary>Required. Sets whether the endpoint that hosts the inference component caches the model artifacts and container image.</summary>
    public required bool EnableCaching { get; init; }
}

/// <summary>Settings that affect how the inference component caches data.</summary>
public sealed record InferenceComponentDataCacheConfigSummary
{
    /// <summary>Required. Indicates whether the inference component caches model artifacts as part of the auto scaling process.</summary>
    public required bool EnableCaching { get; init; }
}

/// <summary>The deployment configuration for an endpoint that hosts inference components.</summary>
public sealed record InferenceComponentDeploymentConfig
{
    /// <summary>Required. Specifies a rolling deployment strategy for updating a SageMaker AI endpoint.</summary>
    public required InferenceComponentRollingUpdatePolicy RollingUpdatePolicy { get; init; }
    /// <summary>Automatic rollback configuration for handling endpoint deployment failures and recovery.</summary>
    public AutoRollbackConfig? AutoRollbackConfiguration { get; init; }
}

/// <summary>The placement status of an inference component on a specific instance type.</summary>
public sealed record InferenceComponentPlacementStatus
{
    /// <summary>Required. The ML compute instance type where the inference component copies are placed. One of the ProductionVariantInstanceType values.</summary>
    public required string InstanceType { get; init; }
    /// <summary>Required. The number of inference component copies currently placed on instances of this type. Range at least 0.</summary>
    public required int CurrentCopyCount { get; init; }
}

/// <summary>Specifies a rolling deployment strategy for updating a SageMaker AI inference component.</summary>
public sealed record InferenceComponentRollingUpdatePolicy
{
    /// <summary>Required. The batch size for each rolling step in the deployment process.</summary>
    public required InferenceComponentCapacitySize MaximumBatchSize { get; init; }
    /// <summary>Required. The length of the baking period, during which SageMaker AI monitors alarms for each batch on the new fleet. Range 0–3600.</summary>
    public required int WaitIntervalInSeconds { get; init; }
    /// <summary>The time limit for the total deployment. Range 600–28800.</summary>
    public int? MaximumExecutionTimeoutInSeconds { get; init; }
    /// <summary>The batch size for a rollback to the old endpoint fleet.</summary>
    public InferenceComponentCapacitySize? RollbackMaximumBatchSize { get; init; }
}

/// <summary>Runtime settings for a model that is deployed with an inference component.</summary>
public sealed record InferenceComponentRuntimeConfig
{
    /// <summary>Required. The number of runtime copies of the model container to deploy with the inference component. Range at least 0.</summary>
    public required int CopyCount { get; init; }
}

/// <summary>Details about the runtime settings for the model that is deployed with the inference component.</summary>
public sealed record InferenceComponentRuntimeConfigSummary
{
    /// <summary>The number of runtime copies of the model container that you requested to deploy with the inference component. Range at least 0.</summary>
    public int? DesiredCopyCount { get; init; }
    /// <summary>The number of runtime copies of the model container that are currently deployed. Range at least 0.</summary>
    public int? CurrentCopyCount { get; init; }
    /// <summary>The placement status of the inference component across instance types. Items at least 1.</summary>
    public List<InferenceComponentPlacementStatus>? PlacementStatus { get; init; }
}

/// <summary>The scheduling configuration that determines how inference component copies are placed across available instances when copies are added or removed.</summary>
public sealed record InferenceComponentSchedulingConfig
{
    /// <summary>Required. The strategy for placing inference component copies across available instances. Values in <see cref="Detector.Operator.Aws.InferenceComponentPlacementStrategy"/>.</summary>
    public required string PlacementStrategy { get; init; }
    /// <summary>Configuration for balancing inference component copies across Availability Zones.</summary>
    public InferenceComponentAvailabilityZoneBalance? AvailabilityZoneBalance { get; init; }
}

/// <summary>Details about the resources to deploy with this inference component, including the model, container, and compute resources.</summary>
public sealed record InferenceComponentSpecification
{
    /// <summary>The ML compute instance type for the inference component specification. One of the ProductionVariantInstanceType values.</summary>
    public string? InstanceType { get; init; }
    /// <summary>The name of an existing SageMaker AI model object in your account that you want to deploy with the inference component. Length 0–63.</summary>
    public string? ModelName { get; init; }
    /// <summary>Defines a container that provides the runtime environment for a model that you deploy with an inference component.</summary>
    public InferenceComponentContainerSpecification? Container { get; init; }
    /// <summary>Settings that take effect while the model container starts up.</summary>
    public InferenceComponentStartupParameters? StartupParameters { get; init; }
    /// <summary>The compute resources allocated to run the model, plus any adapter models, that you assign to the inference component.</summary>
    public InferenceComponentComputeResourceRequirements? ComputeResourceRequirements { get; init; }
    /// <summary>The name of an existing inference component that is to contain the inference component that you're creating with your request. Length 0–63.</summary>
    public string? BaseInferenceComponentName { get; init; }
    /// <summary>Settings that affect how the inference component caches data.</summary>
    public InferenceComponentDataCacheConfig? DataCacheConfig { get; init; }
    /// <summary>The scheduling configuration that determines how inference component copies are placed across available instances when copies are added or removed.</summary>
    public InferenceComponentSchedulingConfig? SchedulingConfig { get; init; }
}

/// <summary>Details about the resources that are deployed with this inference component.</summary>
public sealed record InferenceComponentSpecificationSummary
{
    /// <summary>The ML compute instance type associated with this inference component specification. One of the ProductionVariantInstanceType values.</summary>
    public string? InstanceType { get; init; }
    /// <summary>The name of the SageMaker AI model object that is deployed with the inference component. Length 0–63.</summary>
    public string? ModelName { get; init; }
    /// <summary>Details about the container that provides the runtime environment for the model that is deployed with the inference component.</summary>
    public InferenceComponentContainerSpecificationSummary? Container { get; init; }
    /// <summary>Settings that take effect while the model container starts up.</summary>
    public InferenceComponentStartupParameters? StartupParameters { get; init; }
    /// <summary>The compute resources allocated to run the model, plus any adapter models, that you assign to the inference component.</summary>
    public InferenceComponentComputeResourceRequirements? ComputeResourceRequirements { get; init; }
    /// <summary>The name of the base inference component that contains this inference component. Length 0–63.</summary>
    public string? BaseInferenceComponentName { get; init; }
    /// <summary>Settings that affect how the inference component caches data.</summary>
    public InferenceComponentDataCacheConfigSummary? DataCacheConfig { get; init; }
    /// <summary>The scheduling configuration that determines how inference component copies are placed across available instances when copies are added or removed.</summary>
    public InferenceComponentSchedulingConfig? SchedulingConfig { get; init; }
}

/// <summary>Settings that take effect while the model container starts up.</summary>
public sealed record InferenceComponentStartupParameters
{
    /// <summary>The timeout value, in seconds, to download and extract the model that you want to host from Amazon S3 to the individual inference instance associated with this inference component. Range 60–3600.</summary>
    public int? ModelDataDownloadTimeoutInSeconds { get; init; }
    /// <summary>The timeout value, in seconds, for your inference container to pass health check by Amazon S3 Hosting. Range 60–3600.</summary>
    public int? ContainerStartupHealthCheckTimeoutInSeconds { get; init; }
}
