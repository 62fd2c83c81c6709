namespace Detector.Operator.Aws;

/// <summary>
/// The SageMaker control plane as the controllers see it, shaped like the AWS SDK's <c>IAmazonSageMaker</c> so a
/// later swap to the official package is mechanical. Every call throws <see cref="SageMakerException"/> for an AWS
/// error after the client's own retries of throttling, 5xx and network errors; read its <see cref="SageMakerException.Kind"/>.
/// Reconcilers and their test doubles use the role they need: <see cref="ISageMakerTraining"/>,
/// <see cref="ISageMakerRegistry"/> or <see cref="ISageMakerHosting"/>. The operations no reconciler calls (tags,
/// deleting a model package group: a RegisteredModel's deletion keeps SageMaker's registry) are only here.
/// </summary>
public interface ISageMaker : ISageMakerTraining, ISageMakerRegistry, ISageMakerHosting
{
    /// <summary>Deletes a model package group (it must hold no model packages).</summary>
    Task<DeleteModelPackageGroupResponse> DeleteModelPackageGroupAsync(DeleteModelPackageGroupRequest request, CancellationToken ct = default);

    /// <summary>Adds or overwrites tags on a SageMaker resource.</summary>
    Task<AddTagsResponse> AddTagsAsync(AddTagsRequest request, CancellationToken ct = default);

    /// <summary>Lists one page of a SageMaker resource's tags (<c>MaxResults</c> is at least 50).</summary>
    Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken ct = default);

    /// <summary>Removes tags from a SageMaker resource.</summary>
    Task<DeleteTagsResponse> DeleteTagsAsync(DeleteTagsRequest request, CancellationToken ct = default);
}
