using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;

namespace Detector.Operator.TrainingRuns;

/// <summary>Everything the reconciler observed for one TrainingRun, as input to <see cref="TrainingRunStatusMapper.Map"/>.</summary>
/// <param name="JobName">The derived training job name of the current spec.</param>
/// <param name="Region">The operator's SageMaker region (for the CloudWatch link).</param>
/// <param name="InvalidSpec">Why the spec cannot be acted on (names the field), or null.</param>
/// <param name="Misconfigured">Why the operator's configuration cannot serve the run (names the flag), or null.</param>
/// <param name="WaitingFor">Why the run waits for its Dataset (names it), or null.</param>
/// <param name="Rejected">Why SageMaker refused the create request (its message, naming the job), or null.</param>
/// <param name="Job">The job as DescribeTrainingJob returned it; null when it does not exist (yet).</param>
/// <param name="CreatedArn">The ARN CreateTrainingJob returned in this reconcile, before any Describe saw the job.</param>
/// <param name="Data">The Dataset's inputs when they were read in this reconcile.</param>
/// <param name="History">Earlier jobs of the run, newest first (already including one replaced in this reconcile).</param>
public sealed record TrainingRunObservation(
    string JobName,
    string? Region,
    string? InvalidSpec = null,
    string? Misconfigured = null,
    string? WaitingFor = null,
    string? Rejected = null,
    DescribeTrainingJobResponse? Job = null,
    string? CreatedArn = null,
    DatasetInputs? Data = null,
    IReadOnlyList<JobHistoryEntry>? History = null);
