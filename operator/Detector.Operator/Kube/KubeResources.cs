using Detector.Operator.Api.V1Alpha1;

namespace Detector.Operator.Kube;

/// <summary>Where a kind lives in the Kubernetes API: <c>/apis/{group}/{version}/namespaces/{ns}/{plural}</c> (core group: <c>/api/v1</c>).</summary>
public sealed record KubeResource(string Group, string Version, string Plural, string Kind)
{
    /// <summary><c>group/version</c>, or just the version for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Whether this is a core (<c>/api/v1</c>) resource.</summary>
    public bool IsCore => Group.Length == 0;

    /// <inheritdoc />
    public override string ToString() => $"{Plural}.{ApiVersion}";
}

/// <summary>The resources the operator reads and writes.</summary>
public static class KubeResources
{
    /// <summary>TrainingRun kind name.</summary>
    public const string TrainingRunKind = "TrainingRun";

    /// <summary>TuningRun kind name.</summary>
    public const string TuningRunKind = "TuningRun";

    /// <summary>RegisteredModel kind name.</summary>
    public const string RegisteredModelKind = "RegisteredModel";

    /// <summary>DetectionEndpoint kind name.</summary>
    public const string DetectionEndpointKind = "DetectionEndpoint";

    /// <summary>detector.dev Datasets.</summary>
    public static readonly KubeResource Dataset = new(ApiGroup.Name, ApiGroup.Version, Api.V1Alpha1.Dataset.Plural, Api.V1Alpha1.Dataset.KindName);

    /// <summary>detector.dev TrainingRuns.</summary>
    public static readonly KubeResource TrainingRun = new(ApiGroup.Name, ApiGroup.Version, "trainingruns", TrainingRunKind);

    /// <summary>detector.dev TuningRuns.</summary>
    public static readonly KubeResource TuningRun = new(ApiGroup.Name, ApiGroup.Version, "tuningruns", TuningRunKind);

    /// <summary>detector.dev RegisteredModels.</summary>
    public static readonly KubeResource RegisteredModel = new(ApiGroup.Name, ApiGroup.Version, "registeredmodels", RegisteredModelKind);

    /// <summary>detector.dev DetectionEndpoints.</summary>
    public static readonly KubeResource DetectionEndpoint = new(ApiGroup.Name, ApiGroup.Version, "detectionendpoints", DetectionEndpointKind);

    /// <summary>batch/v1 Jobs (the dataset preparation Job).</summary>
    public static readonly KubeResource Job = new("batch", "v1", "jobs", "Job");

    /// <summary>core/v1 Pods.</summary>
    public static readonly KubeResource Pod = new("", "v1", "pods", "Pod");

    /// <summary>core/v1 Events.</summary>
    public static readonly KubeResource Event = new("", "v1", "events", "Event");

    /// <summary>coordination.k8s.io/v1 Leases (leader election).</summary>
    public static readonly KubeResource Lease = new("coordination.k8s.io", "v1", "leases", "Lease");

    /// <summary>Our five kinds, in dependency order.</summary>
    public static readonly IReadOnlyList<KubeResource> DetectorKinds = [Dataset, TrainingRun, TuningRun, RegisteredModel, DetectionEndpoint];
}
