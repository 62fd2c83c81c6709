// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Request of CreateModel: creates a model in SageMaker.</summary>
public sealed record CreateModelRequest
{
    /// <summary>Required. The name of the new model. Length 0–63.</summary>
    public required string ModelName { get; init; }
    /// <summary>The location of the primary docker image containing inference code, associated artifacts, and custom environment map that the inference code uses when the model is deployed for predictions.</summary>
    public ContainerDefinition? PrimaryContainer { get; init; }
    /// <summary>Specifies the containers in the inference pipeline. Items 0–15.</summary>
    public List<ContainerDefinition>? Containers { get; init; }
    /// <summary>Specifies details of how containers in a multi-container endpoint are called.</summary>
    public InferenceExecutionConfig? InferenceExecutionConfig { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of the IAM role that SageMaker can assume to access model artifacts and docker image for deployment on ML compute instances or for batch transform jobs. Length 20–2048.</summary>
    public string? ExecutionRoleArn { get; init; }
    /// <summary>An array of key-value pairs. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
    /// <summary>A VpcConfig object that specifies the VPC that you want your model to connect to.</summary>
    public VpcConfig? VpcConfig { get; init; }
    /// <summary>Isolates the model container.</summary>
    public bool? EnableNetworkIsolation { get; init; }
}

/// <summary>Response of CreateModel.</summary>
public sealed record CreateModelResponse
{
    /// <summary>Required. The ARN of the model created in SageMaker. Length 20–2048.</summary>
    public required string ModelArn { get; init; }
}

/// <summary>Request of DescribeModel: describes a model that you created using the CreateModel API.</summary>
public sealed record DescribeModelRequest
{
    /// <summary>Required. The name of the model. Length 0–63.</summary>
    public required string ModelName { get; init; }
}

/// <summary>Response of DescribeModel.</summary>
public sealed record DescribeModelResponse
{
    /// <summary>Required. Name of the SageMaker model. Length 0–63.</summary>
    public required string ModelName { get; init; }
    /// <summary>The location of the primary inference code, associated artifacts, and custom environment map that the inference code uses when it is deployed in production.</summary>
    public ContainerDefinition? PrimaryContainer { get; init; }
    /// <summary>The containers in the inference pipeline. Items 0–15.</summary>
    public List<ContainerDefinition>? Containers { get; init; }
    /// <summary>Specifies details of how containers in a multi-container endpoint are called.</summary>
    public InferenceExecutionConfig? InferenceExecutionConfig { get; init; }
    /// <summary>The Amazon Resource Name (ARN) of the IAM role that you specified for the model. Length 20–2048.</summary>
    public string? ExecutionRoleArn { get; init; }
    /// <summary>A VpcConfig object that specifies the VPC that this model has access to.</summary>
    public VpcConfig? VpcConfig { get; init; }
    /// <summary>Required. A timestamp that shows when the model was created.</summary>
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>Required. The Amazon Resource Name (ARN) of the model. Length 20–2048.</summary>
    public required string ModelArn { get; init; }
    /// <summary>If True, no inbound or outbound network calls can be made to or from the model container.</summary>
    public bool? EnableNetworkIsolation { get; init; }
    /// <summary>A set of recommended deployment configurations for the model.</summary>
    public DeploymentRecommendation? DeploymentRecommendation { get; init; }
}

/// <summary>Request of DeleteModel: deletes a model.</summary>
public sealed record DeleteModelRequest
{
    /// <summary>Required. The name of the model to delete. Length 0–63.</summary>
    public required string ModelName { get; init; }
}

/// <summary>Response of DeleteModel (the operation returns no members).</summary>
public sealed record DeleteModelResponse;
