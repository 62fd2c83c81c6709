using k8s.Models;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>One resource the fake serves: where it lives in the URL space and which semantics apply to it.</summary>
/// <param name="Group">API group; empty for core/v1.</param>
/// <param name="Version">API version, e.g. v1 or v1alpha1.</param>
/// <param name="Plural">Plural resource name used in paths, e.g. <c>jobs</c>.</param>
/// <param name="Kind">Kind name, e.g. <c>Job</c>.</param>
/// <param name="Namespaced">True for namespaced resources.</param>
/// <param name="HasStatusSubresource">True when status is written only through <c>/status</c>.</param>
/// <param name="TracksGeneration">True when <c>metadata.generation</c> is maintained (custom resources, Jobs).</param>
/// <param name="AllowUnconditionalUpdate">False for custom resources: a PUT without resourceVersion is Invalid.</param>
/// <param name="Schema">openAPIV3Schema of a custom resource; null for built-in kinds (not validated).</param>
public sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Kind,
    bool Namespaced,
    bool HasStatusSubresource,
    bool TracksGeneration,
    bool AllowUnconditionalUpdate,
    V1JSONSchemaProps? Schema = null)
{
    /// <summary><c>group/version</c>, or <c>v1</c> for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary><c>plural.group</c> as the real server names resources in messages (<c>jobs.batch</c>, <c>pods</c>).</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>True for resources defined by a CRD.</summary>
    public bool IsCustom => Schema is not null;

    /// <summary>The built-in resources the operator uses.</summary>
    public static IReadOnlyList<ResourceType> BuiltIn { get; } =
    [
        new("", "v1", "namespaces", "Namespace", Namespaced: false, HasStatusSubresource: true, TracksGeneration: false, AllowUnconditionalUpdate: true),
        new("", "v1", "pods", "Pod", Namespaced: true, HasStatusSubresource: true, TracksGeneration: false, AllowUnconditionalUpdate: true),
        new("", "v1", "secrets", "Secret", Namespaced: true, HasStatusSubresource: false, TracksGeneration: false, AllowUnconditionalUpdate: true),
        new("", "v1", "configmaps", "ConfigMap", Namespaced: true, HasStatusSubresource: false, TracksGeneration: false, AllowUnconditionalUpdate: true),
        new("", "v1", "events", "Event", Namespaced: true, HasStatusSubresource: false, TracksGeneration: false, AllowUnconditionalUpdate: true),
        new("", "v1", "serviceaccounts", "ServiceAccount", Namespaced: true, HasStatusSubresource: false, TracksGeneration: false, AllowUnconditionalUpdate: true),
        new("events.k8s.io", "v1", "events", "Event", Namespaced: true, HasStatusSubresource: false, TracksGeneration: false, AllowUnconditionalUpdate: true),
        new("batch", "v1", "jobs", "Job", Namespaced: true, HasStatusSubresource: true, TracksGeneration: true, AllowUnconditionalUpdate: true),
        new("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true, HasStatusSubresource: false, TracksGeneration: false, AllowUnconditionalUpdate: true),
    ];

    /// <summary>The served version of a CRD as a resource type (the first served version).</summary>
    public static ResourceType FromCrd(V1CustomResourceDefinition crd)
    {
        var version = crd.Spec.Versions.FirstOrDefault(v => v.Served) ?? crd.Spec.Versions[0];
        return new ResourceType(
            crd.Spec.Group,
            version.Name,
            crd.Spec.Names.Plural,
            crd.Spec.Names.Kind,
            Namespaced: crd.Spec.Scope != "Cluster",
            HasStatusSubresource: version.Subresources?.Status is not null,
            TracksGeneration: true,
            AllowUnconditionalUpdate: false,
            Schema: version.Schema?.OpenAPIV3Schema ?? new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true });
    }
}
