using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.DetectionEndpoints;
using static Detector.Operator.Tests.DetectionEndpoints.EndpointSamples;

namespace Detector.Operator.Tests.DetectionEndpoints;

public sealed class DetectionEndpointRequestsTests
{
    private static DetectionEndpointSpec Full(DetectionEndpointSpec spec) => spec with
    {
        InstanceType = "ml.g4dn.xlarge",
        InstanceCount = 2,
        Scaling = new InstanceScaling { MinInstanceCount = 1, MaxInstanceCount = 4 },
        RoutingStrategy = "LEAST_OUTSTANDING_REQUESTS",
        Compute = new ComponentCompute { MinMemoryMb = 4096, CpuCores = 2, AcceleratorDevices = 1 },
        Copies = 3,
        DataCapture = new DataCapture { DestinationS3Uri = "s3://captures/birds/", SamplingPercentage = 20, KmsKeyId = "alias/capture" },
        Rollout = new RolloutPolicy { BatchSizeType = "CopyCount", BatchSize = 1, RollbackBatchSize = 2, WaitSeconds = 120, RollbackAlarms = ["birds-5xx", "birds-latency"] },
        KmsKeyId = "alias/volumes",
        VpcConfig = new Detector.Operator.Api.V1Alpha1.VpcConfig { SecurityGroupIds = ["sg-0123456789abcdef0"], Subnets = ["subnet-0123456789abcdef0"] },
        NetworkIsolation = true,
        Tags = new Dictionary<string, string> { ["team"] = "vision" },
    };

    public static TheoryData<string, string, bool> Specs => new()
    {
        { "minimal", EndpointDeploymentMode.InferenceComponent, false },
        { "full", EndpointDeploymentMode.InferenceComponent, true },
        { "minimal single model", EndpointDeploymentMode.SingleModel, false },
        { "full single model", EndpointDeploymentMode.SingleModel, true },
    };

    [SkippableTheory]
    [MemberData(nameof(Specs))]
    public void Builders_EverySpec_SatisfyTheAwsModel(string situation, string mode, bool full)
    {
        var (endpoint, target) = Setup(mode, full);
        (string, object)[] requests =
        [
            ("CreateModel", DetectionEndpointRequests.BuildCreateModel(endpoint, target)),
            ("CreateEndpointConfig", DetectionEndpointRequests.BuildCreateEndpointConfig(endpoint, target)),
            ("CreateEndpoint", DetectionEndpointRequests.BuildCreateEndpoint(endpoint, target)),
            ("UpdateEndpoint", DetectionEndpointRequests.BuildUpdateEndpoint(endpoint, target)),
            ("CreateInferenceComponent", DetectionEndpointRequests.BuildCreateInferenceComponent(endpoint, target)),
            ("UpdateInferenceComponent", DetectionEndpointRequests.BuildUpdateInferenceComponent(endpoint, target)),
            ("UpdateInferenceComponentRuntimeConfig", DetectionEndpointRequests.BuildUpdateCopies(endpoint)),
            ("UpdateEndpointWeightsAndCapacities", DetectionEndpointRequests.BuildUpdateInstanceCount(endpoint)),
        ];

        foreach (var (operation, request) in requests)
            Assert.True(AwsRequestCheck.Problems(operation, request) is [], $"{situation}, {operation}: " +
                string.Join("; ", AwsRequestCheck.Problems(operation, request)));
    }

    [Fact]
    public void CreateEndpointConfig_InferenceComponent_RoleAtConfigLevelAndNoModelInTheVariant()
    {
        var (endpoint, target) = Setup(EndpointDeploymentMode.InferenceComponent, full: true);

        var config = DetectionEndpointRequests.BuildCreateEndpointConfig(endpoint, target);

        var variant = Assert.Single(config.ProductionVariants);
        Assert.Equal(endpoint.Spec.RoleArn, config.ExecutionRoleArn);
        Assert.Null(variant.ModelName);
        Assert.Null(variant.InitialVariantWeight);
        Assert.Equal(("AllTraffic", "ml.g4dn.xlarge", 2), (variant.VariantName, variant.InstanceType, variant.InitialInstanceCount));
        Assert.Equal((ManagedInstanceScalingStatus.ENABLED, 1, 4),
            (variant.ManagedInstanceScaling!.Status, variant.ManagedInstanceScaling.MinInstanceCount, variant.ManagedInstanceScaling.MaxInstanceCount));
        Assert.Equal("LEAST_OUTSTANDING_REQUESTS", variant.RoutingConfig!.RoutingStrategy);
        var capture = config.DataCaptureConfig!;
        Assert.Equal((true, 20, "s3://captures/birds/"), (capture.EnableCapture, capture.InitialSamplingPercentage, capture.DestinationS3Uri));
        Assert.Equal([CaptureMode.Input, CaptureMode.Output], capture.CaptureOptions.Select(o => o.CaptureMode));
        Assert.True(config.EnableNetworkIsolation);
        Assert.NotNull(config.VpcConfig);
    }

