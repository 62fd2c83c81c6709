using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using AwsVpc = Detector.Operator.Aws.VpcConfig;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>Pure: DetectionEndpoint spec and target → SageMaker hosting requests (reference §2.5, §2.6).</summary>
public static class DetectionEndpointRequests
{
    /// <summary>CreateModel from the approved versioned package (the package carries image and artifact).</summary>
    public static CreateModelRequest BuildCreateModel(DetectionEndpoint endpoint, EndpointTarget target) => new()
    {
        ModelName = target.ModelName,
        PrimaryContainer = new ContainerDefinition { ModelPackageName = target.ModelPackageArn },
        ExecutionRoleArn = endpoint.Spec.RoleArn,
        VpcConfig = Vpc(endpoint.Spec.VpcConfig),
        EnableNetworkIsolation = endpoint.Spec.NetworkIsolation ? true : null,
        Tags = SageMakerTags.From(endpoint.Spec.Tags),
    };

    /// <summary>
    /// CreateEndpointConfig. InferenceComponent mode: ExecutionRoleArn at config level and no ModelName (nor weight)
    /// in the variant, managed instance scaling when asked, VPC and isolation at config level. SingleModel mode: the
    /// classic variant naming the model.
    /// </summary>
    public static CreateEndpointConfigRequest BuildCreateEndpointConfig(DetectionEndpoint endpoint, EndpointTarget target)
    {
        var spec = endpoint.Spec;
        var single = spec.DeploymentMode == EndpointDeploymentMode.SingleModel;
        var variant = new ProductionVariant
        {
            VariantName = DetectionEndpointNames.VariantName,
            ModelName = single ? target.ModelName : null,
            InstanceType = spec.InstanceType,
            InitialInstanceCount = spec.InstanceCount,
            InitialVariantWeight = single ? 1.0 : null,
            ManagedInstanceScaling = !single && spec.Scaling is { } scaling
                ? new ProductionVariantManagedInstanceScaling
                {
                    Status = ManagedInstanceScalingStatus.ENABLED,
                    MinInstanceCount = scaling.MinInstanceCount,
                    MaxInstanceCount = scaling.MaxInstanceCount,
                }
                : null,
            RoutingConfig = spec.RoutingStrategy is { } routing ? new ProductionVariantRoutingConfig { RoutingStrategy = routing } : null,
        };
        return new()
        {
            EndpointConfigName = target.ConfigName,
            ProductionVariants = [variant],
            ExecutionRoleArn = single ? null : spec.RoleArn,
            DataCaptureConfig = Capture(spec.DataCapture),
            KmsKeyId = spec.KmsKeyId,
            VpcConfig = single ? null : Vpc(spec.VpcConfig),
            EnableNetworkIsolation = !single && spec.NetworkIsolation ? true : null,
            Tags = SageMakerTags.From(spec.Tags),
        };
    }

    /// <summary>CreateEndpoint with the target config.</summary>
    public static CreateEndpointRequest BuildCreateEndpoint(DetectionEndpoint endpoint, EndpointTarget target) => new()
    {
        EndpointName = DetectionEndpointNames.Endpoint(endpoint),
        EndpointConfigName = target.ConfigName,
        Tags = SageMakerTags.From(endpoint.Spec.Tags),
    };

    /// <summary>
    /// UpdateEndpoint to the (new) target config. SingleModel mode rolls out blue/green (all at once after the wait,
    /// rolled back by the alarms); InferenceComponent mode lets SageMaker pick, as only the instances change.
    /// </summary>
    public static UpdateEndpointRequest BuildUpdateEndpoint(DetectionEndpoint endpoint, EndpointTarget target)
    {
        var rollout = endpoint.Spec.Rollout;
        var single = endpoint.Spec.DeploymentMode == EndpointDeploymentMode.SingleModel;
        return new()
        {
            EndpointName = DetectionEndpointNames.Endpoint(endpoint),
            EndpointConfigName = target.ConfigName,
            DeploymentConfig = single
                ? new DeploymentConfig
                {
                    BlueGreenUpdatePolicy = new BlueGreenUpdatePolicy
                    {
                        TrafficRoutingConfiguration = new TrafficRoutingConfig
                        {
                            Type = TrafficRoutingConfigType.ALL_AT_ONCE, WaitIntervalInSeconds = rollout.WaitSeconds,
                        },
                        MaximumExecutionTimeoutInSeconds = rollout.MaxExecutionSeconds,
                    },
                    AutoRollbackConfiguration = Alarms(rollout),
                }
                : null,
        };
    }

    /// <summary>CreateInferenceComponent on the endpoint's variant with the target model, compute and copies.</summary>
    public static CreateInferenceComponentRequest BuildCreateInferenceComponent(DetectionEndpoint endpoint, EndpointTarget target) => new()
    {
        InferenceComponentName = DetectionEndpointNames.InferenceComponent(endpoint),
        EndpointName = DetectionEndpointNames.Endpoint(endpoint),
        VariantName = DetectionEndpointNames.VariantName,
        Specification = Specification(endpoint, target),
        RuntimeConfig = new InferenceComponentRuntimeConfig { CopyCount = endpoint.Spec.Copies },
        Tags = SageMakerTags.From(endpoint.Spec.Tags),
    };

