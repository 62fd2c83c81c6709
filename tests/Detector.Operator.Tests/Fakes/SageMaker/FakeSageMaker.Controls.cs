using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class FakeSageMaker
{
    /// <summary>Every call so far, in arrival order (logged before its answer goes out).</summary>
    public IReadOnlyList<SageMakerCall> Requests => _handler.Calls;

    /// <summary>
    /// Requests that broke the AWS model or the protocol (bad signature, unknown operation, wrong types, violated
    /// constraints). A correct client leaves this empty: <c>Assert.Empty(sm.ValidationFailures)</c>.
    /// </summary>
    public IReadOnlyList<ValidationFailure> ValidationFailures => _handler.Failures;

    /// <summary>Answers of the fake that broke the model's output shapes (a bug in the fake; its own tests assert none).</summary>
    public IReadOnlyList<string> ResponseProblems => _handler.ResponseProblems;

    /// <summary>
    /// How many calls of <paramref name="operation"/> took effect (for a Create: how many resources it made), including
    /// those whose answer an after-commit fault replaced.
    /// </summary>
    public int CreateCount(string operation) => _handler.Calls.Count(c => c.Operation == operation && c.Committed);

    /// <summary>How many calls of <paramref name="operation"/> arrived, whatever the answer.</summary>
    public int CallCount(string operation) => _handler.Calls.Count(c => c.Operation == operation);

    /// <summary>Forgets the request log and the recorded validation failures (state stays).</summary>
    public void ClearRequests() => _handler.Clear();

    /// <summary>Moves the simulated clock forward; job statuses follow.</summary>
    public void Advance(TimeSpan delta) => Clock.Advance(delta);

    /// <summary>Throttles about <paramref name="fraction"/> of calls with 400 ThrottlingException "Rate exceeded" (0 stops).</summary>
    public void InjectThrottling(double fraction, int seed = 1) => _faults.Throttle(fraction, seed);

    /// <summary>Answers about <paramref name="fraction"/> of calls with 500 InternalFailure or 503 ServiceUnavailable (0 stops).</summary>
    public void InjectServerErrors(double fraction, int seed = 1, int statusCode = 500) => _faults.ServerErrors(fraction, seed, statusCode);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="operation"/> (null: any) get this error instead.</summary>
    public void FailNext(string? operation, int statusCode, string errorCode, string message, int times = 1) =>
        _faults.FailNext(operation, new ServiceError(statusCode, errorCode, message), times);

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="operation"/> take effect, but their answer is this
    /// error (SageMaker created the job, the response was lost): a retry must adopt what the first call made.
    /// </summary>
    public void FailNextAfterCommit(string? operation, int statusCode, string errorCode, string message, int times = 1) =>
        _faults.FailNext(operation, new ServiceError(statusCode, errorCode, message), times, afterCommit: true);

    /// <summary>
    /// Delays every answer. On the fake clock by default (a test that advances <see cref="Clock"/> releases it, no real
    /// wait); <paramref name="wallClock"/> for a real delay. Null removes it.
    /// </summary>
    public void SetLatency(TimeSpan? latency, bool wallClock = false) => _faults.SetLatency(latency, wallClock);

    /// <summary>Completes when the next call starts waiting out the latency (so a test knows when to advance the clock).</summary>
    public Task NextDelayStarted => _faults.NextDelayStarted;

    /// <summary>Scripts a training job (by name; also a tuning job's child): its metric, timings or failure.</summary>
    public void ScriptTrainingJob(string name, TrainingScript script) => _backend.ScriptTrainingJob(name, script);

    /// <summary>DescribeTrainingJob's answer for the job now, or null.</summary>
    public JsonObject? TrainingJob(string name) => _backend.DescribeTrainingJobOrNull(name);

    /// <summary>Every training job name (tuning children included), in creation order.</summary>
    public IReadOnlyList<string> TrainingJobs => _backend.TrainingJobNames();

    /// <summary>DescribeHyperParameterTuningJob's answer now, or null.</summary>
    public JsonObject? TuningJob(string name) => _backend.DescribeTuningJobOrNull(name);

    /// <summary>Every tuning job name, in creation order.</summary>
    public IReadOnlyList<string> TuningJobs => _backend.TuningJobNames();

    /// <summary>Every model package group name.</summary>
    public IReadOnlyList<string> ModelPackageGroups => _backend.ModelPackageGroupNames();

    /// <summary>DescribeModelPackage's answer for a version ARN now, or null.</summary>
    public JsonObject? ModelPackage(string arn) => _backend.DescribeModelPackageOrNull(arn);

    /// <summary>Sets a version's ModelApprovalStatus as someone in the console would.</summary>
    public void SetApproval(string modelPackageArn, string status) => _backend.SetApproval(modelPackageArn, status);

    /// <summary>Every model name.</summary>
    public IReadOnlyList<string> Models => _backend.ModelNames();

    /// <summary>Every endpoint config name.</summary>
    public IReadOnlyList<string> EndpointConfigs => _backend.EndpointConfigNames();

    /// <summary>Every endpoint name (Deleting ones until their deletion finished).</summary>
    public IReadOnlyList<string> Endpoints => _backend.EndpointNames();

    /// <summary>DescribeEndpoint's answer now, or null.</summary>
    public JsonObject? Endpoint(string name) => _backend.DescribeEndpointOrNull(name);

    /// <summary>Every inference component name (Deleting ones until their deletion finished).</summary>
    public IReadOnlyList<string> InferenceComponents => _backend.InferenceComponentNames();

    /// <summary>DescribeInferenceComponent's answer now, or null.</summary>
    public JsonObject? InferenceComponent(string name) => _backend.DescribeInferenceComponentOrNull(name);

    /// <summary>The next UpdateEndpoint of this endpoint fails (it stays on its old config with this FailureReason).</summary>
    public void FailNextEndpointUpdate(string endpointName, string reason) => _backend.FailNextEndpointUpdate(endpointName, reason);

    /// <summary>The next UpdateInferenceComponent of this component rolls back (previous specification, this FailureReason).</summary>
    public void FailNextInferenceComponentUpdate(string componentName, string reason) => _backend.FailNextInferenceComponentUpdate(componentName, reason);

    /// <summary>Removes an endpoint at once, as if it was deleted out of band.</summary>
    public void DeleteEndpointOutOfBand(string endpointName) => _backend.DeleteEndpointOutOfBand(endpointName);

    /// <summary>Operations the fake implements (others answer 501 NotImplementedByFake).</summary>
    public IReadOnlyCollection<string> ImplementedOperations => _backend.ImplementedOperations;
}
