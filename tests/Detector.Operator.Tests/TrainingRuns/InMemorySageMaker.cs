using System.Collections.Concurrent;
using Detector.Operator.Aws;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>
/// An in-memory <see cref="ISageMakerTraining"/> for the TrainingRun and TuningRun reconciler unit tests: keeps jobs as
/// Describe responses, answers with the error kinds the real client raises (not found, already exists, validation on
/// stopping a finished job), logs every call and fails the next call of an operation on request. The HTTP fake (Fakes/SageMaker) is for end-to-end tests.
/// </summary>
public sealed partial class InMemorySageMaker : ISageMakerTraining
{
    private readonly ConcurrentDictionary<string, DescribeTrainingJobResponse> _training = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DescribeHyperParameterTuningJobResponse> _tuning = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, List<HyperParameterTrainingJobSummary>> _trials = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(string Operation, object Request)> _calls = new();
    private readonly ConcurrentDictionary<string, Queue<SageMakerException>> _failures = new();

    /// <summary>The clock of creation times.</summary>
    public DateTimeOffset Now { get; set; } = RunSamples.Now;

    /// <summary>Every call, oldest first.</summary>
    public IReadOnlyList<(string Operation, object Request)> Calls => [.. _calls];

    /// <summary>Calls of one operation.</summary>
    public int Count(string operation) => _calls.Count(c => c.Operation == operation);

    /// <summary>The training jobs by name.</summary>
    public IReadOnlyDictionary<string, DescribeTrainingJobResponse> TrainingJobs => _training;

    /// <summary>The tuning jobs by name.</summary>
    public IReadOnlyDictionary<string, DescribeHyperParameterTuningJobResponse> TuningJobs => _tuning;

    /// <summary>The last create request of each training job.</summary>
    public List<CreateTrainingJobRequest> CreatedTrainingJobs { get; } = [];

    /// <summary>The last create request of each tuning job.</summary>
    public List<CreateHyperParameterTuningJobRequest> CreatedTuningJobs { get; } = [];

    /// <summary>Makes the next call of <paramref name="operation"/> throw.</summary>
    public void FailNext(string operation, string code, string message, SageMakerErrorKind kind, int statusCode = 400) =>
        _failures.GetOrAdd(operation, _ => new()).Enqueue(new SageMakerException(code, message, statusCode, "req-1", kind));

    /// <summary>Replaces a training job's state.</summary>
    public void Update(string name, Func<DescribeTrainingJobResponse, DescribeTrainingJobResponse> change) => _training[name] = change(_training[name]);

    /// <summary>Completes a training job with a validation mAP.</summary>
    public void Complete(string name, double map) => Update(name, j => j with
    {
        TrainingJobStatus = TrainingJobStatus.Completed,
        SecondaryStatus = SecondaryStatus.Completed,
        ModelArtifacts = new ModelArtifacts { S3ModelArtifacts = $"{j.OutputDataConfig!.S3OutputPath.TrimEnd('/')}/{name}/output/model.tar.gz" },
        FinalMetricDataList = [new MetricData { MetricName = "validation:mAP", Value = map }, new MetricData { MetricName = "train:cross_entropy", Value = 0.42 }],
        TrainingStartTime = Now.AddMinutes(2), TrainingEndTime = Now.AddMinutes(30), TrainingTimeInSeconds = 1680, BillableTimeInSeconds = 1680,
    });

    /// <summary>Replaces a tuning job's state.</summary>
    public void UpdateTuning(string name, Func<DescribeHyperParameterTuningJobResponse, DescribeHyperParameterTuningJobResponse> change) =>
        _tuning[name] = change(_tuning[name]);

