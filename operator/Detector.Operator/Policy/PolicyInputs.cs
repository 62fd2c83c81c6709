using Detector.Operator.Api.V1Alpha1;

namespace Detector.Operator.Policy;

/// <summary>The role ARNs, S3 URIs and service accounts each kind's spec asks for, with their field paths (pure).</summary>
public static class PolicyInputs
{
    /// <summary>Dataset: source and output S3 URIs, and the service account of the Job.</summary>
    public static (IReadOnlyList<PolicyValue> Roles, IReadOnlyList<PolicyValue> S3Uris, IReadOnlyList<PolicyValue> ServiceAccounts) Of(DatasetSpec spec) =>
        ([], Present(("spec.source.s3.uri", spec.Source.S3?.Uri), ("spec.output.s3.uri", spec.Output.S3.Uri)),
         Present(("spec.serviceAccountName", spec.ServiceAccountName)));

    /// <summary>TrainingRun: the role, the output and checkpoint prefixes.</summary>
    public static (IReadOnlyList<PolicyValue> Roles, IReadOnlyList<PolicyValue> S3Uris) Of(TrainingRunSpec spec) =>
        (Present(("spec.roleArn", spec.RoleArn)), Present(("spec.output.s3.uri", spec.Output.S3.Uri), ("spec.spot.checkpointS3Uri", spec.Spot?.CheckpointS3Uri)));

    /// <summary>TuningRun: the role, the output and checkpoint prefixes.</summary>
    public static (IReadOnlyList<PolicyValue> Roles, IReadOnlyList<PolicyValue> S3Uris) Of(TuningRunSpec spec) =>
        (Present(("spec.roleArn", spec.RoleArn)), Present(("spec.output.s3.uri", spec.Output.S3.Uri), ("spec.spot.checkpointS3Uri", spec.Spot?.CheckpointS3Uri)));

    /// <summary>DetectionEndpoint: the role and, when data capture is enabled, its prefix (a disabled capture writes nothing).</summary>
    public static (IReadOnlyList<PolicyValue> Roles, IReadOnlyList<PolicyValue> S3Uris) Of(DetectionEndpointSpec spec) =>
        (Present(("spec.roleArn", spec.RoleArn)),
         Present(("spec.dataCapture.destinationS3Uri", spec.DataCapture is { Enabled: true } capture ? capture.DestinationS3Uri : null)));

    private static IReadOnlyList<PolicyValue> Present(params (string Field, string? Value)[] values) =>
        [.. values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => new PolicyValue(v.Field, v.Value!))];
}
