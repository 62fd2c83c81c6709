// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Update policy for a blue/green deployment.</summary>
public sealed record BlueGreenUpdatePolicy
{
    /// <summary>Required. Defines the traffic routing strategy to shift traffic from the old fleet to the new fleet during an endpoint deployment.</summary>
    public required TrafficRoutingConfig TrafficRoutingConfiguration { get; init; }
    /// <summary>Additional waiting time in seconds after the completion of an endpoint deployment before terminating the old endpoint fleet. Range 0–3600.</summary>
    public int? TerminationWaitInSeconds { get; init; }
    /// <summary>Maximum execution timeout for the deployment. Range 600–28800.</summary>
    public int? MaximumExecutionTimeoutInSeconds { get; init; }
}

/// <summary>Specifies the type and size of the endpoint capacity to activate for a blue/green deployment, a rolling deployment, or a rollback strategy.</summary>
public sealed record CapacitySize
{
    /// <summary>Required. Specifies the endpoint capacity type. Values in <see cref="Detector.Operator.Aws.CapacitySizeType"/>.</summary>
    public required string Type { get; init; }
    /// <summary>Required. Defines the capacity size, either as a number of instances or a capacity percentage. Range at least 1.</summary>
    public required int Value { get; init; }
}

/// <summary>The currently active data capture configuration used by your Endpoint.</summary>
public sealed record DataCaptureConfigSummary
{
    /// <summary>Required. Whether data capture is enabled or disabled.</summary>
    public required bool EnableCapture { get; init; }
    /// <summary>Required. Whether data capture is currently functional. Values in <see cref="Detector.Operator.Aws.CaptureStatus"/>.</summary>
    public required string CaptureStatus { get; init; }
    /// <summary>Required. The percentage of requests being captured by your Endpoint. Range 0–100.</summary>
    public required int CurrentSamplingPercentage { get; init; }
    /// <summary>Required. The Amazon S3 location being used to capture the data. Length 0–512.</summary>
    public required string DestinationS3Uri { get; init; }
    /// <summary>Required. The KMS key being used to encrypt the data in Amazon S3. Length 0–2048.</summary>
    public required string KmsKeyId { get; init; }
}

/// <summary>The deployment configuration for an endpoint, which contains the desired deployment strategy and rollback configurations.</summary>
public sealed record DeploymentConfig
{
    /// <summary>Update policy for a blue/green deployment.</summary>
    public BlueGreenUpdatePolicy? BlueGreenUpdatePolicy { get; init; }
    /// <summary>Specifies a rolling deployment strategy for updating a SageMaker endpoint.</summary>
    public RollingUpdatePolicy? RollingUpdatePolicy { get; init; }
    /// <summary>Automatic rollback configuration for handling endpoint deployment failures and recovery.</summary>
    public AutoRollbackConfig? AutoRollbackConfiguration { get; init; }
}

/// <summary>The EC2 capacity reservations that are shared to an ML capacity reservation.</summary>
public sealed record Ec2CapacityReservation
{
    /// <summary>The unique identifier for an EC2 capacity reservation that's part of the ML capacity reservation.</summary>
    public string? Ec2CapacityReservationId { get; init; }
    /// <summary>The number of instances that you allocated to the EC2 capacity reservation. Range at least 0.</summary>
    public int? TotalInstanceCount { get; init; }
    /// <summary>The number of instances that are currently available in the EC2 capacity reservation. Range at least 0.</summary>
    public int? AvailableInstanceCount { get; init; }
    /// <summary>The number of instances from the EC2 capacity reservation that are being used by the endpoint. Range at least 0.</summary>
    public int? UsedByCurrentEndpoint { get; init; }
}

/// <summary>A summary of an instance pool for a production variant, including the instance type and the current number of instances.</summary>
public sealed record InstancePoolSummary
{
    /// <summary>Required. The ML compute instance type for the instance pool. One of the ProductionVariantInstanceType values.</summary>
    public required string InstanceType { get; init; }
    /// <summary>Required. The current number of instances of this type in the instance pool. Range at least 0.</summary>
    public required int CurrentInstanceCount { get; init; }
}

/// <summary>The summary of an in-progress deployment when an endpoint is creating or updating with a new endpoint configuration.</summary>
public sealed record PendingDeploymentSummary
{
    /// <summary>Required. The name of the endpoint configuration used in the deployment. Length 0–63.</summary>
    public required string EndpointConfigName { get; init; }
    /// <summary>An array of PendingProductionVariantSummary objects, one for each model hosted behind this endpoint for the in-progress deployment. Items at least 1.</summary>
    public List<PendingProductionVariantSummary>? ProductionVariants { get; init; }
    /// <summary>The start time of the deployment.</summary>
    public DateTimeOffset? StartTime { get; init; }
    /// <summary>An array of PendingProductionVariantSummary objects, one for each model hosted behind this endpoint in shadow mode with production traffic replicated from the model specified on ProductionVariants for the in-progress... Items at least 1.</summary>
    public List<PendingProductionVariantSummary>? ShadowProductionVariants { get; init; }
}

