using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Policy;
using Detector.Operator.Validation;

namespace Detector.Operator.Datasets;

/// <summary>
/// Pure: whether the operator may act on a Dataset at all — the spec rules (the same the CRD schema and
/// <c>detector validate</c> apply) and the namespace policy (which S3 prefixes, service accounts and http hosts the namespace may use; internal hosts never).
/// Any error stalls the Dataset with reason InvalidSpec before a Job or an S3 call exists.
/// </summary>
public static class DatasetAdmission
{
    /// <summary>The problems, each naming its field; empty when the Dataset is admitted.</summary>
    public static IReadOnlyList<FieldError> Check(Dataset dataset, NamespacePolicy? policy)
    {
        var errors = new List<FieldError>(SpecValidation.Validate(dataset.Spec));
        // The same rules the chart's admission policy applies, for objects stored before it (or without it).
        errors.AddRange(PolicyRules.Check(policy, dataset.Metadata.NamespaceProperty ?? "", PolicyInputs.Of(dataset.Spec)));
        return errors;
    }

    /// <summary>The check with the policy loaded from <paramref name="policyFile"/> (none when null); a bad file fails at start-up.</summary>
    public static Func<Dataset, IReadOnlyList<FieldError>> Create(string? policyFile)
    {
        var policy = string.IsNullOrEmpty(policyFile) ? null : NamespacePolicy.Load(policyFile);
        return dataset => Check(dataset, policy);
    }
}
