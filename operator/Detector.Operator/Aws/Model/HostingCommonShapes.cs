// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Data sources that are available to your model in addition to the one that you specify for ModelDataSource when you use the CreateModel action.</summary>
public sealed record AdditionalModelDataSource
{
    /// <summary>Required. A custom name for this AdditionalModelDataSource object. Length 1–64.</summary>
    public required string ChannelName { get; init; }
    /// <summary>Required. Specifies the S3 location of ML model data to deploy.</summary>
    public required S3ModelDataSource S3DataSource { get; init; }
}

/// <summary>An Amazon CloudWatch alarm configured to monitor metrics on an endpoint.</summary>
public sealed record Alarm
{
    /// <summary>The name of a CloudWatch alarm in your account. Length 1–255.</summary>
    public string? AlarmName { get; init; }
}

/// <summary>Configures the behavior of the client used by SageMaker to interact with the model container during asynchronous inference.</summary>
public sealed record AsyncInferenceClientConfig
{
    /// <summary>The maximum number of concurrent requests sent by the SageMaker client to the model container. Range 1–1000.</summary>
    public int? MaxConcurrentInvocationsPerInstance { get; init; }
}

/// <summary>Specifies configuration for how an endpoint performs asynchronous inference.</summary>
public sealed record AsyncInferenceConfig
{
    /// <summary>Configures the behavior of the client used by SageMaker to interact with the model container during asynchronous inference.</summary>
    public AsyncInferenceClientConfig? ClientConfig { get; init; }
    /// <summary>Required. Specifies the configuration for asynchronous inference invocation outputs.</summary>
    public required AsyncInferenceOutputConfig OutputConfig { get; init; }
}

/// <summary>Specifies the configuration for notifications of inference results for asynchronous inference.</summary>
public sealed record AsyncInferenceNotificationConfig
{
    /// <summary>Amazon SNS topic to post a notification to when inference completes successfully. Length 0–2048.</summary>
    public string? SuccessTopic { get; init; }
    /// <summary>Amazon SNS topic to post a notification to when inference fails. Length 0–2048.</summary>
    public string? ErrorTopic { get; init; }
    /// <summary>The Amazon SNS topics where you want the inference response to be included. Items 0–2. Values in <see cref="Detector.Operator.Aws.AsyncNotificationTopicTypes"/>.</summary>
    public List<string>? IncludeInferenceResponseIn { get; init; }
}

/// <summary>Specifies the configuration for asynchronous inference invocation outputs.</summary>
public sealed record AsyncInferenceOutputConfig
{
    /// <summary>The Amazon Web Services Key Management Service (Amazon Web Services KMS) key that SageMaker uses to encrypt the asynchronous inference output in Amazon S3. Length 0–2048.</summary>
    public string? KmsKeyId { get; init; }
    /// <summary>The Amazon S3 location to upload inference responses to. Length 0–512.</summary>
    public string? S3OutputPath { get; init; }
    /// <summary>Specifies the configuration for notifications of inference results for asynchronous inference.</summary>
    public AsyncInferenceNotificationConfig? NotificationConfig { get; init; }
    /// <summary>The Amazon S3 location to upload failure inference responses to. Length 0–512.</summary>
    public string? S3FailurePath { get; init; }
}

/// <summary>Automatic rollback configuration for handling endpoint deployment failures and recovery.</summary>
public sealed record AutoRollbackConfig
{
    /// <summary>List of CloudWatch alarms in your account that are configured to monitor metrics on an endpoint. Items 1–10.</summary>
    public List<Alarm>? Alarms { get; init; }
}

/// <summary>The configuration parameters for the SageMaker Clarify explainer.</summary>
public sealed record ClarifyExplainerConfig
{
    /// <summary>A JMESPath boolean expression used to filter which records to explain. Length 1–64.</summary>
    public string? EnableExplanations { get; init; }
    /// <summary>The inference configuration parameter for the model container.</summary>
    public ClarifyInferenceConfig? InferenceConfig { get; init; }
    /// <summary>Required. The configuration for SHAP analysis.</summary>
    public required ClarifyShapConfig ShapConfig { get; init; }
}

