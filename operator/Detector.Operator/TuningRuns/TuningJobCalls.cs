using Detector.Operator.Aws;

namespace Detector.Operator.TuningRuns;

/// <summary>The tuning job's calls over <see cref="ISageMakerTraining"/>, turning "not found" into null as the reconciler wants it.</summary>
public static class TuningJobCalls
{
    /// <summary>Describes a tuning job; null when SageMaker says it does not exist.</summary>
    public static async Task<DescribeHyperParameterTuningJobResponse?> FindTuningJobAsync(this ISageMakerTraining sageMaker, string name, CancellationToken ct)
    {
        try
        {
            return await sageMaker.DescribeHyperParameterTuningJobAsync(new DescribeHyperParameterTuningJobRequest { HyperParameterTuningJobName = name }, ct);
        }
        catch (SageMakerException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Stops a tuning job and its running training jobs; false when there was nothing to stop.</summary>
    public static async Task<bool> TryStopTuningJobAsync(this ISageMakerTraining sageMaker, string name, CancellationToken ct)
    {
        try
        {
            await sageMaker.StopHyperParameterTuningJobAsync(new StopHyperParameterTuningJobRequest { HyperParameterTuningJobName = name }, ct);
            return true;
        }
        catch (SageMakerException e) when (e.IsNotFound || e.Kind == SageMakerErrorKind.Validation)
        {
            return false;
        }
    }
}
