namespace Detector.Operator.Aws;

/// <summary>
/// The training role of <see cref="ISageMaker"/>: training and hyperparameter tuning jobs, all the TrainingRun and
/// TuningRun reconcilers call. Every call throws <see cref="SageMakerException"/> as <see cref="ISageMaker"/> says.
/// </summary>
public interface ISageMakerTraining
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
}