/// <summary>The inference configuration parameter for the model container.</summary>
public sealed record ClarifyInferenceConfig
{
    /// <summary>Provides the JMESPath expression to extract the features from a model container input in JSON Lines format. Length 1–64.</summary>
    public string? FeaturesAttribute { get; init; }
    /// <summary>A template string used to format a JSON record into an acceptable model container input. Length 1–64.</summary>
    public string? ContentTemplate { get; init; }
    /// <summary>The maximum number of records in a request that the model container can process when querying the model container for the predictions of a synthetic dataset. Range at least 1.</summary>
    public int? MaxRecordCount { get; init; }
    /// <summary>The maximum payload size (MB) allowed of a request from the explainer to the model container. Range 1–25.</summary>
    public int? MaxPayloadInMB { get; init; }
    /// <summary>A zero-based index used to extract a probability value (score) or list from model container output in CSV format. Range at least 0.</summary>
    public int? ProbabilityIndex { get; init; }
    /// <summary>A zero-based index used to extract a label header or list of label headers from model container output in CSV format. Range at least 0.</summary>
    public int? LabelIndex { get; init; }
    /// <summary>A JMESPath expression used to extract the probability (or score) from the model container output if the model container is in JSON Lines format. Length 1–64.</summary>
    public string? ProbabilityAttribute { get; init; }
    /// <summary>A JMESPath expression used to locate the list of label headers in the model container output. Length 1–64.</summary>
    public string? LabelAttribute { get; init; }
    /// <summary>For multiclass classification problems, the label headers are the names of the classes. Items 1–16.</summary>
    public List<string>? LabelHeaders { get; init; }
    /// <summary>The names of the features. Items 1–256.</summary>
    public List<string>? FeatureHeaders { get; init; }
    /// <summary>A list of data types of the features (optional). Items 1–256. Values in <see cref="Detector.Operator.Aws.ClarifyFeatureType"/>.</summary>
    public List<string>? FeatureTypes { get; init; }
}

/// <summary>The configuration for the SHAP baseline (also called the background or reference dataset) of the Kernal SHAP algorithm.</summary>
public sealed record ClarifyShapBaselineConfig
{
    /// <summary>The MIME type of the baseline data. Length 0–255.</summary>
    public string? MimeType { get; init; }
    /// <summary>The inline SHAP baseline data in string format. Length 1–4096.</summary>
    public string? ShapBaseline { get; init; }
    /// <summary>The uniform resource identifier (URI) of the S3 bucket where the SHAP baseline file is stored. Length 0–1024.</summary>
    public string? ShapBaselineUri { get; init; }
}

/// <summary>The configuration for SHAP analysis using SageMaker Clarify Explainer.</summary>
public sealed record ClarifyShapConfig
{
    /// <summary>Required. The configuration for the SHAP baseline of the Kernal SHAP algorithm.</summary>
    public required ClarifyShapBaselineConfig ShapBaselineConfig { get; init; }
    /// <summary>The number of samples to be used for analysis by the Kernal SHAP algorithm. Range at least 1.</summary>
    public int? NumberOfSamples { get; init; }
    /// <summary>A Boolean toggle to indicate if you want to use the logit function (true) or log-odds units (false) for model predictions.</summary>
    public bool? UseLogit { get; init; }
    /// <summary>The starting value used to initialize the random number generator in the explainer.</summary>
    public int? Seed { get; init; }
    /// <summary>A parameter that indicates if text features are treated as text and explanations are provided for individual units of text.</summary>
    public ClarifyTextConfig? TextConfig { get; init; }
}

/// <summary>A parameter used to configure the SageMaker Clarify explainer to treat text features as text so that explanations are provided for individual units of text.</summary>
public sealed record ClarifyTextConfig
{
    /// <summary>Required. Specifies the language of the text features in ISO 639-1 or ISO 639-3 code of a supported language. One of the ClarifyTextLanguage values.</summary>
    public required string Language { get; init; }
    /// <summary>Required. The unit of granularity for the analysis of text features. Values in <see cref="Detector.Operator.Aws.ClarifyTextGranularity"/>.</summary>
    public required string Granularity { get; init; }
}

/// <summary>The configuration for container-level metrics scraping.</summary>
public sealed record ContainerMetricsConfig
{
    /// <summary>A list of metrics endpoints to scrape from the container. Items 0–1.</summary>
    public List<MetricsEndpoint>? MetricsEndpoints { get; init; }
}

/// <summary>Gets the Amazon EC2 Container Registry path of the docker image of the model that is hosted in this ProductionVariant.</summary>
public sealed record DeployedImage
{
    /// <summary>The image path you specified when you created the model. Length 0–255.</summary>
    public string? SpecifiedImage { get; init; }
    /// <summary>The specific digest path of the image hosted in this ProductionVariant. Length 0–255.</summary>
    public string? ResolvedImage { get; init; }
    /// <summary>The date and time when the image path for the model resolved to the ResolvedImage</summary>
    public DateTimeOffset? ResolutionTime { get; init; }
}

/// <summary>A parameter to activate explainers.</summary>
public sealed record ExplainerConfig
{
    /// <summary>A member of ExplainerConfig that contains configuration parameters for the SageMaker Clarify explainer.</summary>
    public ClarifyExplainerConfig? ClarifyExplainerConfig { get; init; }
}

/// <summary>Configuration information specifying which hub contents have accessible deployment options.</summary>
public sealed record InferenceHubAccessConfig
{
    /// <summary>Required. The ARN of the hub content for which deployment access is allowed. Length 0–255.</summary>
    public required string HubContentArn { get; init; }
}

/// <summary>The configuration for Utilization metrics.</summary>
public sealed record MetricsConfig
{
    /// <summary>Specifies whether to enable enhanced metrics for the endpoint.</summary>
    public bool? EnableEnhancedMetrics { get; init; }
    /// <summary>Indicates whether detailed observability is enabled for the endpoint.</summary>
    public bool? EnableDetailedObservability { get; init; }
    /// <summary>The interval, in seconds, at which metrics are published to Amazon CloudWatch.</summary>
    public int? MetricPublishFrequencyInSeconds { get; init; }
}

