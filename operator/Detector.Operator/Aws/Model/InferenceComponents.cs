// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Request of CreateInferenceComponent: creates an inference component, which is a SageMaker AI hosting object that you can use to deploy a model to an endpoint.</summary>
public sealed record CreateInferenceComponentRequest
{
    /// <summary>Required. A unique name to assign to the inference component. Length 0–63.</summary>
    public required string InferenceComponentName { get; init; }
    /// <summary>Required. The name of an existing endpoint where you host the inference component. Length 0–63.</summary>
    public required string EndpointName { get; init; }
    /// <summary>The name of an existing production variant where you host the inference component. Length 0–63.</summary>
    public string? VariantName { get; init; }
    /// <summary>Details about the resources to deploy with this inference component, including the model, container, and compute resources.</summary>
    public InferenceComponentSpecification? Specification { get; init; }
    /// <summary>A list of specification objects for the inference component, one per instance type. Items 1–5.</summary>
    public List<InferenceComponentSpecification>? Specifications { get; init; }
    /// <summary>Runtime settings for a model that is deployed with an inference component.</summary>
    public InferenceComponentRuntimeConfig? RuntimeConfig { get; init; }
    /// <summary>A list of key-value pairs associated with the model. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
}

/// <summary>Response of CreateInferenceComponent.</summary>
public sealed record CreateInferenceComponentResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the inference component. Length 20–2048.</summary>
    public required string InferenceComponentArn { get; init; }
}

/// <summary>Request of DescribeInferenceComponent: returns information about an inference component.</summary>
public sealed record DescribeInferenceComponentRequest
{
    /// <summary>Required. The name of the inference component. Length 0–63.</summary>
    public required string InferenceComponentName { get; init; }
}

/// <summary>Response of DescribeInferenceComponent.</summary>
public sealed record DescribeInferenceComponentResponse
{
    /// <summary>Required. The name of the inference component. Length 0–63.</summary>
    public required string InferenceComponentName { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the inference component. Length 20–2048.</summary>
    public required string InferenceComponentArn { get; init; }
    /// <summary>Required. The name of the endpoint that hosts the inference component. Length 0–63.</summary>
    public required string EndpointName { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the endpoint that hosts the inference component. Length 20–2048.</summary>
    public required string EndpointArn { get; init; }
    /// <summary>The name of the production variant that hosts the inference component. Length 0–63.</summary>
    public string? VariantName { get; init; }
    /// <summary>If the inference component status is Failed, the reason for the failure. Length 0–1024.</summary>
    public string? FailureReason { get; init; }
    /// <summary>Details about the resources that are deployed with this inference component.</summary>
    public InferenceComponentSpecificationSummary? Specification { get; init; }
    /// <summary>A list of specification summaries for the inference component, one per instance type. Items at least 1.</summary>
    public List<InferenceComponentSpecificationSummary>? Specifications { get; init; }
    /// <summary>Details about the runtime settings for the model that is deployed with the inference component.</summary>
    public InferenceComponentRuntimeConfigSummary? RuntimeConfig { get; init; }
    /// <summary>Required. The time when the inference component was created.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>Required. The time when the inference component was last updated.</summary>
    public required DateTimeOffset LastModifiedTime { get; init; }
    /// <summary>The status of the inference component. Values in <see cref="Detector.Operator.Aws.InferenceComponentStatus"/>.</summary>
    public string? InferenceComponentStatus { get; init; }
    /// <summary>The deployment and rollback settings that you assigned to the inference component.</summary>
    public InferenceComponentDeploymentConfig? LastDeploymentConfig { get; init; }
}

/// <summary>Request of UpdateInferenceComponent: updates an inference component.</summary>
public sealed record UpdateInferenceComponentRequest
{
    /// <summary>Required. The name of the inference component. Length 0–63.</summary>
    public required string InferenceComponentName { get; init; }
    /// <summary>Details about the resources to deploy with this inference component, including the model, container, and compute resources.</summary>
    public InferenceComponentSpecification? Specification { get; init; }
    /// <summary>A list of specification objects for the inference component, one per instance type. Items 1–5.</summary>
    public List<InferenceComponentSpecification>? Specifications { get; init; }
    /// <summary>Runtime settings for a model that is deployed with an inference component.</summary>
    public InferenceComponentRuntimeConfig? RuntimeConfig { get; init; }
    /// <summary>The deployment configuration for the inference component.</summary>
    public InferenceComponentDeploymentConfig? DeploymentConfig { get; init; }
}

/// <summary>Response of UpdateInferenceComponent.</summary>
public sealed record UpdateInferenceComponentResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the inference component. Length 20–2048.</summary>
    public required string InferenceComponentArn { get; init; }
}

/// <summary>Request of UpdateInferenceComponentRuntimeConfig: runtime settings for a model that is deployed with an inference component.</summary>
public sealed record UpdateInferenceComponentRuntimeConfigRequest
{
    /// <summary>Required. The name of the inference component to update. Length 0–63.</summary>
    public required string InferenceComponentName { get; init; }
    /// <summary>Required. Runtime settings for a model that is deployed with an inference component.</summary>
    public required InferenceComponentRuntimeConfig DesiredRuntimeConfig { get; init; }
}

/// <summary>Response of UpdateInferenceComponentRuntimeConfig.</summary>
public sealed record UpdateInferenceComponentRuntimeConfigResponse
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the inference component. Length 20–2048.</summary>
    public required string InferenceComponentArn { get; init; }
}

/// <summary>Request of DeleteInferenceComponent: deletes an inference component.</summary>
public sealed record DeleteInferenceComponentRequest
{
    /// <summary>Required. The name of the inference component to delete. Length 0–63.</summary>
    public required string InferenceComponentName { get; init; }
}

/// <summary>Response of DeleteInferenceComponent (the operation returns no members).</summary>
public sealed record DeleteInferenceComponentResponse;