    /// <summary>
    /// UpdateInferenceComponent to the target model and compute: a rolling update in batches, rolled back (in
    /// rollbackBatchSize steps) when an alarm fires.
    /// </summary>
    public static UpdateInferenceComponentRequest BuildUpdateInferenceComponent(DetectionEndpoint endpoint, EndpointTarget target)
    {
        var rollout = endpoint.Spec.Rollout;
        var unit = rollout.BatchSizeType == "CopyCount"
            ? InferenceComponentCapacitySizeType.COPY_COUNT
            : InferenceComponentCapacitySizeType.CAPACITY_PERCENT;
        return new()
        {
            InferenceComponentName = DetectionEndpointNames.InferenceComponent(endpoint),
            Specification = Specification(endpoint, target),
            RuntimeConfig = new InferenceComponentRuntimeConfig { CopyCount = endpoint.Spec.Copies },
            DeploymentConfig = new InferenceComponentDeploymentConfig
            {
                RollingUpdatePolicy = new InferenceComponentRollingUpdatePolicy
                {
                    MaximumBatchSize = new InferenceComponentCapacitySize { Type = unit, Value = rollout.BatchSize },
                    WaitIntervalInSeconds = rollout.WaitSeconds,
                    MaximumExecutionTimeoutInSeconds = rollout.MaxExecutionSeconds,
                    RollbackMaximumBatchSize = rollout.RollbackBatchSize is { } back
                        ? new InferenceComponentCapacitySize { Type = unit, Value = back }
                        : null,
                },
                AutoRollbackConfiguration = Alarms(rollout),
            },
        };
    }

    /// <summary>UpdateInferenceComponentRuntimeConfig: the copy count, in place.</summary>
    public static UpdateInferenceComponentRuntimeConfigRequest BuildUpdateCopies(DetectionEndpoint endpoint) => new()
    {
        InferenceComponentName = DetectionEndpointNames.InferenceComponent(endpoint),
        DesiredRuntimeConfig = new InferenceComponentRuntimeConfig { CopyCount = endpoint.Spec.Copies },
    };

    /// <summary>UpdateEndpointWeightsAndCapacities: the variant's instance count to <c>spec.instanceCount</c>, in place.</summary>
    public static UpdateEndpointWeightsAndCapacitiesRequest BuildUpdateInstanceCount(DetectionEndpoint endpoint) => new()
    {
        EndpointName = DetectionEndpointNames.Endpoint(endpoint),
        DesiredWeightsAndCapacities =
            [new DesiredWeightAndCapacity { VariantName = DetectionEndpointNames.VariantName, DesiredInstanceCount = endpoint.Spec.InstanceCount }],
    };

    private static InferenceComponentSpecification Specification(DetectionEndpoint endpoint, EndpointTarget target)
    {
        var compute = endpoint.Spec.Compute;
        return new()
        {
            ModelName = target.ModelName,
            ComputeResourceRequirements = new InferenceComponentComputeResourceRequirements
            {
                MinMemoryRequiredInMb = compute.MinMemoryMb,
                NumberOfCpuCoresRequired = compute.CpuCores,
                NumberOfAcceleratorDevicesRequired = compute.AcceleratorDevices,
            },
        };
    }

    // The model's AlarmList needs at least one alarm, so no alarms means no AutoRollbackConfiguration at all.
    private static AutoRollbackConfig? Alarms(RolloutPolicy rollout) => rollout.RollbackAlarms.Count == 0
        ? null
        : new AutoRollbackConfig { Alarms = [.. rollout.RollbackAlarms.Select(a => new Alarm { AlarmName = a })] };

    // Capturing neither requests nor responses captures nothing; the model needs at least one capture option.
    private static DataCaptureConfig? Capture(DataCapture? capture) => capture is null || !(capture.CaptureRequests || capture.CaptureResponses)
        ? null
        : new DataCaptureConfig
        {
            EnableCapture = capture.Enabled,
            InitialSamplingPercentage = capture.SamplingPercentage,
            DestinationS3Uri = capture.DestinationS3Uri,
            KmsKeyId = capture.KmsKeyId,
            CaptureOptions = [.. CaptureModes(capture).Select(m => new CaptureOption { CaptureMode = m })],
            // The container answers JSON; without this header SageMaker base64-encodes the captured responses.
            CaptureContentTypeHeader = new CaptureContentTypeHeader { JsonContentTypes = [RegisteredModelRequests.ResponseType] },
        };

    private static IEnumerable<string> CaptureModes(DataCapture capture)
    {
        if (capture.CaptureRequests)
            yield return CaptureMode.Input;
        if (capture.CaptureResponses)
            yield return CaptureMode.Output;
    }

    private static AwsVpc? Vpc(Api.V1Alpha1.VpcConfig? vpc) => vpc is null
        ? null
        : new AwsVpc { SecurityGroupIds = [.. vpc.SecurityGroupIds], Subnets = [.. vpc.Subnets] };
}
