using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using k8s;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// Pure: the SageMaker names of a DetectionEndpoint, each <c>{sanitized name}-{role}-{hash}</c> within 63 characters.
/// The endpoint and the inference component keep one name for the object's life (they are updated, never replaced);
/// the model and the endpoint config are named by a hash of their content, so a new version or a config change gets a
/// new name and a rollout never edits a live config in place.
/// </summary>
public static class DetectionEndpointNames
{
    /// <summary>Longest endpoint, endpoint config, model and inference component name.</summary>
    public const int MaxLength = 63;

    /// <summary>The one production variant of every endpoint config (the name the SageMaker SDK uses).</summary>
    public const string VariantName = "AllTraffic";

    /// <summary>The endpoint: fixed per object (namespace, uid).</summary>
    public static string Endpoint(DetectionEndpoint endpoint) => Compose(endpoint, "ep", Identity(endpoint));

    /// <summary>The inference component: fixed per object, so a rollout updates it in place.</summary>
    public static string InferenceComponent(DetectionEndpoint endpoint) => Compose(endpoint, "ic", Identity(endpoint));

    /// <summary>The SageMaker model of one version: changes with the version's package ARN and the model-level spec fields.</summary>
    public static string Model(DetectionEndpoint endpoint, int version, string modelPackageArn)
    {
        var spec = endpoint.Spec;
        var fields = new ModelIdentity(modelPackageArn, spec.RoleArn, spec.VpcConfig, spec.NetworkIsolation);
        return Compose(endpoint, "v" + version, [.. Identity(endpoint), KubernetesJson.Serialize(fields)]);
    }

    /// <summary>
    /// The endpoint config: a hash of everything it contains. In SingleModel mode the variant names the model, so the
    /// model name is part of it; in InferenceComponent mode it is not (versions roll through the component).
    /// </summary>
    public static string EndpointConfig(DetectionEndpoint endpoint, string? modelName)
    {
        var spec = endpoint.Spec;
        var singleModel = spec.DeploymentMode == EndpointDeploymentMode.SingleModel;
        // The instance count is left out: it changes in place (UpdateEndpointWeightsAndCapacities), not by a new config.
        var fields = new ConfigIdentity(spec.DeploymentMode, singleModel ? modelName : null, spec.RoleArn, spec.InstanceType,
            singleModel ? null : spec.Scaling, spec.RoutingStrategy, spec.DataCapture, spec.KmsKeyId,
            singleModel ? null : spec.VpcConfig, !singleModel && spec.NetworkIsolation);
        return Compose(endpoint, "cfg", [.. Identity(endpoint), KubernetesJson.Serialize(fields)]);
    }

    /// <summary>
    /// Whether <paramref name="name"/> has the shape of this object's endpoint configs (<c>{name}-cfg-{hash}</c>), as
    /// opposed to a config someone else made and pointed the endpoint at (a console copy): only its own are the
    /// operator's to delete.
    /// </summary>
    public static bool IsOwnEndpointConfig(DetectionEndpoint endpoint, string name)
    {
        var sample = EndpointConfig(endpoint, null);   // Every config of the object shares this head; only the hash differs.
        var stem = sample[..^Names.HashLength];
        return name.Length == sample.Length && name.StartsWith(stem, StringComparison.Ordinal)
            && name[^Names.HashLength..].All(char.IsAsciiHexDigitLower);
    }

    private static string?[] Identity(DetectionEndpoint endpoint) =>
        [endpoint.Metadata.NamespaceProperty ?? "", endpoint.Metadata.Uid ?? ""];

    // The role tag stays readable even when the object name is cut, and the hash keeps cut names distinct. Lower-case
    // alphanumerics with single hyphens satisfy both SageMaker name patterns.
    private static string Compose(DetectionEndpoint endpoint, string role, string?[] parts)
    {
        var suffix = $"{role}-{Names.ShortHash(parts)}";
        var head = Names.Sanitize(endpoint.Metadata.Name ?? "");
        var room = MaxLength - suffix.Length - 1;
        if (head.Length > room)
            head = head[..room].TrimEnd('-');
        return head.Length == 0 ? "x-" + suffix : $"{head}-{suffix}";
    }

    /// <summary>The hashed model fields, listed explicitly so an unrelated new spec field never renames a model.</summary>
    private sealed record ModelIdentity(string ModelPackageArn, string RoleArn, VpcConfig? VpcConfig, bool NetworkIsolation);

    /// <summary>The hashed endpoint config fields.</summary>
    private sealed record ConfigIdentity(string Mode, string? ModelName, string RoleArn, string InstanceType,
        InstanceScaling? Scaling, string? RoutingStrategy, DataCapture? DataCapture, string? KmsKeyId, VpcConfig? VpcConfig,
        bool NetworkIsolation);
}
