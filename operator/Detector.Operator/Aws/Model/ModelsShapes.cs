// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Describes the container, as part of model definition.</summary>
public sealed record ContainerDefinition
{
    /// <summary>This parameter is ignored for models that contain only a PrimaryContainer. Length 0–63.</summary>
    public string? ContainerHostname { get; init; }
    /// <summary>The path where inference code is stored. Length 0–255.</summary>
    public string? Image { get; init; }
    /// <summary>Specifies whether the model container is in Amazon ECR or a private Docker registry accessible from your Amazon Virtual Private Cloud (VPC).</summary>
    public ImageConfig? ImageConfig { get; init; }
    /// <summary>Whether the container hosts a single model or multiple models. Values in <see cref="Detector.Operator.Aws.ContainerMode"/>.</summary>
    public string? Mode { get; init; }
    /// <summary>The S3 path where the model artifacts, which result from model training, are stored. Length 0–1024.</summary>
    public string? ModelDataUrl { get; init; }
    /// <summary>Specifies the location of ML model data to deploy.</summary>
    public ModelDataSource? ModelDataSource { get; init; }
    /// <summary>Data sources that are available to your model in addition to the one that you specify for ModelDataSource when you use the CreateModel action. Items 0–5.</summary>
    public List<AdditionalModelDataSource>? AdditionalModelDataSources { get; init; }
    /// <summary>The environment variables to set in the Docker container. Entries 0–100.</summary>
    public Dictionary<string, string>? Environment { get; init; }
    /// <summary>The name or Amazon Resource Name (ARN) of the model package to use to create the model. Length 1–176.</summary>
    public string? ModelPackageName { get; init; }
    /// <summary>The inference specification name in the model package version. Length 1–63.</summary>
    public string? InferenceSpecificationName { get; init; }
    /// <summary>Specifies additional configuration for multi-model endpoints.</summary>
    public MultiModelConfig? MultiModelConfig { get; init; }
    /// <summary>The configuration for container metrics scraping.</summary>
    public ContainerMetricsConfig? ContainerMetricsConfig { get; init; }
}

/// <summary>A set of recommended deployment configurations for the model.</summary>
public sealed record DeploymentRecommendation
{
    /// <summary>Required. Status of the deployment recommendation. Values in <see cref="Detector.Operator.Aws.RecommendationStatus"/>.</summary>
    public required string RecommendationStatus { get; init; }
    /// <summary>A list of RealTimeInferenceRecommendation items. Items 0–3.</summary>
    public List<RealTimeInferenceRecommendation>? RealTimeInferenceRecommendations { get; init; }
}

/// <summary>Specifies whether the model container is in Amazon ECR or a private Docker registry accessible from your Amazon Virtual Private Cloud (VPC).</summary>
public sealed record ImageConfig
{
    /// <summary>Required. Set this to one of the following values: Platform - The model image is hosted in Amazon ECR. Values in <see cref="Detector.Operator.Aws.RepositoryAccessMode"/>.</summary>
    public required string RepositoryAccessMode { get; init; }
    /// <summary>(Optional) Specifies an authentication configuration for the private docker registry where your model image is hosted.</summary>
    public RepositoryAuthConfig? RepositoryAuthConfig { get; init; }
}

/// <summary>Specifies details about how containers in a multi-container endpoint are run.</summary>
public sealed record InferenceExecutionConfig
{
    /// <summary>Required. How containers in a multi-container are run. Values in <see cref="Detector.Operator.Aws.InferenceExecutionMode"/>.</summary>
    public required string Mode { get; init; }
}

/// <summary>Specifies additional configuration for hosting multi-model endpoints.</summary>
public sealed record MultiModelConfig
{
    /// <summary>Whether to cache models for a multi-model endpoint. Values in <see cref="Detector.Operator.Aws.ModelCacheSetting"/>.</summary>
    public string? ModelCacheSetting { get; init; }
}

/// <summary>The recommended configuration to use for Real-Time Inference.</summary>
public sealed record RealTimeInferenceRecommendation
{
    /// <summary>Required. The recommendation ID which uniquely identifies each recommendation.</summary>
    public required string RecommendationId { get; init; }
    /// <summary>Required. The recommended instance type for Real-Time Inference. One of the ProductionVariantInstanceType values.</summary>
    public required string InstanceType { get; init; }
    /// <summary>The recommended environment variables to set in the model container for Real-Time Inference. Entries 0–100.</summary>
    public Dictionary<string, string>? Environment { get; init; }
}

/// <summary>Specifies an authentication configuration for the private docker registry where your model image is hosted.</summary>
public sealed record RepositoryAuthConfig
{
    /// <summary>Required. The Amazon Resource Name (ARN) of an Amazon Web Services Lambda function that provides credentials to authenticate to the private Docker registry where your model image is hosted. Length 1–2048.</summary>
    public required string RepositoryCredentialsProviderArn { get; init; }
}