    /// <summary>Adds a child training job to a tuning job (completed, with its mAP) and makes it describable.</summary>
    public HyperParameterTrainingJobSummary AddTrial(string tuningJob, int index, double map, string learningRate)
    {
        var name = $"{tuningJob}-{index:000}-{index:x8}";
        var summary = new HyperParameterTrainingJobSummary
        {
            TrainingJobName = name, TrainingJobArn = Arn("training-job", name), CreationTime = Now, TrainingJobStatus = TrainingJobStatus.Completed,
            TunedHyperParameters = new() { ["learning_rate"] = learningRate, ["optimizer"] = "sgd" }, ObjectiveStatus = ObjectiveStatus.Succeeded,
            FinalHyperParameterTuningJobObjectiveMetric = new FinalHyperParameterTuningJobObjectiveMetric { MetricName = "validation:mAP", Value = map },
        };
        _trials.GetOrAdd(tuningJob, _ => []).Add(summary);
        _training[name] = new DescribeTrainingJobResponse
        {
            TrainingJobName = name, TrainingJobArn = summary.TrainingJobArn, TrainingJobStatus = TrainingJobStatus.Completed,
            SecondaryStatus = SecondaryStatus.Completed, CreationTime = Now, StoppingCondition = new(),
            ModelArtifacts = new ModelArtifacts { S3ModelArtifacts = $"s3://models/tuning/{name}/output/model.tar.gz" },
        };
        var trials = _trials[tuningJob];
        var best = trials.MaxBy(t => t.FinalHyperParameterTuningJobObjectiveMetric!.Value)!;
        UpdateTuning(tuningJob, j => j with
        {
            BestTrainingJob = best,
            TrainingJobStatusCounters = j.TrainingJobStatusCounters with { Completed = trials.Count },
            ObjectiveStatusCounters = new ObjectiveStatusCounters { Succeeded = trials.Count },
        });
        return summary;
    }

    /// <inheritdoc />
    public Task<CreateTrainingJobResponse> CreateTrainingJobAsync(CreateTrainingJobRequest request, CancellationToken ct = default)
    {
        Call("CreateTrainingJob", request);
        var job = new DescribeTrainingJobResponse
        {
            TrainingJobName = request.TrainingJobName,
            TrainingJobArn = Arn("training-job", request.TrainingJobName),
            TrainingJobStatus = TrainingJobStatus.InProgress,
            SecondaryStatus = SecondaryStatus.Starting,
            ModelArtifacts = new ModelArtifacts { S3ModelArtifacts = "" },
            StoppingCondition = request.StoppingCondition ?? new(),
            OutputDataConfig = request.OutputDataConfig,
            HyperParameters = request.HyperParameters,
            EnableManagedSpotTraining = request.EnableManagedSpotTraining,
            CreationTime = Now,
            SecondaryStatusTransitions = [new SecondaryStatusTransition { Status = SecondaryStatus.Starting, StartTime = Now, StatusMessage = "Preparing the instances for training" }],
        };
        if (!_training.TryAdd(request.TrainingJobName, job))
            throw new SageMakerException("ResourceInUse", $"Training job names must be unique within an AWS account and region, and a training job with this name already exists ({job.TrainingJobArn})", 400, "req", SageMakerErrorKind.AlreadyExists);
        CreatedTrainingJobs.Add(request);
        return Task.FromResult(new CreateTrainingJobResponse { TrainingJobArn = job.TrainingJobArn });
    }

    /// <inheritdoc />
    public Task<DescribeTrainingJobResponse> DescribeTrainingJobAsync(DescribeTrainingJobRequest request, CancellationToken ct = default)
    {
        Call("DescribeTrainingJob", request);
        return _training.TryGetValue(request.TrainingJobName, out var job)
            ? Task.FromResult(job)
            : throw new SageMakerException("ValidationException", "Requested resource not found.", 400, "req", SageMakerErrorKind.NotFound);
    }

    /// <inheritdoc />
    public Task<StopTrainingJobResponse> StopTrainingJobAsync(StopTrainingJobRequest request, CancellationToken ct = default)
    {
        Call("StopTrainingJob", request);
        if (!_training.TryGetValue(request.TrainingJobName, out var job))
            throw new SageMakerException("ResourceNotFound", $"Training job {request.TrainingJobName} does not exist", 400, "req", SageMakerErrorKind.NotFound);
        if (job.TrainingJobStatus != TrainingJobStatus.InProgress)
            throw new SageMakerException("ValidationException", $"The request was rejected because the training job is in status {job.TrainingJobStatus}.", 400, "req", SageMakerErrorKind.Validation);
        _training[job.TrainingJobName] = job with { TrainingJobStatus = TrainingJobStatus.Stopping, SecondaryStatus = SecondaryStatus.Stopping };
        return Task.FromResult(new StopTrainingJobResponse());
    }

