using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>Base of every Detector kind: Kubernetes metadata plus a typed spec and status.</summary>
public abstract class CustomResource<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>, ISpec<TSpec>, IStatus<TStatus?>
    where TSpec : new()
{
    /// <summary>Always <c>detector.dev/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>The kind name, e.g. <c>Dataset</c>.</summary>
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>What the user wants. The operator never writes it.</summary>
    [JsonPropertyName("spec")] public TSpec Spec { get; set; } = new();

    /// <summary>What the operator observed. Written only through the status subresource.</summary>
    [JsonPropertyName("status")] public TStatus? Status { get; set; }
}
