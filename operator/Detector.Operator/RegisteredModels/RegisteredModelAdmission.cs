using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Validation;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// Pure: whether the operator may act on a RegisteredModel at all — the CRD schema, its CEL rules and
/// <see cref="SemanticRules.RegisteredModel"/> (exactly one source; <c>minMetric</c> exactly with Automatic approval),
/// the same rules <c>detector validate</c> applies. Any error stalls the model with reason InvalidSpec before a
/// SageMaker call. The source references have no namespace field, so they cannot leave the namespace.
/// </summary>
public static class RegisteredModelAdmission
{
    /// <summary>Why the spec cannot be acted on, as one line naming every field (<c>field: message; …</c>), or null.</summary>
    public static string? Problem(RegisteredModel model) =>
        SpecValidation.Validate(model.Spec) is { Count: > 0 } errors ? string.Join("; ", errors) : null;
}
