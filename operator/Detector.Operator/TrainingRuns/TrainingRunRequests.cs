using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;

namespace Detector.Operator.TrainingRuns;

/// <summary>Pure: a TrainingRun and its Dataset's inputs → the CreateTrainingJob request (and the small Describe/Stop ones).</summary>
public static class TrainingRunRequests
{
    /// <summary>
    /// The CreateTrainingJob request of the run's current spec. <paramref name="image"/> is the region's Object
    /// Detection image (<see cref="ObjectDetectionImage.For"/>); the caller has refused regions without one.
    /// </summary>
    public static CreateTrainingJobRequest BuildCreateTrainingJob(TrainingRun run, DatasetInputs data, string image)
    {
        var spec = run.Spec;
        var name = TrainingJobNames.TrainingJob(run);
        return new CreateTrainingJobRequest
        {
            TrainingJobName = name,
            RoleArn = spec.RoleArn,
            // The built-in algorithm attaches its own metric definitions (validation:mAP, ...); none are sent.
            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = image, TrainingInputMode = spec.Algorithm.InputMode },
            HyperParameters = ObjectDetectionHyperparameterWire.ToWire(spec.Algorithm, spec.Hyperparameters, data),
            InputDataConfig = TrainingJobParts.Channels(data),
            OutputDataConfig = TrainingJobParts.Output(spec),
            ResourceConfig = TrainingJobParts.Resources(spec),
            StoppingCondition = TrainingJobParts.Stopping(spec),
            VpcConfig = TrainingJobParts.Vpc(spec),
            EnableNetworkIsolation = spec.NetworkIsolation,
            EnableInterContainerTrafficEncryption = spec.InterContainerTrafficEncryption,
            EnableManagedSpotTraining = TrainingJobParts.IsSpot(spec),
            CheckpointConfig = TrainingJobParts.Checkpoint(spec, name),
            RetryStrategy = TrainingJobParts.Retry(spec),
            Tags = TrainingJobParts.Tags(run, spec.Tags),
        };
    }

    /// <summary>DescribeTrainingJob of a job name.</summary>
    public static DescribeTrainingJobRequest Describe(string jobName) => new() { TrainingJobName = jobName };

    /// <summary>StopTrainingJob of a job name.</summary>
    public static StopTrainingJobRequest Stop(string jobName) => new() { TrainingJobName = jobName };
}