/// <summary>Specifies a metrics endpoint for a container, including the path where the container exposes Prometheus-formatted metrics and the frequency at which to publish them to Amazon CloudWatch.</summary>
public sealed record MetricsEndpoint
{
    /// <summary>Required. The path to the metrics endpoint exposed by the container. Length 0–256.</summary>
    public required string MetricsEndpointPath { get; init; }
    /// <summary>The interval, in seconds, at which container metrics scraped from the endpoint are published to Amazon CloudWatch.</summary>
    public int? MetricPublishFrequencyInSeconds { get; init; }
}

/// <summary>Specifies the location of ML model data to deploy.</summary>
public sealed record ModelDataSource
{
    /// <summary>Specifies the S3 location of ML model data to deploy.</summary>
    public S3ModelDataSource? S3DataSource { get; init; }
}

/// <summary>Settings that control the range in the number of instances that the endpoint provisions as it scales up or down to accommodate traffic.</summary>
public sealed record ProductionVariantManagedInstanceScaling
{
    /// <summary>Indicates whether managed instance scaling is enabled. Values in <see cref="Detector.Operator.Aws.ManagedInstanceScalingStatus"/>.</summary>
    public string? Status { get; init; }
    /// <summary>The minimum number of instances that the endpoint must retain when it scales down to accommodate a decrease in traffic. Range at least 0.</summary>
    public int? MinInstanceCount { get; init; }
    /// <summary>The maximum number of instances that the endpoint can provision when it scales up to accommodate an increase in traffic. Range at least 1.</summary>
    public int? MaxInstanceCount { get; init; }
    /// <summary>Configures the scale-in behavior for managed instance scaling.</summary>
    public ProductionVariantManagedInstanceScalingScaleInPolicy? ScaleInPolicy { get; init; }
}

/// <summary>Configures the scale-in behavior for managed instance scaling.</summary>
public sealed record ProductionVariantManagedInstanceScalingScaleInPolicy
{
    /// <summary>Required. The strategy for scaling in instances. Values in <see cref="Detector.Operator.Aws.ManagedInstanceScalingScaleInStrategy"/>.</summary>
    public required string Strategy { get; init; }
    /// <summary>The maximum number of instances that the endpoint can terminate at a time during a consolidation scale-in operation. Range 1–100.</summary>
    public int? MaximumStepSize { get; init; }
    /// <summary>The cooldown period, in minutes, after the last endpoint operation before the endpoint evaluates consolidation scale-in opportunities. Range 5–1440.</summary>
    public int? CooldownInMinutes { get; init; }
}

/// <summary>Settings that control how the endpoint routes incoming traffic to the instances that the endpoint hosts.</summary>
public sealed record ProductionVariantRoutingConfig
{
    /// <summary>Required. Sets how the endpoint routes incoming traffic: LEAST_OUTSTANDING_REQUESTS: The endpoint routes requests to the specific instances that have more capacity to process them. Values in <see cref="Detector.Operator.Aws.RoutingStrategy"/>.</summary>
    public required string RoutingStrategy { get; init; }
}

/// <summary>Specifies the serverless configuration for an endpoint variant.</summary>
public sealed record ProductionVariantServerlessConfig
{
    /// <summary>Required. The memory size of your serverless endpoint. Range 1024–6144.</summary>
    public required int MemorySizeInMB { get; init; }
    /// <summary>Required. The maximum number of concurrent invocations your serverless endpoint can process. Range 1–200.</summary>
    public required int MaxConcurrency { get; init; }
    /// <summary>The amount of provisioned concurrency to allocate for the serverless endpoint. Range 1–200.</summary>
    public int? ProvisionedConcurrency { get; init; }
}

/// <summary>Specifies the S3 location of ML model data to deploy.</summary>
public sealed record S3ModelDataSource
{
    /// <summary>Required. Specifies the S3 path of ML model data to deploy. Length 0–1024.</summary>
    public required string S3Uri { get; init; }
    /// <summary>Required. Specifies the type of ML model data to deploy. Values in <see cref="Detector.Operator.Aws.S3ModelDataType"/>.</summary>
    public required string S3DataType { get; init; }
    /// <summary>Required. Specifies how the ML model data is prepared. Values in <see cref="Detector.Operator.Aws.ModelCompressionType"/>.</summary>
    public required string CompressionType { get; init; }
    /// <summary>Specifies the access configuration file for the ML model.</summary>
    public ModelAccessConfig? ModelAccessConfig { get; init; }
    /// <summary>Configuration information for hub access.</summary>
    public InferenceHubAccessConfig? HubAccessConfig { get; init; }
    /// <summary>The Amazon S3 URI of the manifest file. Length 0–1024.</summary>
    public string? ManifestS3Uri { get; init; }
    /// <summary>The ETag associated with S3 URI.</summary>
    public string? ETag { get; init; }
    /// <summary>The ETag associated with Manifest S3 URI.</summary>
    public string? ManifestEtag { get; init; }
}