/// <summary>Specifies weight and capacity values for a production variant.</summary>
public sealed record DesiredWeightAndCapacity
{
    /// <summary>Required. The name of the variant to update. Length 0–63.</summary>
    public required string VariantName { get; init; }
    /// <summary>The variant's weight. Range at least 0.</summary>
    public double? DesiredWeight { get; init; }
    /// <summary>The variant's capacity. Range at least 0.</summary>
    public int? DesiredInstanceCount { get; init; }
    /// <summary>Specifies the serverless update concurrency configuration for an endpoint variant.</summary>
    public ProductionVariantServerlessUpdateConfig? ServerlessUpdateConfig { get; init; }
}

/// <summary>Specifies the serverless update concurrency configuration for an endpoint variant.</summary>
public sealed record ProductionVariantServerlessUpdateConfig
{
    /// <summary>The updated maximum number of concurrent invocations your serverless endpoint can process. Range 1–200.</summary>
    public int? MaxConcurrency { get; init; }
    /// <summary>The updated amount of provisioned concurrency to allocate for the serverless endpoint. Range 1–200.</summary>
    public int? ProvisionedConcurrency { get; init; }
}

/// <summary>The production variant summary for a deployment when an endpoint is creating or updating with the CreateEndpoint or UpdateEndpoint operations.</summary>
public sealed record PendingProductionVariantSummary
{
    /// <summary>Required. The name of the variant. Length 0–63.</summary>
    public required string VariantName { get; init; }
    /// <summary>An array of DeployedImage objects that specify the Amazon EC2 Container Registry paths of the inference images deployed on instances of this ProductionVariant.</summary>
    public List<DeployedImage>? DeployedImages { get; init; }
    /// <summary>The weight associated with the variant. Range at least 0.</summary>
    public double? CurrentWeight { get; init; }
    /// <summary>The requested weight for the variant in this deployment, as specified in the endpoint configuration for the endpoint. Range at least 0.</summary>
    public double? DesiredWeight { get; init; }
    /// <summary>The number of instances associated with the variant. Range at least 0.</summary>
    public int? CurrentInstanceCount { get; init; }
    /// <summary>The number of instances requested in this deployment, as specified in the endpoint configuration for the endpoint. Range at least 0.</summary>
    public int? DesiredInstanceCount { get; init; }
    /// <summary>The type of instances associated with the variant. One of the ProductionVariantInstanceType values.</summary>
    public string? InstanceType { get; init; }
    /// <summary>A list of instance pools for the production variant. Items at least 1.</summary>
    public List<InstancePoolSummary>? InstancePools { get; init; }
    /// <summary>This parameter is no longer supported. Values in <see cref="Detector.Operator.Aws.ProductionVariantAcceleratorType"/>.</summary>
    public string? AcceleratorType { get; init; }
    /// <summary>The endpoint variant status which describes the current deployment stage status or operational status. Items 0–5.</summary>
    public List<ProductionVariantStatus>? VariantStatus { get; init; }
    /// <summary>The serverless configuration for the endpoint.</summary>
    public ProductionVariantServerlessConfig? CurrentServerlessConfig { get; init; }
    /// <summary>The serverless configuration requested for this deployment, as specified in the endpoint configuration for the endpoint.</summary>
    public ProductionVariantServerlessConfig? DesiredServerlessConfig { get; init; }
    /// <summary>Settings that control the range in the number of instances that the endpoint provisions as it scales up or down to accommodate traffic.</summary>
    public ProductionVariantManagedInstanceScaling? ManagedInstanceScaling { get; init; }
    /// <summary>Settings that control how the endpoint routes incoming traffic to the instances that the endpoint hosts.</summary>
    public ProductionVariantRoutingConfig? RoutingConfig { get; init; }
}

/// <summary>Details about an ML capacity reservation.</summary>
public sealed record ProductionVariantCapacityReservationSummary
{
    /// <summary>The Amazon Resource Name (ARN) that uniquely identifies the ML capacity reservation that SageMaker AI applies when it deploys the endpoint. Length 20–258.</summary>
    public string? MlReservationArn { get; init; }
    /// <summary>The option that you chose for the capacity reservation. Values in <see cref="Detector.Operator.Aws.CapacityReservationPreference"/>.</summary>
    public string? CapacityReservationPreference { get; init; }
    /// <summary>The number of instances that you allocated to the ML capacity reservation. Range at least 0.</summary>
    public int? TotalInstanceCount { get; init; }
    /// <summary>The number of instances that are currently available in the ML capacity reservation. Range at least 0.</summary>
    public int? AvailableInstanceCount { get; init; }
    /// <summary>The number of instances from the ML capacity reservation that are being used by the endpoint. Range at least 0.</summary>
    public int? UsedByCurrentEndpoint { get; init; }
    /// <summary>The EC2 capacity reservations that are shared to this ML capacity reservation, if any.</summary>
    public List<Ec2CapacityReservation>? Ec2CapacityReservations { get; init; }
}

