using System.Text.Json.Serialization;
using k8s.Models;

namespace Detector.Operator.Kube;

/// <summary>The wire shape of a list response: items plus list metadata (resourceVersion to watch from).</summary>
public sealed class KubeList<T>
{
    /// <summary>The list's apiVersion.</summary>
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; set; }

    /// <summary>The list kind, e.g. <c>DatasetList</c>.</summary>
    [JsonPropertyName("kind")] public string? Kind { get; set; }

    /// <summary>List metadata; <c>resourceVersion</c> is where a watch resumes.</summary>
    [JsonPropertyName("metadata")] public V1ListMeta? Metadata { get; set; }

    /// <summary>The objects.</summary>
    [JsonPropertyName("items")] public List<T> Items { get; set; } = [];
}
