// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Request of CreateEndpointConfig: creates an endpoint configuration that SageMaker hosting services uses to deploy models.</summary>
public sealed record CreateEndpointConfigRequest
{
    /// <summary>Required. The name of the endpoint configuration. Length 0–63.</summary>
    public required string EndpointConfigName { get; init; }
    /// <summary>Required. An array of ProductionVariant objects, one for each model that you want to host at this endpoint. Items 1–10.</summary>
    public required List<ProductionVariant> ProductionVariants { get; init; }
    /// <summary>Configuration to control how SageMaker AI captures inference data.</summary>
    public DataCaptureConfig? DataCaptureConfig { get; init; }
    /// <summary>An array of key-value pairs. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of a Amazon Web Services Key Management Service key that SageMaker uses to encrypt data on the storage volume attached to the ML compute instance that hosts the endpoint. Length 0–2048.</summary>
    public string? KmsKeyId { get; init; }
    /// <summary>Specifies configuration for how an endpoint performs asynchronous inference.</summary>
    public AsyncInferenceConfig? AsyncInferenceConfig { get; init; }
    /// <summary>A member of CreateEndpointConfig that enables explainers.</summary>
    public ExplainerConfig? ExplainerConfig { get; init; }
    /// <summary>An array of ProductionVariant objects, one for each model that you want to host at this endpoint in shadow mode with production traffic replicated from the model specified on ProductionVariants. Items 1–10.</summary>
    public List<ProductionVariant>? ShadowProductionVariants { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of an IAM role that Amazon SageMaker AI can assume to perform actions on your behalf. Length 20–2048.</summary>
    public string? ExecutionRoleArn { get; init; }
    /// <summary>Specifies an Amazon Virtual Private Cloud (VPC) that your SageMaker jobs, hosted models, and compute resources have access to.</summary>
    public VpcConfig? VpcConfig { get; init; }
    /// <summary>Sets whether all model containers deployed to the endpoint are isolated.</summary>
    public bool? EnableNetworkIsolation { get; init; }
    /// <summary>The configuration parameters for utilization metrics.</summary>
    public MetricsConfig? MetricsConfig { get; init; }
}

/// <summary>Response of CreateEndpointConfig.</summary>
public sealed record CreateEndpointConfigResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the endpoint configuration. Length 20–2048.</summary>
    public required string EndpointConfigArn { get; init; }
}

/// <summary>Request of DescribeEndpointConfig: returns the description of an endpoint configuration created using the CreateEndpointConfig API.</summary>
public sealed record DescribeEndpointConfigRequest
{
    /// <summary>Required. The name of the endpoint configuration. Length 0–63.</summary>
    public required string EndpointConfigName { get; init; }
}

/// <summary>Response of DescribeEndpointConfig.</summary>
public sealed record DescribeEndpointConfigResponse
{
    /// <summary>Required. Name of the SageMaker endpoint configuration. Length 0–63.</summary>
    public required string EndpointConfigName { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the endpoint configuration. Length 20–2048.</summary>
    public required string EndpointConfigArn { get; init; }
    /// <summary>Required. An array of ProductionVariant objects, one for each model that you want to host at this endpoint. Items 1–10.</summary>
    public required List<ProductionVariant> ProductionVariants { get; init; }
    /// <summary>Configuration to control how SageMaker AI captures inference data.</summary>
    public DataCaptureConfig? DataCaptureConfig { get; init; }
    /// <summary>Amazon Web Services KMS key ID Amazon SageMaker uses to encrypt data when storing it on the ML storage volume attached to the instance. Length 0–2048.</summary>
    public string? KmsKeyId { get; init; }
    /// <summary>Required. A timestamp that shows when the endpoint configuration was created.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>Returns the description of an endpoint configuration created using the CreateEndpointConfig API.</summary>
    public AsyncInferenceConfig? AsyncInferenceConfig { get; init; }
    /// <summary>The configuration parameters for an explainer.</summary>
    public ExplainerConfig? ExplainerConfig { get; init; }
    /// <summary>An array of ProductionVariant objects, one for each model that you want to host at this endpoint in shadow mode with production traffic replicated from the model specified on ProductionVariants. Items 1–10.</summary>
    public List<ProductionVariant>? ShadowProductionVariants { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of the IAM role that you assigned to the endpoint configuration. Length 20–2048.</summary>
    public string? ExecutionRoleArn { get; init; }
    /// <summary>Specifies an Amazon Virtual Private Cloud (VPC) that your SageMaker jobs, hosted models, and compute resources have access to.</summary>
    public VpcConfig? VpcConfig { get; init; }
    /// <summary>Indicates whether all model containers deployed to the endpoint are isolated.</summary>
    public bool? EnableNetworkIsolation { get; init; }
    /// <summary>The configuration parameters for utilization metrics.</summary>
    public MetricsConfig? MetricsConfig { get; init; }
}

/// <summary>Request of DeleteEndpointConfig: deletes an endpoint configuration.</summary>
public sealed record DeleteEndpointConfigRequest
{
    /// <summary>Required. The name of the endpoint configuration that you want to delete. Length 0–63.</summary>
    public required string EndpointConfigName { get; init; }
}

/// <summary>Response of DeleteEndpointConfig (the operation returns no members).</summary>
public sealed record DeleteEndpointConfigResponse;
