using Detector.Operator.Aws;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>
/// The operations the RegisteredModel reconciler never calls (training, hosting, tags): a call is a bug in the
/// reconciler under test, so it fails loudly instead of answering something plausible.
/// </summary>
public sealed partial class InMemoryRegistry
{
    /// <inheritdoc />
    public Task<CreateTrainingJobResponse> CreateTrainingJobAsync(CreateTrainingJobRequest request, CancellationToken ct = default) => NotUsed<CreateTrainingJobResponse>("CreateTrainingJob");

    /// <inheritdoc />
    public Task<DescribeTrainingJobResponse> DescribeTrainingJobAsync(DescribeTrainingJobRequest request, CancellationToken ct = default) => NotUsed<DescribeTrainingJobResponse>("DescribeTrainingJob");

    /// <inheritdoc />
    public Task<StopTrainingJobResponse> StopTrainingJobAsync(StopTrainingJobRequest request, CancellationToken ct = default) => NotUsed<StopTrainingJobResponse>("StopTrainingJob");

    /// <inheritdoc />
    public Task<CreateHyperParameterTuningJobResponse> CreateHyperParameterTuningJobAsync(CreateHyperParameterTuningJobRequest request, CancellationToken ct = default) => NotUsed<CreateHyperParameterTuningJobResponse>("CreateHyperParameterTuningJob");

    /// <inheritdoc />
    public Task<DescribeHyperParameterTuningJobResponse> DescribeHyperParameterTuningJobAsync(DescribeHyperParameterTuningJobRequest request, CancellationToken ct = default) => NotUsed<DescribeHyperParameterTuningJobResponse>("DescribeHyperParameterTuningJob");

    /// <inheritdoc />
    public Task<StopHyperParameterTuningJobResponse> StopHyperParameterTuningJobAsync(StopHyperParameterTuningJobRequest request, CancellationToken ct = default) => NotUsed<StopHyperParameterTuningJobResponse>("StopHyperParameterTuningJob");

    /// <inheritdoc />
    public Task<ListTrainingJobsForHyperParameterTuningJobResponse> ListTrainingJobsForHyperParameterTuningJobAsync(ListTrainingJobsForHyperParameterTuningJobRequest request, CancellationToken ct = default) => NotUsed<ListTrainingJobsForHyperParameterTuningJobResponse>("ListTrainingJobsForHyperParameterTuningJob");

    /// <inheritdoc />
    public Task<AddTagsResponse> AddTagsAsync(AddTagsRequest request, CancellationToken ct = default) => NotUsed<AddTagsResponse>("AddTags");

    /// <inheritdoc />
    public Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken ct = default) => NotUsed<ListTagsResponse>("ListTags");

    /// <inheritdoc />
    public Task<DeleteTagsResponse> DeleteTagsAsync(DeleteTagsRequest request, CancellationToken ct = default) => NotUsed<DeleteTagsResponse>("DeleteTags");

    /// <inheritdoc />
    public Task<CreateModelResponse> CreateModelAsync(CreateModelRequest request, CancellationToken ct = default) => NotUsed<CreateModelResponse>("CreateModel");

    /// <inheritdoc />
    public Task<DescribeModelResponse> DescribeModelAsync(DescribeModelRequest request, CancellationToken ct = default) => NotUsed<DescribeModelResponse>("DescribeModel");

    /// <inheritdoc />
    public Task<DeleteModelResponse> DeleteModelAsync(DeleteModelRequest request, CancellationToken ct = default) => NotUsed<DeleteModelResponse>("DeleteModel");

    /// <inheritdoc />
    public Task<CreateEndpointConfigResponse> CreateEndpointConfigAsync(CreateEndpointConfigRequest request, CancellationToken ct = default) => NotUsed<CreateEndpointConfigResponse>("CreateEndpointConfig");

    /// <inheritdoc />
    public Task<DescribeEndpointConfigResponse> DescribeEndpointConfigAsync(DescribeEndpointConfigRequest request, CancellationToken ct = default) => NotUsed<DescribeEndpointConfigResponse>("DescribeEndpointConfig");

    /// <inheritdoc />
    public Task<DeleteEndpointConfigResponse> DeleteEndpointConfigAsync(DeleteEndpointConfigRequest request, CancellationToken ct = default) => NotUsed<DeleteEndpointConfigResponse>("DeleteEndpointConfig");

    /// <inheritdoc />
    public Task<CreateEndpointResponse> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken ct = default) => NotUsed<CreateEndpointResponse>("CreateEndpoint");

    /// <inheritdoc />
    public Task<DescribeEndpointResponse> DescribeEndpointAsync(DescribeEndpointRequest request, CancellationToken ct = default) => NotUsed<DescribeEndpointResponse>("DescribeEndpoint");

    /// <inheritdoc />
    public Task<UpdateEndpointResponse> UpdateEndpointAsync(UpdateEndpointRequest request, CancellationToken ct = default) => NotUsed<UpdateEndpointResponse>("UpdateEndpoint");

    /// <inheritdoc />
    public Task<UpdateEndpointWeightsAndCapacitiesResponse> UpdateEndpointWeightsAndCapacitiesAsync(UpdateEndpointWeightsAndCapacitiesRequest request,
        CancellationToken ct = default) => NotUsed<UpdateEndpointWeightsAndCapacitiesResponse>("UpdateEndpointWeightsAndCapacities");

    /// <inheritdoc />
    public Task<DeleteEndpointResponse> DeleteEndpointAsync(DeleteEndpointRequest request, CancellationToken ct = default) => NotUsed<DeleteEndpointResponse>("DeleteEndpoint");

    /// <inheritdoc />
    public Task<CreateInferenceComponentResponse> CreateInferenceComponentAsync(CreateInferenceComponentRequest request, CancellationToken ct = default) => NotUsed<CreateInferenceComponentResponse>("CreateInferenceComponent");

    /// <inheritdoc />
    public Task<DescribeInferenceComponentResponse> DescribeInferenceComponentAsync(DescribeInferenceComponentRequest request, CancellationToken ct = default) => NotUsed<DescribeInferenceComponentResponse>("DescribeInferenceComponent");

    /// <inheritdoc />
    public Task<UpdateInferenceComponentResponse> UpdateInferenceComponentAsync(UpdateInferenceComponentRequest request, CancellationToken ct = default) => NotUsed<UpdateInferenceComponentResponse>("UpdateInferenceComponent");

    /// <inheritdoc />
    public Task<UpdateInferenceComponentRuntimeConfigResponse> UpdateInferenceComponentRuntimeConfigAsync(UpdateInferenceComponentRuntimeConfigRequest request, CancellationToken ct = default) => NotUsed<UpdateInferenceComponentRuntimeConfigResponse>("UpdateInferenceComponentRuntimeConfig");

    /// <inheritdoc />
    public Task<DeleteInferenceComponentResponse> DeleteInferenceComponentAsync(DeleteInferenceComponentRequest request, CancellationToken ct = default) => NotUsed<DeleteInferenceComponentResponse>("DeleteInferenceComponent");

    /// <inheritdoc />
    public Task<DeleteModelPackageGroupResponse> DeleteModelPackageGroupAsync(DeleteModelPackageGroupRequest request, CancellationToken ct = default) => NotUsed<DeleteModelPackageGroupResponse>("DeleteModelPackageGroup");

    private Task<T> NotUsed<T>(string operation)
    {
        Unexpected.Enqueue(operation);
        throw new InvalidOperationException($"The RegisteredModel reconciler must not call {operation}");
    }
}
