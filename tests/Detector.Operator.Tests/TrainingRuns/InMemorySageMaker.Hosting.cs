using Detector.Operator.Aws;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>
/// The hosting and registry operations, which the TrainingRun and TuningRun reconcilers never call: a call is a bug in
/// the reconciler under test, so it fails loudly instead of answering something plausible.
/// </summary>
public sealed partial class InMemorySageMaker
{
    /// <inheritdoc />
    public Task<CreateEndpointResponse> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken ct = default) => NotUsed<CreateEndpointResponse>("CreateEndpoint");

    /// <inheritdoc />
    public Task<CreateEndpointConfigResponse> CreateEndpointConfigAsync(CreateEndpointConfigRequest request, CancellationToken ct = default) => NotUsed<CreateEndpointConfigResponse>("CreateEndpointConfig");

    /// <inheritdoc />
    public Task<CreateInferenceComponentResponse> CreateInferenceComponentAsync(CreateInferenceComponentRequest request, CancellationToken ct = default) => NotUsed<CreateInferenceComponentResponse>("CreateInferenceComponent");

    /// <inheritdoc />
    public Task<CreateModelResponse> CreateModelAsync(CreateModelRequest request, CancellationToken ct = default) => NotUsed<CreateModelResponse>("CreateModel");

    /// <inheritdoc />
    public Task<CreateModelPackageResponse> CreateModelPackageAsync(CreateModelPackageRequest request, CancellationToken ct = default) => NotUsed<CreateModelPackageResponse>("CreateModelPackage");

    /// <inheritdoc />
    public Task<CreateModelPackageGroupResponse> CreateModelPackageGroupAsync(CreateModelPackageGroupRequest request, CancellationToken ct = default) => NotUsed<CreateModelPackageGroupResponse>("CreateModelPackageGroup");

    /// <inheritdoc />
    public Task<DeleteEndpointResponse> DeleteEndpointAsync(DeleteEndpointRequest request, CancellationToken ct = default) => NotUsed<DeleteEndpointResponse>("DeleteEndpoint");

    /// <inheritdoc />
    public Task<DeleteEndpointConfigResponse> DeleteEndpointConfigAsync(DeleteEndpointConfigRequest request, CancellationToken ct = default) => NotUsed<DeleteEndpointConfigResponse>("DeleteEndpointConfig");

    /// <inheritdoc />
    public Task<DeleteInferenceComponentResponse> DeleteInferenceComponentAsync(DeleteInferenceComponentRequest request, CancellationToken ct = default) => NotUsed<DeleteInferenceComponentResponse>("DeleteInferenceComponent");

    /// <inheritdoc />
    public Task<DeleteModelResponse> DeleteModelAsync(DeleteModelRequest request, CancellationToken ct = default) => NotUsed<DeleteModelResponse>("DeleteModel");

    /// <inheritdoc />
    public Task<DeleteModelPackageGroupResponse> DeleteModelPackageGroupAsync(DeleteModelPackageGroupRequest request, CancellationToken ct = default) => NotUsed<DeleteModelPackageGroupResponse>("DeleteModelPackageGroup");

    /// <inheritdoc />
    public Task<DescribeEndpointResponse> DescribeEndpointAsync(DescribeEndpointRequest request, CancellationToken ct = default) => NotUsed<DescribeEndpointResponse>("DescribeEndpoint");

    /// <inheritdoc />
    public Task<DescribeEndpointConfigResponse> DescribeEndpointConfigAsync(DescribeEndpointConfigRequest request, CancellationToken ct = default) => NotUsed<DescribeEndpointConfigResponse>("DescribeEndpointConfig");

    /// <inheritdoc />
    public Task<DescribeInferenceComponentResponse> DescribeInferenceComponentAsync(DescribeInferenceComponentRequest request, CancellationToken ct = default) => NotUsed<DescribeInferenceComponentResponse>("DescribeInferenceComponent");

    /// <inheritdoc />
    public Task<DescribeModelResponse> DescribeModelAsync(DescribeModelRequest request, CancellationToken ct = default) => NotUsed<DescribeModelResponse>("DescribeModel");

    /// <inheritdoc />
    public Task<DescribeModelPackageResponse> DescribeModelPackageAsync(DescribeModelPackageRequest request, CancellationToken ct = default) => NotUsed<DescribeModelPackageResponse>("DescribeModelPackage");

    /// <inheritdoc />
    public Task<DescribeModelPackageGroupResponse> DescribeModelPackageGroupAsync(DescribeModelPackageGroupRequest request, CancellationToken ct = default) => NotUsed<DescribeModelPackageGroupResponse>("DescribeModelPackageGroup");

    /// <inheritdoc />
    public Task<ListModelPackagesResponse> ListModelPackagesAsync(ListModelPackagesRequest request, CancellationToken ct = default) => NotUsed<ListModelPackagesResponse>("ListModelPackages");

    /// <inheritdoc />
    public Task<UpdateEndpointResponse> UpdateEndpointAsync(UpdateEndpointRequest request, CancellationToken ct = default) => NotUsed<UpdateEndpointResponse>("UpdateEndpoint");

    /// <inheritdoc />
    public Task<UpdateEndpointWeightsAndCapacitiesResponse> UpdateEndpointWeightsAndCapacitiesAsync(UpdateEndpointWeightsAndCapacitiesRequest request,
        CancellationToken ct = default) => NotUsed<UpdateEndpointWeightsAndCapacitiesResponse>("UpdateEndpointWeightsAndCapacities");

    /// <inheritdoc />
    public Task<UpdateInferenceComponentResponse> UpdateInferenceComponentAsync(UpdateInferenceComponentRequest request, CancellationToken ct = default) => NotUsed<UpdateInferenceComponentResponse>("UpdateInferenceComponent");

    /// <inheritdoc />
    public Task<UpdateInferenceComponentRuntimeConfigResponse> UpdateInferenceComponentRuntimeConfigAsync(UpdateInferenceComponentRuntimeConfigRequest request, CancellationToken ct = default) => NotUsed<UpdateInferenceComponentRuntimeConfigResponse>("UpdateInferenceComponentRuntimeConfig");

    /// <inheritdoc />
    public Task<UpdateModelPackageResponse> UpdateModelPackageAsync(UpdateModelPackageRequest request, CancellationToken ct = default) => NotUsed<UpdateModelPackageResponse>("UpdateModelPackage");

    private static Task<T> NotUsed<T>(string operation) =>
        throw new InvalidOperationException($"{operation} is not a training or tuning operation; the reconciler under test must not call it");
}
