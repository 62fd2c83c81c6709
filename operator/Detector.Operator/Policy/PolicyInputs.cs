using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using k8s;

namespace Detector.Operator.Policy;

/// <summary>What sort of value a policy rule looks at.</summary>
public enum PolicyValueKind
{
    /// <summary>An IAM role ARN SageMaker assumes.</summary>
    RoleArn,

    /// <summary>An S3 URI the operator, a Job or SageMaker reads or writes.</summary>
    S3Uri,

    /// <summary>The Kubernetes ServiceAccount a dataset Job runs as.</summary>
    ServiceAccount,

    /// <summary>An http(s) URL a dataset Job downloads.</summary>
    HttpUrl,
}

/// <summary>One spec field the namespace policy governs.</summary>
/// <param name="Kind">The Detector kind.</param>
/// <param name="Field">Dotted path from the object's root, e.g. <c>spec.roleArn</c>; also the CEL accessor after <c>object.</c>.</param>
/// <param name="Type">What the value is.</param>
/// <param name="OnlyWhen">A boolean field (path from the root) that must not be false for the value to count, e.g. a capture's <c>enabled</c>.</param>
public sealed record PolicyField(string Kind, string Field, PolicyValueKind Type, string? OnlyWhen = null);

/// <summary>A governed value found in a spec, with its field.</summary>
/// <param name="Field">The field it came from.</param>
/// <param name="Value">The role ARN, S3 URI, service account name or URL.</param>
public sealed record PolicyInput(PolicyField Field, string Value);

/// <summary>
/// The table of governed fields: the one list the admission policy generator, the reconcilers and
/// <c>detector validate</c> all read, so a new field is governed everywhere or nowhere (pure).
/// </summary>
public static class PolicyInputs
{
    /// <summary>Every governed field of every kind. RegisteredModel names no role, bucket, account or URL.</summary>
    public static IReadOnlyList<PolicyField> Fields { get; } =
    [
        new(Dataset.KindName, "spec.serviceAccountName", PolicyValueKind.ServiceAccount),
        new(Dataset.KindName, "spec.source.s3.uri", PolicyValueKind.S3Uri),
        new(Dataset.KindName, "spec.source.http.url", PolicyValueKind.HttpUrl),
        new(Dataset.KindName, "spec.output.s3.uri", PolicyValueKind.S3Uri),
        new(TrainingRun.KindName, "spec.roleArn", PolicyValueKind.RoleArn),
        new(TrainingRun.KindName, "spec.output.s3.uri", PolicyValueKind.S3Uri),
        new(TrainingRun.KindName, "spec.spot.checkpointS3Uri", PolicyValueKind.S3Uri),
        new(TuningRun.KindName, "spec.roleArn", PolicyValueKind.RoleArn),
        new(TuningRun.KindName, "spec.output.s3.uri", PolicyValueKind.S3Uri),
        new(TuningRun.KindName, "spec.spot.checkpointS3Uri", PolicyValueKind.S3Uri),
        new(DetectionEndpoint.KindName, "spec.roleArn", PolicyValueKind.RoleArn),
        // A disabled capture writes nothing, so its prefix is not checked.
        new(DetectionEndpoint.KindName, "spec.dataCapture.destinationS3Uri", PolicyValueKind.S3Uri, OnlyWhen: "spec.dataCapture.enabled"),
    ];

    /// <summary>The kinds with governed fields, in table order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. Fields.Select(f => f.Kind).Distinct()];

    /// <summary>The governed values of an object of <paramref name="kind"/> whose <c>spec</c> is <paramref name="spec"/>.</summary>
    public static IReadOnlyList<PolicyInput> Of(string kind, JsonObject spec)
    {
        var root = new JsonObject { ["spec"] = spec.DeepClone() };
        return
        [
            .. from field in Fields
               where field.Kind == kind && (field.OnlyWhen is null || At(root, field.OnlyWhen) is not JsonValue enabled || enabled.GetValueKind() != System.Text.Json.JsonValueKind.False)
               let value = At(root, field.Field) as JsonValue
               where value is not null && value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>().Length > 0
               select new PolicyInput(field, value.GetValue<string>()),
        ];
    }

    /// <summary>Dataset: the Job's service account, the source (S3 or http) and the output.</summary>
    public static IReadOnlyList<PolicyInput> Of(DatasetSpec spec) => Of(Dataset.KindName, Json(spec));

    /// <summary>TrainingRun: the role, the output and checkpoint prefixes.</summary>
    public static IReadOnlyList<PolicyInput> Of(TrainingRunSpec spec) => Of(TrainingRun.KindName, Json(spec));

    /// <summary>TuningRun: the role, the output and checkpoint prefixes.</summary>
    public static IReadOnlyList<PolicyInput> Of(TuningRunSpec spec) => Of(TuningRun.KindName, Json(spec));

    /// <summary>DetectionEndpoint: the role and, when data capture is enabled, its prefix.</summary>
    public static IReadOnlyList<PolicyInput> Of(DetectionEndpointSpec spec) => Of(DetectionEndpoint.KindName, Json(spec));

    private static JsonObject Json<T>(T spec) => JsonNode.Parse(KubernetesJson.Serialize(spec))!.AsObject();

    private static JsonNode? At(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
            node = node is JsonObject o ? o[part] : null;
        return node;
    }
}
