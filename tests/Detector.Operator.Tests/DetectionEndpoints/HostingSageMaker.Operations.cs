using Detector.Operator.Aws;
using Detector.Operator.DetectionEndpoints;

namespace Detector.Operator.Tests.DetectionEndpoints;

public sealed partial class HostingSageMaker
{
    /// <inheritdoc />
    public Task<CreateModelResponse> CreateModelAsync(CreateModelRequest request, CancellationToken ct = default)
    {
        Call("CreateModel", request);
        if (!Models.TryAdd(request.ModelName, request))
            throw Exists("model", $"model/{request.ModelName}");
        return Task.FromResult(new CreateModelResponse { ModelArn = $"{Account}:model/{request.ModelName}" });
    }

    /// <inheritdoc />
    public Task<DescribeModelResponse> DescribeModelAsync(DescribeModelRequest request, CancellationToken ct = default)
    {
        Call("DescribeModel", request);
        if (!Models.ContainsKey(request.ModelName))
            throw NotFound("model", $"model/{request.ModelName}");
        return Task.FromResult(new DescribeModelResponse { ModelName = request.ModelName, CreationTime = s_time, ModelArn = $"{Account}:model/{request.ModelName}" });
    }

    /// <inheritdoc />
    public Task<DeleteModelResponse> DeleteModelAsync(DeleteModelRequest request, CancellationToken ct = default)
    {
        Call("DeleteModel", request);
        if (!Models.Remove(request.ModelName))
            throw NotFound("model", $"model/{request.ModelName}");
        return Task.FromResult(new DeleteModelResponse());
    }

    /// <inheritdoc />
    public Task<CreateEndpointConfigResponse> CreateEndpointConfigAsync(CreateEndpointConfigRequest request, CancellationToken ct = default)
    {
        Call("CreateEndpointConfig", request);
        if (!Configs.TryAdd(request.EndpointConfigName, request))
            throw Exists("endpoint configuration", $"endpoint-config/{request.EndpointConfigName}");
        return Task.FromResult(new CreateEndpointConfigResponse { EndpointConfigArn = $"{Account}:endpoint-config/{request.EndpointConfigName}" });
    }

    /// <inheritdoc />
    public Task<DescribeEndpointConfigResponse> DescribeEndpointConfigAsync(DescribeEndpointConfigRequest request, CancellationToken ct = default)
    {
        Call("DescribeEndpointConfig", request);
        if (!Configs.TryGetValue(request.EndpointConfigName, out var config))
            throw NotFound("endpoint configuration", $"endpoint-config/{request.EndpointConfigName}");
        return Task.FromResult(new DescribeEndpointConfigResponse
        {
            EndpointConfigName = config.EndpointConfigName, EndpointConfigArn = $"{Account}:endpoint-config/{config.EndpointConfigName}",
            ProductionVariants = config.ProductionVariants, CreationTime = s_time,
        });
    }

    /// <inheritdoc />
    public Task<DeleteEndpointConfigResponse> DeleteEndpointConfigAsync(DeleteEndpointConfigRequest request, CancellationToken ct = default)
    {
        Call("DeleteEndpointConfig", request);
        if (!Configs.Remove(request.EndpointConfigName))
            throw NotFound("endpoint configuration", $"endpoint-config/{request.EndpointConfigName}");
        return Task.FromResult(new DeleteEndpointConfigResponse());
    }

