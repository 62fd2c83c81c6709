using System.Globalization;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>The version the endpoint should serve, with the SageMaker names that serve it.</summary>
/// <param name="Version">The RegisteredModel version.</param>
/// <param name="ModelPackageArn">Its model package ARN.</param>
/// <param name="ModelName">The SageMaker model of this version.</param>
/// <param name="ConfigName">The endpoint config.</param>
public sealed record EndpointTarget(int Version, string ModelPackageArn, string ModelName, string ConfigName);

/// <summary>The outcome of choosing a version.</summary>
/// <param name="Target">What to serve; null when nothing can be served yet.</param>
/// <param name="Waiting">Why the requested version cannot be served (the RegisteredModel, the version), or null.</param>
/// <param name="HeldBack">Why the deployed version stays although another was asked for (a failed rollout), or null.</param>
public sealed record TargetResolution(EndpointTarget? Target, string? Waiting = null, string? HeldBack = null);

/// <summary>Pure: which version a DetectionEndpoint serves.</summary>
public static class EndpointTargets
{
    /// <summary>
    /// The requested version (LatestApproved or a number) if it is Approved; otherwise the deployed version keeps
    /// serving (with the reason in <see cref="TargetResolution.Waiting"/>). A version whose rollout failed in this
    /// generation is not tried again: the deployed version stays (<see cref="TargetResolution.HeldBack"/>), unless
    /// nothing is deployed, in which case the failed version remains the target and the planner stalls on it.
    /// </summary>
    public static TargetResolution Resolve(DetectionEndpoint endpoint, RegisteredModelStatus? model, int? failedVersion, long? failedGeneration)
    {
        var (wanted, waiting) = Requested(endpoint.Spec.ModelRef, model);
        var deployed = endpoint.Status?.DeployedVersion is { } d ? Find(model, d) : null;
        if (wanted is not null && wanted.Version == failedVersion && failedGeneration == endpoint.Metadata.Generation
            && deployed is not null && deployed.Version != wanted.Version)
            return new(Target(endpoint, deployed), null,
                $"Version {wanted.Version} failed to roll out; version {deployed.Version} keeps serving until a newer version is approved or the spec changes");
        if (wanted is not null)
            return new(Target(endpoint, wanted));
        return deployed is null ? new(null, waiting) : new(Target(endpoint, deployed), waiting);
    }

    /// <summary>The requested version when it is Approved, else why not.</summary>
    public static (ModelVersion? Version, string? Waiting) Requested(ModelReference reference, RegisteredModelStatus? model)
    {
        if (model is null)
            return (null, $"RegisteredModel {reference.Name} does not exist");
        if (reference.Version == "LatestApproved")
            return model.LatestApprovedVersion is { } latest && Find(model, latest) is { } found
                ? (found, null)
                : (null, $"RegisteredModel {reference.Name} has no Approved version yet");
        // The schema allows 16 digits; a number beyond int is simply not registered.
        if (!int.TryParse(reference.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return (null, $"Version {reference.Version} of RegisteredModel {reference.Name} is not registered");
        return Find(model, number) switch
        {
            null => (null, $"Version {number} of RegisteredModel {reference.Name} is not registered"),
            { ApprovalStatus: ModelApprovalStatus.Approved } version => (version, null),
            var version => (null, $"Version {number} of RegisteredModel {reference.Name} is {version.ApprovalStatus ?? "not approved"}; only Approved versions are served"),
        };
    }

    private static ModelVersion? Find(RegisteredModelStatus? model, int version) =>
        model?.Versions.FirstOrDefault(v => v.Version == version && !string.IsNullOrEmpty(v.Arn));

    private static EndpointTarget Target(DetectionEndpoint endpoint, ModelVersion version)
    {
        var model = DetectionEndpointNames.Model(endpoint, version.Version, version.Arn!);
        return new(version.Version, version.Arn!, model, DetectionEndpointNames.EndpointConfig(endpoint, model));
    }
}
