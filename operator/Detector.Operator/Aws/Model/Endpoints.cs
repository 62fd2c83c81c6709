// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Request of CreateEndpoint: creates an endpoint using the endpoint configuration specified in the request.</summary>
public sealed record CreateEndpointRequest
{
    /// <summary>Required. The name of the endpoint.The name must be unique within an Amazon Web Services Region in your Amazon Web Services account. Length 0–63.</summary>
    public required string EndpointName { get; init; }
    /// <summary>Required. The name of an endpoint configuration. Length 0–63.</summary>
    public required string EndpointConfigName { get; init; }
    /// <summary>The deployment configuration for an endpoint, which contains the desired deployment strategy and rollback configurations.</summary>
    public DeploymentConfig? DeploymentConfig { get; init; }
    /// <summary>An array of key-value pairs. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
}

/// <summary>Response of CreateEndpoint.</summary>
public sealed record CreateEndpointResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the endpoint. Length 20–2048.</summary>
    public required string EndpointArn { get; init; }
}

/// <summary>Request of DescribeEndpoint: returns the description of an endpoint.</summary>
public sealed record DescribeEndpointRequest
{
    /// <summary>Required. The name of the endpoint. Length 0–63.</summary>
    public required string EndpointName { get; init; }
}

/// <summary>Response of DescribeEndpoint.</summary>
public sealed record DescribeEndpointResponse
{
    /// <summary>Required. Name of the endpoint. Length 0–63.</summary>
    public required string EndpointName { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the endpoint. Length 20–2048.</summary>
    public required string EndpointArn { get; init; }
    /// <summary>The name of the endpoint configuration associated with this endpoint. Length 0–63.</summary>
    public string? EndpointConfigName { get; init; }
    /// <summary>An array of ProductionVariantSummary objects, one for each model hosted behind this endpoint. Items at least 1.</summary>
    public List<ProductionVariantSummary>? ProductionVariants { get; init; }
    /// <summary>The currently active data capture configuration used by your Endpoint.</summary>
    public DataCaptureConfigSummary? DataCaptureConfig { get; init; }
    /// <summary>Required. The status of the endpoint. Values in <see cref="Detector.Operator.Aws.EndpointStatus"/>.</summary>
    public required string EndpointStatus { get; init; }
    /// <summary>If the status of the endpoint is Failed, the reason why it failed. Length 0–1024.</summary>
    public string? FailureReason { get; init; }
    /// <summary>Required. A timestamp that shows when the endpoint was created.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>Required. A timestamp that shows when the endpoint was last modified.</summary>
    public required DateTimeOffset LastModifiedTime { get; init; }
    /// <summary>The most recent deployment configuration for the endpoint.</summary>
    public DeploymentConfig? LastDeploymentConfig { get; init; }
    /// <summary>Returns the description of an endpoint configuration created using the CreateEndpointConfig API.</summary>
    public AsyncInferenceConfig? AsyncInferenceConfig { get; init; }
    /// <summary>Returns the summary of an in-progress deployment.</summary>
    public PendingDeploymentSummary? PendingDeploymentSummary { get; init; }
    /// <summary>The configuration parameters for an explainer.</summary>
    public ExplainerConfig? ExplainerConfig { get; init; }
    /// <summary>An array of ProductionVariantSummary objects, one for each model that you want to host at this endpoint in shadow mode with production traffic replicated from the model specified on ProductionVariants. Items at least 1.</summary>
    public List<ProductionVariantSummary>? ShadowProductionVariants { get; init; }
    /// <summary>The configuration parameters for utilization metrics.</summary>
    public MetricsConfig? MetricsConfig { get; init; }
}

/// <summary>Request of UpdateEndpoint: deploys the EndpointConfig specified in the request to a new fleet of instances.</summary>
public sealed record UpdateEndpointRequest
{
    /// <summary>Required. The name of the endpoint whose configuration you want to update. Length 0–63.</summary>
    public required string EndpointName { get; init; }
    /// <summary>Required. The name of the new endpoint configuration. Length 0–63.</summary>
    public required string EndpointConfigName { get; init; }
    /// <summary>When updating endpoint resources, enables or disables the retention of variant properties, such as the instance count or the variant weight.</summary>
    public bool? RetainAllVariantProperties { get; init; }
    /// <summary>When you are updating endpoint resources with RetainAllVariantProperties, whose value is set to true, ExcludeRetainedVariantProperties specifies the list of type VariantProperty to override with the values provided by... Items 0–3.</summary>
    public List<VariantProperty>? ExcludeRetainedVariantProperties { get; init; }
    /// <summary>The deployment configuration for an endpoint, which contains the desired deployment strategy and rollback configurations.</summary>
    public DeploymentConfig? DeploymentConfig { get; init; }
    /// <summary>Specifies whether to reuse the last deployment configuration.</summary>
    public bool? RetainDeploymentConfig { get; init; }
}

/// <summary>Response of UpdateEndpoint.</summary>
public sealed record UpdateEndpointResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the endpoint. Length 20–2048.</summary>
    public required string EndpointArn { get; init; }
}

/// <summary>
/// Request of UpdateEndpointWeightsAndCapacities: changes a variant's weight or instance count in place (the endpoint
/// is Updating meanwhile, then InService; no new fleet).
/// </summary>
public sealed record UpdateEndpointWeightsAndCapacitiesRequest
{
    /// <summary>Required. The name of an existing SageMaker endpoint. Length 0–63.</summary>
    public required string EndpointName { get; init; }
    /// <summary>Required. An object that provides new capacity and weight values for a variant. Items at least 1.</summary>
    public required List<DesiredWeightAndCapacity> DesiredWeightsAndCapacities { get; init; }
}

/// <summary>Response of UpdateEndpointWeightsAndCapacities.</summary>
public sealed record UpdateEndpointWeightsAndCapacitiesResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the updated endpoint. Length 20–2048.</summary>
    public required string EndpointArn { get; init; }
}

/// <summary>Request of DeleteEndpoint: deletes an endpoint.</summary>
public sealed record DeleteEndpointRequest
{
    /// <summary>Required. The name of the endpoint that you want to delete. Length 0–63.</summary>
    public required string EndpointName { get; init; }
}

/// <summary>Response of DeleteEndpoint (the operation returns no members).</summary>
public sealed record DeleteEndpointResponse;
