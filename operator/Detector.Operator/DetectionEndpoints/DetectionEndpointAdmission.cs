using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Policy;
using Detector.Operator.Validation;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>
/// Pure: whether the operator may act on a DetectionEndpoint at all — the spec rules (the CRD schema, its CEL rules
/// and <see cref="SemanticRules.DetectionEndpoint"/>, the same <c>detector validate</c> applies) and the namespace
/// policy (the role and, when data capture is on, its S3 prefix). Any error stalls the endpoint with reason
/// InvalidSpec before a SageMaker call. The model reference has no namespace field, so it cannot leave the namespace.
/// </summary>
public static class DetectionEndpointAdmission
{
    /// <summary>The problems of a DetectionEndpoint, each naming its field; empty when admitted.</summary>
    public static IReadOnlyList<FieldError> Check(DetectionEndpoint endpoint, NamespacePolicy? policy)
    {
        var errors = new List<FieldError>(SpecValidation.Validate(endpoint.Spec));
        // One message per field: a value the schema already refused needs no policy complaint too.
        var reported = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(PolicyRules.Check(policy, endpoint.Metadata.NamespaceProperty ?? "", PolicyInputs.Of(endpoint.Spec)).Where(e => !reported.Contains(e.Field)));
        return errors;
    }

    /// <summary>One line for a condition message: every error as <c>field: message</c>.</summary>
    public static string Message(IReadOnlyList<FieldError> errors) => string.Join("; ", errors);
}
