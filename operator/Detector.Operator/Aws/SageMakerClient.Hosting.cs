namespace Detector.Operator.Aws;

// The registry and hosting operations (second priority); same wire protocol as the training ones.
public sealed partial class SageMakerClient
{
    /// <inheritdoc/>
    public Task<CreateModelPackageGroupResponse> CreateModelPackageGroupAsync(CreateModelPackageGroupRequest request, CancellationToken ct = default) =>
        CallAsync<CreateModelPackageGroupRequest, CreateModelPackageGroupResponse>("CreateModelPackageGroup", request, ct);

    /// <inheritdoc/>
    public Task<DescribeModelPackageGroupResponse> DescribeModelPackageGroupAsync(DescribeModelPackageGroupRequest request, CancellationToken ct = default) =>
        CallAsync<DescribeModelPackageGroupRequest, DescribeModelPackageGroupResponse>("DescribeModelPackageGroup", request, ct);

    /// <inheritdoc/>
    public Task<DeleteModelPackageGroupResponse> DeleteModelPackageGroupAsync(DeleteModelPackageGroupRequest request, CancellationToken ct = default) =>
        CallAsync<DeleteModelPackageGroupRequest, DeleteModelPackageGroupResponse>("DeleteModelPackageGroup", request, ct);

    /// <inheritdoc/>
    public Task<CreateModelPackageResponse> CreateModelPackageAsync(CreateModelPackageRequest request, CancellationToken ct = default) =>
        CallAsync<CreateModelPackageRequest, CreateModelPackageResponse>("CreateModelPackage", request, ct);

    /// <inheritdoc/>
    public Task<DescribeModelPackageResponse> DescribeModelPackageAsync(DescribeModelPackageRequest request, CancellationToken ct = default) =>
        CallAsync<DescribeModelPackageRequest, DescribeModelPackageResponse>("DescribeModelPackage", request, ct);

    /// <inheritdoc/>
    public Task<ListModelPackagesResponse> ListModelPackagesAsync(ListModelPackagesRequest request, CancellationToken ct = default) =>
        CallAsync<ListModelPackagesRequest, ListModelPackagesResponse>("ListModelPackages", request, ct);

    /// <inheritdoc/>
    public Task<UpdateModelPackageResponse> UpdateModelPackageAsync(UpdateModelPackageRequest request, CancellationToken ct = default) =>
        CallAsync<UpdateModelPackageRequest, UpdateModelPackageResponse>("UpdateModelPackage", request, ct);

    /// <inheritdoc/>
    public Task<CreateModelResponse> CreateModelAsync(CreateModelRequest request, CancellationToken ct = default) =>
        CallAsync<CreateModelRequest, CreateModelResponse>("CreateModel", request, ct);

    /// <inheritdoc/>
    public Task<DescribeModelResponse> DescribeModelAsync(DescribeModelRequest request, CancellationToken ct = default) =>
        CallAsync<DescribeModelRequest, DescribeModelResponse>("DescribeModel", request, ct);

    /// <inheritdoc/>
    public Task<DeleteModelResponse> DeleteModelAsync(DeleteModelRequest request, CancellationToken ct = default) =>
        CallAsync<DeleteModelRequest, DeleteModelResponse>("DeleteModel", request, ct);

    /// <inheritdoc/>
    public Task<CreateEndpointConfigResponse> CreateEndpointConfigAsync(CreateEndpointConfigRequest request, CancellationToken ct = default) =>
        CallAsync<CreateEndpointConfigRequest, CreateEndpointConfigResponse>("CreateEndpointConfig", request, ct);

    /// <inheritdoc/>
    public Task<DescribeEndpointConfigResponse> DescribeEndpointConfigAsync(DescribeEndpointConfigRequest request, CancellationToken ct = default) =>
        CallAsync<DescribeEndpointConfigRequest, DescribeEndpointConfigResponse>("DescribeEndpointConfig", request, ct);

    /// <inheritdoc/>
    public Task<DeleteEndpointConfigResponse> DeleteEndpointConfigAsync(DeleteEndpointConfigRequest request, CancellationToken ct = default) =>
        CallAsync<DeleteEndpointConfigRequest, DeleteEndpointConfigResponse>("DeleteEndpointConfig", request, ct);

    /// <inheritdoc/>
    public Task<CreateEndpointResponse> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken ct = default) =>
        CallAsync<CreateEndpointRequest, CreateEndpointResponse>("CreateEndpoint", request, ct);

    /// <inheritdoc/>
    public Task<DescribeEndpointResponse> DescribeEndpointAsync(DescribeEndpointRequest request, CancellationToken ct = default) =>
        CallAsync<DescribeEndpointRequest, DescribeEndpointResponse>("DescribeEndpoint", request, ct);

    /// <inheritdoc/>
    public Task<UpdateEndpointResponse> UpdateEndpointAsync(UpdateEndpointRequest request, CancellationToken ct = default) =>
        CallAsync<UpdateEndpointRequest, UpdateEndpointResponse>("UpdateEndpoint", request, ct);

    /// <inheritdoc/>
    public Task<UpdateEndpointWeightsAndCapacitiesResponse> UpdateEndpointWeightsAndCapacitiesAsync(
        UpdateEndpointWeightsAndCapacitiesRequest request, CancellationToken ct = default) =>
        CallAsync<UpdateEndpointWeightsAndCapacitiesRequest, UpdateEndpointWeightsAndCapacitiesResponse>("UpdateEndpointWeightsAndCapacities", request, ct);

    /// <inheritdoc/>
    public Task<DeleteEndpointResponse> DeleteEndpointAsync(DeleteEndpointRequest request, CancellationToken ct = default) =>
        CallAsync<DeleteEndpointRequest, DeleteEndpointResponse>("DeleteEndpoint", request, ct);

    /// <inheritdoc/>
    public Task<CreateInferenceComponentResponse> CreateInferenceComponentAsync(CreateInferenceComponentRequest request, CancellationToken ct = default) =>
        CallAsync<CreateInferenceComponentRequest, CreateInferenceComponentResponse>("CreateInferenceComponent", request, ct);

    /// <inheritdoc/>
    public Task<DescribeInferenceComponentResponse> DescribeInferenceComponentAsync(DescribeInferenceComponentRequest request, CancellationToken ct = default) =>
        CallAsync<DescribeInferenceComponentRequest, DescribeInferenceComponentResponse>("DescribeInferenceComponent", request, ct);

    /// <inheritdoc/>
    public Task<UpdateInferenceComponentResponse> UpdateInferenceComponentAsync(UpdateInferenceComponentRequest request, CancellationToken ct = default) =>
        CallAsync<UpdateInferenceComponentRequest, UpdateInferenceComponentResponse>("UpdateInferenceComponent", request, ct);

    /// <inheritdoc/>
    public Task<UpdateInferenceComponentRuntimeConfigResponse> UpdateInferenceComponentRuntimeConfigAsync(UpdateInferenceComponentRuntimeConfigRequest request, CancellationToken ct = default) =>
        CallAsync<UpdateInferenceComponentRuntimeConfigRequest, UpdateInferenceComponentRuntimeConfigResponse>("UpdateInferenceComponentRuntimeConfig", request, ct);

    /// <inheritdoc/>
    public Task<DeleteInferenceComponentResponse> DeleteInferenceComponentAsync(DeleteInferenceComponentRequest request, CancellationToken ct = default) =>
        CallAsync<DeleteInferenceComponentRequest, DeleteInferenceComponentResponse>("DeleteInferenceComponent", request, ct);
}
