namespace Detector.Operator.DetectionEndpoints;

/// <summary>The endpoint as DescribeEndpoint returned it.</summary>
/// <param name="Status">EndpointStatus.</param>
/// <param name="ConfigName">EndpointConfigName the endpoint runs (after an update: the new one).</param>
/// <param name="Arn">EndpointArn.</param>
/// <param name="FailureReason">FailureReason (set after a failed or rolled-back update too).</param>
/// <param name="DesiredInstanceCount">The variant's DesiredInstanceCount; null when SageMaker does not report one.</param>
public sealed record EndpointState(string Status, string? ConfigName, string? Arn = null, string? FailureReason = null, int? DesiredInstanceCount = null);

/// <summary>Compute reserved per copy, as DescribeInferenceComponent reports it.</summary>
/// <param name="MinMemoryMb">MinMemoryRequiredInMb.</param>
/// <param name="CpuCores">NumberOfCpuCoresRequired.</param>
/// <param name="AcceleratorDevices">NumberOfAcceleratorDevicesRequired.</param>
public sealed record ComputeState(int MinMemoryMb, double? CpuCores, double? AcceleratorDevices);

/// <summary>The inference component as DescribeInferenceComponent returned it.</summary>
/// <param name="Status">InferenceComponentStatus.</param>
/// <param name="ModelName">Specification.ModelName: the version it serves (after a rolled-back update: the old one).</param>
/// <param name="DesiredCopies">RuntimeConfig.DesiredCopyCount.</param>
/// <param name="Compute">Specification.ComputeResourceRequirements.</param>
/// <param name="FailureReason">FailureReason.</param>
public sealed record ComponentState(string Status, string? ModelName, int? DesiredCopies, ComputeState? Compute = null, string? FailureReason = null);

/// <summary>
/// Everything the reconciler observed for one DetectionEndpoint, as input to <see cref="EndpointPlanner.Plan"/>.
/// Models and configs are described by name from <see cref="EndpointPlanner.CandidateModels"/> and
/// <see cref="EndpointPlanner.CandidateConfigs"/>; the sets hold the ones that exist.
/// </summary>
/// <param name="Endpoint">The endpoint; null when it does not exist.</param>
/// <param name="Component">The inference component; null when it does not exist (or in SingleModel mode).</param>
/// <param name="ExistingModels">Candidate SageMaker models that exist.</param>
/// <param name="ExistingConfigs">Candidate endpoint configs that exist.</param>
/// <param name="InvalidSpec">Why the spec cannot be acted on (names the field), or null.</param>
/// <param name="Rejected">Why SageMaker refused a create or update (its message), or null.</param>
public sealed record EndpointObservation(
    EndpointState? Endpoint,
    ComponentState? Component,
    IReadOnlySet<string> ExistingModels,
    IReadOnlySet<string> ExistingConfigs,
    string? InvalidSpec = null,
    string? Rejected = null);
