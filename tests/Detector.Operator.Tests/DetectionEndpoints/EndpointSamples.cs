using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.DetectionEndpoints;
using k8s.Models;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>Sample DetectionEndpoints, RegisteredModel statuses and observations shared by the DetectionEndpoint tests.</summary>
public static class EndpointSamples
{
    /// <summary>A fixed clock reading.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The region of the samples.</summary>
    public const string Region = "us-east-1";

    /// <summary>A DetectionEndpoint serving the latest approved version of "birds".</summary>
    public static DetectionEndpoint Endpoint(string mode = EndpointDeploymentMode.InferenceComponent, DetectionEndpointStatus? status = null,
        Func<DetectionEndpointSpec, DetectionEndpointSpec>? edit = null, string uid = "uid-1", long generation = 1, bool deleting = false,
        string name = "birds-live")
    {
        var spec = new DetectionEndpointSpec
        {
            ModelRef = new ModelReference { Name = "birds" },
            RoleArn = "arn:aws:iam::123456789012:role/sagemaker",
            DeploymentMode = mode,
            InstanceType = "ml.m5.xlarge",
        };
        return new DetectionEndpoint
        {
            Metadata = new V1ObjectMeta
            {
                Name = name, NamespaceProperty = "vision", Uid = uid, Generation = generation,
                DeletionTimestamp = deleting ? Now.UtcDateTime : null,
            },
            Spec = edit is null ? spec : edit(spec),
            Status = status,
        };
    }

    /// <summary>A package ARN of a version.</summary>
    public static string Arn(int version) => $"arn:aws:sagemaker:us-east-1:123456789012:model-package/birds-0a1b2c3d/{version}";

    /// <summary>A RegisteredModel status with versions 1..n, those listed in <paramref name="approved"/> Approved.</summary>
    public static RegisteredModelStatus Registry(int versions, params int[] approved) => new()
    {
        Versions = [.. Enumerable.Range(1, versions).Select(v => new ModelVersion
        {
            Version = v, Arn = Arn(v),
            ApprovalStatus = approved.Contains(v) ? ModelApprovalStatus.Approved : ModelApprovalStatus.PendingManualApproval,
        })],
        LatestVersion = versions,
        LatestApprovedVersion = approved.Length == 0 ? null : approved.Max(),
    };

    /// <summary>The SageMaker model of a version for <paramref name="endpoint"/>.</summary>
    public static string ModelOf(DetectionEndpoint endpoint, int version) => DetectionEndpointNames.Model(endpoint, version, Arn(version));

    /// <summary>The endpoint config serving a version for <paramref name="endpoint"/>.</summary>
    public static string ConfigOf(DetectionEndpoint endpoint, int version) =>
        DetectionEndpointNames.EndpointConfig(endpoint, ModelOf(endpoint, version));

    /// <summary>An observation.</summary>
    public static EndpointObservation Observed(EndpointState? endpoint = null, ComponentState? component = null,
        IEnumerable<string>? models = null, IEnumerable<string>? configs = null) =>
        new(endpoint, component, (models ?? []).ToHashSet(), (configs ?? []).ToHashSet());

    /// <summary>An InService endpoint on <paramref name="config"/>.</summary>
    public static EndpointState InService(string config) =>
        new(EndpointStatus.InService, config, "arn:aws:sagemaker:us-east-1:123456789012:endpoint/birds-live");

    /// <summary>A component serving <paramref name="model"/> with the spec's default copies and compute.</summary>
    public static ComponentState Component(string model, string status = InferenceComponentStatus.InService, int copies = 1,
        string? failure = null) => new(status, model, copies, new ComputeState(2048, null, null), failure);
}
