namespace Detector.Operator.Tests.EndToEnd.Apis;

/// <summary>A resource the end-to-end tests read and write on the real server, with its REST path.</summary>
/// <param name="Plural">e.g. jobs.</param>
/// <param name="Group">"" for core.</param>
/// <param name="Version">e.g. v1.</param>
/// <param name="Kind">e.g. Job.</param>
/// <param name="HasStatus">Whether status is a subresource (written through /status).</param>
public sealed record RestResource(string Plural, string Group, string Version, string Kind, bool HasStatus)
{
    /// <summary>The resources of the tests (all namespaced).</summary>
    public static IReadOnlyList<RestResource> All { get; } =
    [
        new("datasets", "detector.dev", "v1alpha1", "Dataset", true),
        new("trainingruns", "detector.dev", "v1alpha1", "TrainingRun", true),
        new("tuningruns", "detector.dev", "v1alpha1", "TuningRun", true),
        new("registeredmodels", "detector.dev", "v1alpha1", "RegisteredModel", true),
        new("detectionendpoints", "detector.dev", "v1alpha1", "DetectionEndpoint", true),
        new("jobs", "batch", "v1", "Job", true),
        new("pods", "", "v1", "Pod", true),
        new("events", "", "v1", "Event", false),
        new("serviceaccounts", "", "v1", "ServiceAccount", false),
        new("secrets", "", "v1", "Secret", false),
        new("configmaps", "", "v1", "ConfigMap", false),
        new("leases", "coordination.k8s.io", "v1", "Lease", false),
    ];

    /// <summary>group/version, or version for core.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The resource by plural; throws naming the known ones.</summary>
    public static RestResource ByPlural(string plural) =>
        All.FirstOrDefault(r => r.Plural == plural)
        ?? throw new ArgumentException($"no resource \"{plural}\"; known: {string.Join(", ", All.Select(r => r.Plural))}");

    /// <summary>The resource of an object's apiVersion and kind.</summary>
    public static RestResource ByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind)
        ?? throw new ArgumentException($"no resource for {apiVersion} {kind}");

    /// <summary>The collection path in a namespace, e.g. /apis/batch/v1/namespaces/ns/jobs.</summary>
    public string CollectionPath(string ns) =>
        $"{(Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/{Version}")}/namespaces/{ns}/{Plural}";

    /// <summary>An object's path, optionally with a subresource.</summary>
    public string ObjectPath(string ns, string name, string? subresource = null) =>
        $"{CollectionPath(ns)}/{name}{(subresource is null ? "" : "/" + subresource)}";
}
