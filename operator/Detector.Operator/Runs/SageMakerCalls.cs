using Detector.Operator.Aws;

namespace Detector.Operator.Runs;

/// <summary>Small helpers over <see cref="ISageMakerTraining"/> that turn "not found" into null, as reconcilers want it.</summary>
public static class SageMakerCalls
{
    /// <summary>Describes a training job; null when SageMaker says it does not exist.</summary>
    public static async Task<DescribeTrainingJobResponse?> FindTrainingJobAsync(this ISageMakerTraining sageMaker, string name, CancellationToken ct)
    {
        try
        {
            return await sageMaker.DescribeTrainingJobAsync(new DescribeTrainingJobRequest { TrainingJobName = name }, ct);
        }
        catch (SageMakerException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Stops a training job; false when there was nothing to stop (gone, or no longer running: SageMaker answers a
    /// ValidationException for a job that already finished).
    /// </summary>
    public static async Task<bool> TryStopTrainingJobAsync(this ISageMakerTraining sageMaker, string name, CancellationToken ct)
    {
        try
        {
            await sageMaker.StopTrainingJobAsync(new StopTrainingJobRequest { TrainingJobName = name }, ct);
            return true;
        }
        catch (SageMakerException e) when (e.IsNotFound || e.Kind == SageMakerErrorKind.Validation)
        {
            return false;
        }
    }
}
