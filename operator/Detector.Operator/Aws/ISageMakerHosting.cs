namespace Detector.Operator.Aws;

/// <summary>
/// The hosting role of <see cref="ISageMaker"/>: models, endpoint configurations, endpoints and inference components,
/// all the DetectionEndpoint reconciler calls. Every call throws <see cref="SageMakerException"/> as
/// <see cref="ISageMaker"/> says.
/// </summary>
public interface ISageMakerHosting
{
    /// <summary>Creates a model (image and artifact); a duplicate name fails with kind <see cref="SageMakerErrorKind.AlreadyExists"/>.</summary>
    Task<CreateModelResponse> CreateModelAsync(CreateModelRequest request, CancellationToken ct = default);

    /// <summary>Describes a model; a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeModelResponse> DescribeModelAsync(DescribeModelRequest request, CancellationToken ct = default);

    /// <summary>Deletes a model (not its S3 artifact).</summary>
    Task<DeleteModelResponse> DeleteModelAsync(DeleteModelRequest request, CancellationToken ct = default);

    /// <summary>Creates an endpoint configuration; a duplicate name fails with kind <see cref="SageMakerErrorKind.AlreadyExists"/>.</summary>
    Task<CreateEndpointConfigResponse> CreateEndpointConfigAsync(CreateEndpointConfigRequest request, CancellationToken ct = default);

    /// <summary>Describes an endpoint configuration; a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeEndpointConfigResponse> DescribeEndpointConfigAsync(DescribeEndpointConfigRequest request, CancellationToken ct = default);

    /// <summary>Deletes an endpoint configuration (never one an endpoint is being created or updated with).</summary>
    Task<DeleteEndpointConfigResponse> DeleteEndpointConfigAsync(DeleteEndpointConfigRequest request, CancellationToken ct = default);

    /// <summary>Creates an endpoint from a configuration; a duplicate name fails with kind <see cref="SageMakerErrorKind.AlreadyExists"/>.</summary>
    Task<CreateEndpointResponse> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken ct = default);

    /// <summary>Describes an endpoint; a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeEndpointResponse> DescribeEndpointAsync(DescribeEndpointRequest request, CancellationToken ct = default);

    /// <summary>Moves an endpoint to a new configuration (blue/green).</summary>
    Task<UpdateEndpointResponse> UpdateEndpointAsync(UpdateEndpointRequest request, CancellationToken ct = default);

    /// <summary>Changes a variant's instance count (or weight) in place; the endpoint is Updating meanwhile.</summary>
    Task<UpdateEndpointWeightsAndCapacitiesResponse> UpdateEndpointWeightsAndCapacitiesAsync(UpdateEndpointWeightsAndCapacitiesRequest request,
        CancellationToken ct = default);

    /// <summary>Deletes an endpoint (asynchronously: it stays Deleting for a while).</summary>
    Task<DeleteEndpointResponse> DeleteEndpointAsync(DeleteEndpointRequest request, CancellationToken ct = default);

    /// <summary>Creates an inference component on an InService endpoint.</summary>
    Task<CreateInferenceComponentResponse> CreateInferenceComponentAsync(CreateInferenceComponentRequest request, CancellationToken ct = default);

    /// <summary>Describes an inference component; a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeInferenceComponentResponse> DescribeInferenceComponentAsync(DescribeInferenceComponentRequest request, CancellationToken ct = default);

    /// <summary>Updates an inference component's specification, copy count or deployment (rolling update).</summary>
    Task<UpdateInferenceComponentResponse> UpdateInferenceComponentAsync(UpdateInferenceComponentRequest request, CancellationToken ct = default);

    /// <summary>Changes only the copy count of an inference component.</summary>
    Task<UpdateInferenceComponentRuntimeConfigResponse> UpdateInferenceComponentRuntimeConfigAsync(UpdateInferenceComponentRuntimeConfigRequest request, CancellationToken ct = default);

    /// <summary>Deletes an inference component.</summary>
    Task<DeleteInferenceComponentResponse> DeleteInferenceComponentAsync(DeleteInferenceComponentRequest request, CancellationToken ct = default);
}