    [Fact]
    public void CreateEndpointConfig_SingleModel_VariantNamesTheModel()
    {
        var (endpoint, target) = Setup(EndpointDeploymentMode.SingleModel, full: true);

        var config = DetectionEndpointRequests.BuildCreateEndpointConfig(endpoint, target);

        var variant = Assert.Single(config.ProductionVariants);
        Assert.Equal(target.ModelName, variant.ModelName);
        Assert.Null(config.ExecutionRoleArn);
        Assert.Null(variant.ManagedInstanceScaling);
    }

    [Fact]
    public void CreateModel_FromThePackage()
    {
        var (endpoint, target) = Setup(EndpointDeploymentMode.InferenceComponent, full: false);

        var model = DetectionEndpointRequests.BuildCreateModel(endpoint, target);

        Assert.Equal((target.ModelName, Arn(2), endpoint.Spec.RoleArn),
            (model.ModelName, model.PrimaryContainer!.ModelPackageName, model.ExecutionRoleArn));
        Assert.Null(model.PrimaryContainer.Image);
        Assert.Null(model.EnableNetworkIsolation);
    }

    [Fact]
    public void CreateInferenceComponent_ModelComputeAndCopies()
    {
        var (endpoint, target) = Setup(EndpointDeploymentMode.InferenceComponent, full: true);

        var component = DetectionEndpointRequests.BuildCreateInferenceComponent(endpoint, target);

        var compute = component.Specification!.ComputeResourceRequirements!;
        Assert.Equal((target.ModelName, 4096, 2.0, 1.0), (component.Specification.ModelName, compute.MinMemoryRequiredInMb,
            compute.NumberOfCpuCoresRequired, compute.NumberOfAcceleratorDevicesRequired));
        Assert.Equal((3, DetectionEndpointNames.Endpoint(endpoint), "AllTraffic"),
            (component.RuntimeConfig!.CopyCount, component.EndpointName, component.VariantName));
    }

    [Fact]
    public void UpdateInferenceComponent_RollingPolicyWithRollbackBatchAndAlarms()
    {
        var (endpoint, target) = Setup(EndpointDeploymentMode.InferenceComponent, full: true);

        var update = DetectionEndpointRequests.BuildUpdateInferenceComponent(endpoint, target);

        var policy = update.DeploymentConfig!.RollingUpdatePolicy;
        Assert.Equal((InferenceComponentCapacitySizeType.COPY_COUNT, 1), (policy.MaximumBatchSize.Type, policy.MaximumBatchSize.Value));
        Assert.Equal((InferenceComponentCapacitySizeType.COPY_COUNT, 2), (policy.RollbackMaximumBatchSize!.Type, policy.RollbackMaximumBatchSize.Value));
        Assert.Equal((120, 3600), (policy.WaitIntervalInSeconds, policy.MaximumExecutionTimeoutInSeconds));
        Assert.Equal(["birds-5xx", "birds-latency"], update.DeploymentConfig.AutoRollbackConfiguration!.Alarms!.Select(a => a.AlarmName));
        Assert.Equal(target.ModelName, update.Specification!.ModelName);
    }

    [Fact]
    public void UpdateInferenceComponent_NoAlarms_NoAutoRollbackConfiguration()
    {
        var (endpoint, target) = Setup(EndpointDeploymentMode.InferenceComponent, full: false);

        var update = DetectionEndpointRequests.BuildUpdateInferenceComponent(endpoint, target);

        Assert.Null(update.DeploymentConfig!.AutoRollbackConfiguration);
        Assert.Equal(InferenceComponentCapacitySizeType.CAPACITY_PERCENT, update.DeploymentConfig.RollingUpdatePolicy.MaximumBatchSize.Type);
    }

    [Fact]
    public void UpdateEndpoint_SingleModel_BlueGreenWithAlarms()
    {
        var (endpoint, target) = Setup(EndpointDeploymentMode.SingleModel, full: true);

        var update = DetectionEndpointRequests.BuildUpdateEndpoint(endpoint, target);

        var policy = update.DeploymentConfig!.BlueGreenUpdatePolicy!;
        Assert.Equal((TrafficRoutingConfigType.ALL_AT_ONCE, 120), (policy.TrafficRoutingConfiguration.Type, policy.TrafficRoutingConfiguration.WaitIntervalInSeconds));
        Assert.Equal(2, update.DeploymentConfig.AutoRollbackConfiguration!.Alarms!.Count);
        Assert.Equal(target.ConfigName, update.EndpointConfigName);
    }

    private static (DetectionEndpoint Endpoint, EndpointTarget Target) Setup(string mode, bool full)
    {
        var endpoint = Endpoint(mode, edit: full ? Full : null);
        var model = ModelOf(endpoint, 2);
        return (endpoint, new EndpointTarget(2, Arn(2), model, DetectionEndpointNames.EndpointConfig(endpoint, model)));
    }
}
