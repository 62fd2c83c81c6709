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
}
