using Detector.Operator.Aws;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// Small helpers over <see cref="ISageMakerHosting"/>'s hosting operations for the DetectionEndpoint reconciler: Describe
/// turns "not found" into absent, Create adopts what already exists, Delete treats "already gone" as done.
/// </summary>
public static class HostingCalls
{
    /// <summary>The endpoint as the planner reads it; null when SageMaker says it does not exist.</summary>
    public static async Task<EndpointState?> FindEndpointAsync(this ISageMakerHosting sageMaker, string name, CancellationToken ct)
    {
        try
        {
            var ep = await sageMaker.DescribeEndpointAsync(new DescribeEndpointRequest { EndpointName = name }, ct);
            var variant = ep.ProductionVariants?.FirstOrDefault(v => v.VariantName == DetectionEndpointNames.VariantName);
            return new EndpointState(ep.EndpointStatus, ep.EndpointConfigName, ep.EndpointArn, ep.FailureReason, variant?.DesiredInstanceCount);
        }
        catch (SageMakerException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>The inference component as the planner reads it; null when SageMaker says it does not exist.</summary>
    public static async Task<ComponentState?> FindComponentAsync(this ISageMakerHosting sageMaker, string name, CancellationToken ct)
    {
        try
        {
            var ic = await sageMaker.DescribeInferenceComponentAsync(new DescribeInferenceComponentRequest { InferenceComponentName = name }, ct);
            var compute = ic.Specification?.ComputeResourceRequirements is { } c
                ? new ComputeState(c.MinMemoryRequiredInMb, c.NumberOfCpuCoresRequired, c.NumberOfAcceleratorDevicesRequired)
                : null;
            return new ComponentState(ic.InferenceComponentStatus ?? "", ic.Specification?.ModelName, ic.RuntimeConfig?.DesiredCopyCount,
                compute, ic.FailureReason);
        }
        catch (SageMakerException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>The names among <paramref name="models"/> that exist as SageMaker models.</summary>
    public static async Task<IReadOnlySet<string>> ExistingModelsAsync(this ISageMakerHosting sageMaker, IEnumerable<string> models, CancellationToken ct)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in models)
            if (await ExistsAsync(() => sageMaker.DescribeModelAsync(new DescribeModelRequest { ModelName = name }, ct)))
                existing.Add(name);
        return existing;
    }

    /// <summary>The names among <paramref name="configs"/> that exist as endpoint configs.</summary>
    public static async Task<IReadOnlySet<string>> ExistingConfigsAsync(this ISageMakerHosting sageMaker, IEnumerable<string> configs, CancellationToken ct)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in configs)
            if (await ExistsAsync(() => sageMaker.DescribeEndpointConfigAsync(new DescribeEndpointConfigRequest { EndpointConfigName = name }, ct)))
                existing.Add(name);
        return existing;
    }

    /// <summary>Runs a Create; true when it created, false when the resource already existed (an earlier attempt made it).</summary>
    public static async Task<bool> CreateOrAdoptAsync(Func<Task> create)
    {
        try
        {
            await create();
            return true;
        }
        catch (SageMakerException e) when (e.IsAlreadyExists)
        {
            return false;
        }
    }

    /// <summary>Runs a Delete; false when the resource was already gone.</summary>
    public static async Task<bool> DeleteIfPresentAsync(Func<Task> delete)
    {
        try
        {
            await delete();
            return true;
        }
        catch (SageMakerException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    private static async Task<bool> ExistsAsync(Func<Task> describe)
    {
        try
        {
            await describe();
            return true;
        }
        catch (SageMakerException e) when (e.IsNotFound)
        {
            return false;
        }
    }
}