    /// <inheritdoc />
    public Task<CreateEndpointResponse> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken ct = default)
    {
        Call("CreateEndpoint", request);
        if (Endpoints.ContainsKey(request.EndpointName))
            throw Exists("endpoint", $"endpoint/{request.EndpointName}");
        if (!Configs.ContainsKey(request.EndpointConfigName))
            throw Invalid($"Could not find endpoint configuration \"{Account}:endpoint-config/{request.EndpointConfigName}\".");
        var arn = $"{Account}:endpoint/{request.EndpointName}";
        var count = Configs[request.EndpointConfigName].ProductionVariants[0].InitialInstanceCount;
        Endpoints[request.EndpointName] = new EndpointState(EndpointStatus.Creating, request.EndpointConfigName, arn, DesiredInstanceCount: count);
        return Task.FromResult(new CreateEndpointResponse { EndpointArn = arn });
    }

    /// <inheritdoc />
    public Task<DescribeEndpointResponse> DescribeEndpointAsync(DescribeEndpointRequest request, CancellationToken ct = default)
    {
        Call("DescribeEndpoint", request);
        if (!Endpoints.TryGetValue(request.EndpointName, out var ep))
            throw NotFound("endpoint", $"endpoint/{request.EndpointName}");
        return Task.FromResult(new DescribeEndpointResponse
        {
            EndpointName = request.EndpointName, EndpointArn = ep.Arn!, EndpointConfigName = ep.ConfigName, EndpointStatus = ep.Status,
            FailureReason = ep.FailureReason, CreationTime = s_time, LastModifiedTime = s_time,
            ProductionVariants = ep.DesiredInstanceCount is { } n
                ? [new ProductionVariantSummary { VariantName = DetectionEndpointNames.VariantName, DesiredInstanceCount = n }]
                : null,
        });
    }

    /// <inheritdoc />
    public Task<UpdateEndpointWeightsAndCapacitiesResponse> UpdateEndpointWeightsAndCapacitiesAsync(UpdateEndpointWeightsAndCapacitiesRequest request,
        CancellationToken ct = default)
    {
        Call("UpdateEndpointWeightsAndCapacities", request);
        if (!Endpoints.TryGetValue(request.EndpointName, out var ep))
            throw NotFound("endpoint", $"endpoint/{request.EndpointName}");
        if (ep.Status != EndpointStatus.InService)
            throw Invalid($"Cannot update in-progress endpoint \"{ep.Arn}\".");
        Endpoints[request.EndpointName] = ep with
        {
            Status = EndpointStatus.Updating, DesiredInstanceCount = request.DesiredWeightsAndCapacities[0].DesiredInstanceCount ?? ep.DesiredInstanceCount,
        };
        return Task.FromResult(new UpdateEndpointWeightsAndCapacitiesResponse { EndpointArn = ep.Arn! });
    }

    /// <inheritdoc />
    public Task<UpdateEndpointResponse> UpdateEndpointAsync(UpdateEndpointRequest request, CancellationToken ct = default)
    {
        Call("UpdateEndpoint", request);
        if (!Endpoints.TryGetValue(request.EndpointName, out var ep))
            throw NotFound("endpoint", $"endpoint/{request.EndpointName}");
        if (ep.Status != EndpointStatus.InService)
            throw Invalid($"Cannot update in-progress endpoint \"{ep.Arn}\".");
        // A new config brings its own InitialInstanceCount (RetainAllVariantProperties is not used).
        var count = Configs.GetValueOrDefault(request.EndpointConfigName)?.ProductionVariants[0].InitialInstanceCount ?? ep.DesiredInstanceCount;
        Endpoints[request.EndpointName] = ep with { Status = EndpointStatus.Updating, ConfigName = request.EndpointConfigName, DesiredInstanceCount = count };
        return Task.FromResult(new UpdateEndpointResponse { EndpointArn = ep.Arn! });
    }

    /// <inheritdoc />
    public Task<DeleteEndpointResponse> DeleteEndpointAsync(DeleteEndpointRequest request, CancellationToken ct = default)
    {
        Call("DeleteEndpoint", request);
        if (!Endpoints.TryGetValue(request.EndpointName, out var ep))
            throw NotFound("endpoint", $"endpoint/{request.EndpointName}");
        Endpoints[request.EndpointName] = ep with { Status = EndpointStatus.Deleting };
        return Task.FromResult(new DeleteEndpointResponse());
    }

    /// <inheritdoc />
    public Task<CreateInferenceComponentResponse> CreateInferenceComponentAsync(CreateInferenceComponentRequest request, CancellationToken ct = default)
    {
        Call("CreateInferenceComponent", request);
        if (Components.ContainsKey(request.InferenceComponentName))
            throw Exists("inference component", $"inference-component/{request.InferenceComponentName}");
        if (Endpoints.GetValueOrDefault(request.EndpointName)?.Status != EndpointStatus.InService)
            throw Invalid($"Endpoint {request.EndpointName} is not InService.");
        var spec = request.Specification!;
        if (spec.ModelName is null || !Models.ContainsKey(spec.ModelName))
            throw Invalid($"Could not find model \"{Account}:model/{spec.ModelName}\".");
        _componentEndpoints[request.InferenceComponentName] = request.EndpointName;
        Components[request.InferenceComponentName] = (new ComponentState(InferenceComponentStatus.Creating, spec.ModelName,
            request.RuntimeConfig?.CopyCount, Compute(spec)), null);
        return Task.FromResult(new CreateInferenceComponentResponse { InferenceComponentArn = $"{Account}:inference-component/{request.InferenceComponentName}" });
    }

    /// <inheritdoc />
    public Task<DescribeInferenceComponentResponse> DescribeInferenceComponentAsync(DescribeInferenceComponentRequest request, CancellationToken ct = default)
    {
        Call("DescribeInferenceComponent", request);
        if (!Components.TryGetValue(request.InferenceComponentName, out var ic))
            throw NotFound("inference component", $"inference-component/{request.InferenceComponentName}");
        var s = ic.State;
        return Task.FromResult(new DescribeInferenceComponentResponse
        {
            InferenceComponentName = request.InferenceComponentName, InferenceComponentArn = $"{Account}:inference-component/{request.InferenceComponentName}",
            EndpointName = EndpointOf(request.InferenceComponentName), EndpointArn = $"{Account}:endpoint/{EndpointOf(request.InferenceComponentName)}",
            InferenceComponentStatus = s.Status, FailureReason = s.FailureReason, CreationTime = s_time, LastModifiedTime = s_time,
            Specification = new InferenceComponentSpecificationSummary
            {
                ModelName = s.ModelName,
                ComputeResourceRequirements = s.Compute is { } c ? new InferenceComponentComputeResourceRequirements
                {
                    MinMemoryRequiredInMb = c.MinMemoryMb, NumberOfCpuCoresRequired = c.CpuCores, NumberOfAcceleratorDevicesRequired = c.AcceleratorDevices,
                } : null,
            },
            RuntimeConfig = new InferenceComponentRuntimeConfigSummary { DesiredCopyCount = s.DesiredCopies, CurrentCopyCount = s.DesiredCopies },
        });
    }

    /// <inheritdoc />
    public Task<UpdateInferenceComponentResponse> UpdateInferenceComponentAsync(UpdateInferenceComponentRequest request, CancellationToken ct = default)
    {
        Call("UpdateInferenceComponent", request);
        var (state, _) = InService(request.InferenceComponentName);
        var spec = request.Specification!;
        Components[request.InferenceComponentName] = (state with
        {
            Status = InferenceComponentStatus.Updating, ModelName = spec.ModelName ?? state.ModelName, Compute = Compute(spec) ?? state.Compute,
            DesiredCopies = request.RuntimeConfig?.CopyCount ?? state.DesiredCopies, FailureReason = null,
        }, state);
        return Task.FromResult(new UpdateInferenceComponentResponse { InferenceComponentArn = $"{Account}:inference-component/{request.InferenceComponentName}" });
    }

    /// <inheritdoc />
    public Task<UpdateInferenceComponentRuntimeConfigResponse> UpdateInferenceComponentRuntimeConfigAsync(UpdateInferenceComponentRuntimeConfigRequest request,
        CancellationToken ct = default)
    {
        Call("UpdateInferenceComponentRuntimeConfig", request);
        var (state, _) = InService(request.InferenceComponentName);
        Components[request.InferenceComponentName] = (state with { Status = InferenceComponentStatus.Updating, DesiredCopies = request.DesiredRuntimeConfig.CopyCount }, state);
        return Task.FromResult(new UpdateInferenceComponentRuntimeConfigResponse { InferenceComponentArn = $"{Account}:inference-component/{request.InferenceComponentName}" });
    }

    /// <inheritdoc />
    public Task<DeleteInferenceComponentResponse> DeleteInferenceComponentAsync(DeleteInferenceComponentRequest request, CancellationToken ct = default)
    {
        Call("DeleteInferenceComponent", request);
        if (!Components.TryGetValue(request.InferenceComponentName, out var ic))
            throw NotFound("inference component", $"inference-component/{request.InferenceComponentName}");
        Components[request.InferenceComponentName] = (ic.State with { Status = InferenceComponentStatus.Deleting }, null);
        return Task.FromResult(new DeleteInferenceComponentResponse());
    }

    private (ComponentState State, ComponentState? Before) InService(string name)
    {
        if (!Components.TryGetValue(name, out var ic))
            throw NotFound("inference component", $"inference-component/{name}");
        if (ic.State.Status != InferenceComponentStatus.InService)
            throw Invalid($"Inference component {name} is {ic.State.Status}; it can be updated only when InService.");
        return ic;
    }

    private static ComputeState? Compute(InferenceComponentSpecification spec) => spec.ComputeResourceRequirements is { } c
        ? new ComputeState(c.MinMemoryRequiredInMb, c.NumberOfCpuCoresRequired, c.NumberOfAcceleratorDevicesRequired)
        : null;
}