    /// <inheritdoc />
    public Task<CreateHyperParameterTuningJobResponse> CreateHyperParameterTuningJobAsync(CreateHyperParameterTuningJobRequest request, CancellationToken ct = default)
    {
        Call("CreateHyperParameterTuningJob", request);
        var name = request.HyperParameterTuningJobName;
        var job = new DescribeHyperParameterTuningJobResponse
        {
            HyperParameterTuningJobName = name,
            HyperParameterTuningJobArn = Arn("hyper-parameter-tuning-job", name),
            HyperParameterTuningJobConfig = request.HyperParameterTuningJobConfig,
            TrainingJobDefinition = request.TrainingJobDefinition,
            HyperParameterTuningJobStatus = HyperParameterTuningJobStatus.InProgress,
            CreationTime = Now,
            TrainingJobStatusCounters = new TrainingJobStatusCounters { Completed = 0, InProgress = 0, RetryableError = 0, NonRetryableError = 0, Stopped = 0 },
            ObjectiveStatusCounters = new ObjectiveStatusCounters { Succeeded = 0, Pending = 0, Failed = 0 },
        };
        if (!_tuning.TryAdd(name, job))
            throw new SageMakerException("ResourceInUse", $"A hyperparameter tuning job with the name, {name}, already exists.", 400, "req", SageMakerErrorKind.AlreadyExists);
        CreatedTuningJobs.Add(request);
        return Task.FromResult(new CreateHyperParameterTuningJobResponse { HyperParameterTuningJobArn = job.HyperParameterTuningJobArn });
    }

    /// <inheritdoc />
    public Task<DescribeHyperParameterTuningJobResponse> DescribeHyperParameterTuningJobAsync(DescribeHyperParameterTuningJobRequest request, CancellationToken ct = default)
    {
        Call("DescribeHyperParameterTuningJob", request);
        return _tuning.TryGetValue(request.HyperParameterTuningJobName, out var job)
            ? Task.FromResult(job)
            : throw new SageMakerException("ResourceNotFound", $"Could not find hyperparameter tuning job {request.HyperParameterTuningJobName}", 400, "req", SageMakerErrorKind.NotFound);
    }

    /// <inheritdoc />
    public Task<StopHyperParameterTuningJobResponse> StopHyperParameterTuningJobAsync(StopHyperParameterTuningJobRequest request, CancellationToken ct = default)
    {
        Call("StopHyperParameterTuningJob", request);
        if (!_tuning.TryGetValue(request.HyperParameterTuningJobName, out var job))
            throw new SageMakerException("ResourceNotFound", "Could not find hyperparameter tuning job", 400, "req", SageMakerErrorKind.NotFound);
        if (job.HyperParameterTuningJobStatus != HyperParameterTuningJobStatus.InProgress)
            throw new SageMakerException("ValidationException", $"The hyperparameter tuning job is in status {job.HyperParameterTuningJobStatus}", 400, "req", SageMakerErrorKind.Validation);
        _tuning[job.HyperParameterTuningJobName] = job with { HyperParameterTuningJobStatus = HyperParameterTuningJobStatus.Stopping };
        return Task.FromResult(new StopHyperParameterTuningJobResponse());
    }

    /// <inheritdoc />
    public Task<ListTrainingJobsForHyperParameterTuningJobResponse> ListTrainingJobsForHyperParameterTuningJobAsync(
        ListTrainingJobsForHyperParameterTuningJobRequest request, CancellationToken ct = default)
    {
        Call("ListTrainingJobsForHyperParameterTuningJob", request);
        var trials = _trials.GetValueOrDefault(request.HyperParameterTuningJobName) ?? [];
        var sorted = trials.OrderByDescending(t => t.FinalHyperParameterTuningJobObjectiveMetric?.Value ?? double.MinValue).Take(request.MaxResults ?? 100);
        return Task.FromResult(new ListTrainingJobsForHyperParameterTuningJobResponse { TrainingJobSummaries = [.. sorted] });
    }

    private void Call(string operation, object request)
    {
        _calls.Enqueue((operation, request));
        if (_failures.TryGetValue(operation, out var queue) && queue.TryDequeue(out var failure))
            throw failure;
    }

    private static string Arn(string type, string name) => $"arn:aws:sagemaker:us-east-1:123456789012:{type}/{name.ToLowerInvariant()}";
}
