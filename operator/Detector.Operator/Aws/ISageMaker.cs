namespace Detector.Operator.Aws;

/// <summary>
/// The SageMaker control plane as the controllers see it, shaped like the AWS SDK's <c>IAmazonSageMaker</c> so a
/// later swap to the official package is mechanical. Every call throws <see cref="SageMakerException"/> for an AWS
/// error after the client's own retries of throttling, 5xx and network errors; read its <see cref="SageMakerException.Kind"/>.
/// </summary>
public interface ISageMaker
{
    /// <summary>Starts a training job; a duplicate name fails with kind <see cref="SageMakerErrorKind.AlreadyExists"/>.</summary>
    Task<CreateTrainingJobResponse> CreateTrainingJobAsync(CreateTrainingJobRequest request, CancellationToken ct = default);

    /// <summary>Describes a training job; a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeTrainingJobResponse> DescribeTrainingJobAsync(DescribeTrainingJobRequest request, CancellationToken ct = default);

    /// <summary>Asks SageMaker to stop a training job (status Stopping, then Stopped).</summary>
    Task<StopTrainingJobResponse> StopTrainingJobAsync(StopTrainingJobRequest request, CancellationToken ct = default);

    /// <summary>Starts a hyperparameter tuning job; a duplicate name fails with kind <see cref="SageMakerErrorKind.AlreadyExists"/>.</summary>
    Task<CreateHyperParameterTuningJobResponse> CreateHyperParameterTuningJobAsync(
        CreateHyperParameterTuningJobRequest request, CancellationToken ct = default);

    /// <summary>Describes a tuning job; a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeHyperParameterTuningJobResponse> DescribeHyperParameterTuningJobAsync(
        DescribeHyperParameterTuningJobRequest request, CancellationToken ct = default);

    /// <summary>Asks SageMaker to stop a tuning job and all of its running training jobs.</summary>
    Task<StopHyperParameterTuningJobResponse> StopHyperParameterTuningJobAsync(
        StopHyperParameterTuningJobRequest request, CancellationToken ct = default);

    /// <summary>Lists one page of the training jobs a tuning job launched (follow <c>NextToken</c>).</summary>
    Task<ListTrainingJobsForHyperParameterTuningJobResponse> ListTrainingJobsForHyperParameterTuningJobAsync(
        ListTrainingJobsForHyperParameterTuningJobRequest request, CancellationToken ct = default);

    /// <summary>Adds or overwrites tags on a SageMaker resource.</summary>
    Task<AddTagsResponse> AddTagsAsync(AddTagsRequest request, CancellationToken ct = default);

    /// <summary>Lists one page of a SageMaker resource's tags (<c>MaxResults</c> is at least 50).</summary>
    Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken ct = default);

    /// <summary>Removes tags from a SageMaker resource.</summary>
    Task<DeleteTagsResponse> DeleteTagsAsync(DeleteTagsRequest request, CancellationToken ct = default);

    // Second priority: model registry, models, endpoint configurations, endpoints, inference components.

    /// <summary>Creates a model package group (a registry entry for versions of one model).</summary>
    Task<CreateModelPackageGroupResponse> CreateModelPackageGroupAsync(CreateModelPackageGroupRequest request, CancellationToken ct = default);

    /// <summary>Describes a model package group; a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeModelPackageGroupResponse> DescribeModelPackageGroupAsync(DescribeModelPackageGroupRequest request, CancellationToken ct = default);

    /// <summary>Deletes a model package group (it must hold no model packages).</summary>
    Task<DeleteModelPackageGroupResponse> DeleteModelPackageGroupAsync(DeleteModelPackageGroupRequest request, CancellationToken ct = default);

    /// <summary>Creates a model package; in a group this is a new version each call, so pass <c>ClientToken</c> for retry safety.</summary>
    Task<CreateModelPackageResponse> CreateModelPackageAsync(CreateModelPackageRequest request, CancellationToken ct = default);

    /// <summary>Describes a model package (by ARN for a version); a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeModelPackageResponse> DescribeModelPackageAsync(DescribeModelPackageRequest request, CancellationToken ct = default);

    /// <summary>Lists one page of model packages; pass a group name or <c>ModelPackageType</c> Versioned (the default is Unversioned).</summary>
    Task<ListModelPackagesResponse> ListModelPackagesAsync(ListModelPackagesRequest request, CancellationToken ct = default);

    /// <summary>Updates a model package, e.g. its approval status.</summary>
    Task<UpdateModelPackageResponse> UpdateModelPackageAsync(UpdateModelPackageRequest request, CancellationToken ct = default);

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
