using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;

namespace Detector.Operator.TuningRuns;

/// <summary>Everything the reconciler observed for one TuningRun, as input to <see cref="TuningRunStatusMapper.Map"/>.</summary>
/// <param name="JobName">The derived tuning job name of the current spec.</param>
/// <param name="InvalidSpec">Why the spec cannot be acted on (names the field), or null.</param>
/// <param name="Misconfigured">Why the operator's configuration cannot serve the run (names the flag), or null.</param>
/// <param name="WaitingFor">Why the run waits (names the Dataset or the warm-start TuningRun), or null.</param>
/// <param name="Rejected">Why SageMaker refused the create request (its message, naming the job), or null.</param>
/// <param name="Job">The tuning job as DescribeHyperParameterTuningJob returned it; null when it does not exist (yet).</param>
/// <param name="CreatedArn">The ARN the create call returned in this reconcile.</param>
/// <param name="Data">The Dataset's inputs when they were read in this reconcile.</param>
/// <param name="TopTrials">The best training jobs as listed in this reconcile; null: not listed (keep the previous list).</param>
/// <param name="BestArtifactUri">model.tar.gz of the best training job, when known.</param>
/// <param name="History">Earlier tuning jobs of the run, newest first; null: unchanged.</param>
public sealed record TuningRunObservation(
    string JobName,
    string? InvalidSpec = null,
    string? Misconfigured = null,
    string? WaitingFor = null,
    string? Rejected = null,
    DescribeHyperParameterTuningJobResponse? Job = null,
    string? CreatedArn = null,
    DatasetInputs? Data = null,
    IReadOnlyList<HyperParameterTrainingJobSummary>? TopTrials = null,
    string? BestArtifactUri = null,
    IReadOnlyList<JobHistoryEntry>? History = null);