/// <summary>Describes the status of the production variant.</summary>
public sealed record ProductionVariantStatus
{
    /// <summary>Required. The endpoint variant status which describes the current deployment stage status or operational status. Values in <see cref="Detector.Operator.Aws.VariantStatus"/>.</summary>
    public required string Status { get; init; }
    /// <summary>A message that describes the status of the production variant. Length 0–1024.</summary>
    public string? StatusMessage { get; init; }
    /// <summary>The start time of the current status change.</summary>
    public DateTimeOffset? StartTime { get; init; }
}

/// <summary>Describes weight and capacities for a production variant associated with an endpoint.</summary>
public sealed record ProductionVariantSummary
{
    /// <summary>Required. The name of the variant. Length 0–63.</summary>
    public required string VariantName { get; init; }
    /// <summary>An array of DeployedImage objects that specify the Amazon EC2 Container Registry paths of the inference images deployed on instances of this ProductionVariant.</summary>
    public List<DeployedImage>? DeployedImages { get; init; }
    /// <summary>The weight associated with the variant. Range at least 0.</summary>
    public double? CurrentWeight { get; init; }
    /// <summary>The requested weight, as specified in the UpdateEndpointWeightsAndCapacities request. Range at least 0.</summary>
    public double? DesiredWeight { get; init; }
    /// <summary>The number of instances associated with the variant. Range at least 0.</summary>
    public int? CurrentInstanceCount { get; init; }
    /// <summary>The number of instances requested in the UpdateEndpointWeightsAndCapacities request. Range at least 0.</summary>
    public int? DesiredInstanceCount { get; init; }
    /// <summary>A list of instance pools for the production variant. Items at least 1.</summary>
    public List<InstancePoolSummary>? InstancePools { get; init; }
    /// <summary>The endpoint variant status which describes the current deployment stage status or operational status. Items 0–5.</summary>
    public List<ProductionVariantStatus>? VariantStatus { get; init; }
    /// <summary>The serverless configuration for the endpoint.</summary>
    public ProductionVariantServerlessConfig? CurrentServerlessConfig { get; init; }
    /// <summary>The serverless configuration requested for the endpoint update.</summary>
    public ProductionVariantServerlessConfig? DesiredServerlessConfig { get; init; }
    /// <summary>Settings that control the range in the number of instances that the endpoint provisions as it scales up or down to accommodate traffic.</summary>
    public ProductionVariantManagedInstanceScaling? ManagedInstanceScaling { get; init; }
    /// <summary>Settings that control how the endpoint routes incoming traffic to the instances that the endpoint hosts.</summary>
    public ProductionVariantRoutingConfig? RoutingConfig { get; init; }
    /// <summary>Settings for the capacity reservation for the compute instances that SageMaker AI reserves for an endpoint.</summary>
    public ProductionVariantCapacityReservationSummary? CapacityReservationConfig { get; init; }
}

/// <summary>Specifies a rolling deployment strategy for updating a SageMaker endpoint.</summary>
public sealed record RollingUpdatePolicy
{
    /// <summary>Required. Batch size for each rolling step to provision capacity and turn on traffic on the new endpoint fleet, and terminate capacity on the old endpoint fleet.</summary>
    public required CapacitySize MaximumBatchSize { get; init; }
    /// <summary>Required. The length of the baking period, during which SageMaker monitors alarms for each batch on the new fleet. Range 0–3600.</summary>
    public required int WaitIntervalInSeconds { get; init; }
    /// <summary>The time limit for the total deployment. Range 600–28800.</summary>
    public int? MaximumExecutionTimeoutInSeconds { get; init; }
    /// <summary>Batch size for rollback to the old endpoint fleet.</summary>
    public CapacitySize? RollbackMaximumBatchSize { get; init; }
}

/// <summary>Defines the traffic routing strategy during an endpoint deployment to shift traffic from the old fleet to the new fleet.</summary>
public sealed record TrafficRoutingConfig
{
    /// <summary>Required. Traffic routing strategy type. Values in <see cref="Detector.Operator.Aws.TrafficRoutingConfigType"/>.</summary>
    public required string Type { get; init; }
    /// <summary>Required. The waiting time (in seconds) between incremental steps to turn on traffic on the new endpoint fleet. Range 0–3600.</summary>
    public required int WaitIntervalInSeconds { get; init; }
    /// <summary>Batch size for the first step to turn on traffic on the new endpoint fleet.</summary>
    public CapacitySize? CanarySize { get; init; }
    /// <summary>Batch size for each step to turn on traffic on the new endpoint fleet.</summary>
    public CapacitySize? LinearStepSize { get; init; }
}

/// <summary>Specifies a production variant property type for an Endpoint.</summary>
public sealed record VariantProperty
{
    /// <summary>Required. The type of variant property. Values in <see cref="Detector.Operator.Aws.VariantPropertyType"/>.</summary>
    public required string VariantPropertyType { get; init; }
}
