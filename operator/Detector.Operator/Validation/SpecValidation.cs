using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Crds;
using k8s;
using k8s.Models;

namespace Detector.Operator.Validation;

/// <summary>
/// Validates a spec before any AWS call or Job: the generated CRD schema and its CEL rules (what the API server
/// would check, for objects that reached the operator another way or with an older CRD) plus the cross-field rules
/// in <see cref="SemanticRules"/>. Field paths start at <c>spec</c>; an empty list means valid.
/// </summary>
public static class SpecValidation
{
    /// <summary>Validates a Dataset spec.</summary>
    public static IReadOnlyList<FieldError> Validate(DatasetSpec spec) => Check(Dataset.KindName, spec, SemanticRules.Dataset(spec));

    /// <summary>Validates a TrainingRun spec.</summary>
    public static IReadOnlyList<FieldError> Validate(TrainingRunSpec spec) => Check(TrainingRun.KindName, spec, SemanticRules.TrainingRun(spec));

    /// <summary>Validates a TuningRun spec.</summary>
    public static IReadOnlyList<FieldError> Validate(TuningRunSpec spec) => Check(TuningRun.KindName, spec, SemanticRules.TuningRun(spec));

    /// <summary>Validates a RegisteredModel spec.</summary>
    public static IReadOnlyList<FieldError> Validate(RegisteredModelSpec spec) => Check(RegisteredModel.KindName, spec, SemanticRules.RegisteredModel(spec));

    /// <summary>Validates a DetectionEndpoint spec.</summary>
    public static IReadOnlyList<FieldError> Validate(DetectionEndpointSpec spec) => Check(DetectionEndpoint.KindName, spec, SemanticRules.DetectionEndpoint(spec));

    /// <summary>
    /// Validates the <c>spec</c> of a manifest of any Detector kind given as JSON: the schema of the whole object
    /// (unknown fields included) and, when the spec is well-formed, the semantic rules of its kind.
    /// </summary>
    /// <param name="manifest">A whole object (apiVersion, kind, metadata, spec).</param>
    /// <param name="oldManifest">The stored object on update (enables the immutability rules); null on create.</param>
    public static IReadOnlyList<FieldError> ValidateManifest(JsonNode manifest, JsonNode? oldManifest = null)
    {
        var kind = manifest["kind"]?.GetValue<string>() ?? "";
        var schema = CrdGenerator.SchemaOf(kind);
        var errors = new List<FieldError>(SchemaValidator.Validate(manifest, schema));
        errors.AddRange(CelRules.Validate(manifest, oldManifest, schema));
        if (errors.Count > 0 || manifest["spec"] is not JsonObject spec) return errors;
        var semantic = kind switch
        {
            Dataset.KindName => SemanticRules.Dataset(Read<DatasetSpec>(spec)),
            TrainingRun.KindName => SemanticRules.TrainingRun(Read<TrainingRunSpec>(spec)),
            TuningRun.KindName => SemanticRules.TuningRun(Read<TuningRunSpec>(spec)),
            RegisteredModel.KindName => SemanticRules.RegisteredModel(Read<RegisteredModelSpec>(spec)),
            DetectionEndpoint.KindName => SemanticRules.DetectionEndpoint(Read<DetectionEndpointSpec>(spec)),
            _ => [],
        };
        errors.AddRange(semantic);
        return errors;
    }

    private static IReadOnlyList<FieldError> Check<TSpec>(string kind, TSpec spec, IEnumerable<FieldError> semantic)
    {
        var node = JsonNode.Parse(KubernetesJson.Serialize(spec));
        var schema = SpecSchema(kind);
        var errors = new List<FieldError>(SchemaValidator.Validate(node, schema, "spec"));
        errors.AddRange(CelRules.Validate(node, null, schema, "spec"));
        // One message per field: a value the schema already refused needs no second, derived complaint.
        var reported = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(semantic.Where(e => !reported.Contains(e.Field)));
        return errors;
    }

    private static V1JSONSchemaProps SpecSchema(string kind) => CrdGenerator.SchemaOf(kind).Properties["spec"];

    private static T Read<T>(JsonObject spec) => KubernetesJson.Deserialize<T>(spec.ToJsonString());
}
