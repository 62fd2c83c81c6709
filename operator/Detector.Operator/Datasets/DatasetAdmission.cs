using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Policy;
using Detector.Operator.Validation;

namespace Detector.Operator.Datasets;

/// <summary>
/// Pure: whether the operator may act on a Dataset at all — the spec rules (the same the CRD schema and
/// <c>detector validate</c> apply) and the namespace policy (which S3 prefixes and service accounts the namespace may use).
/// Any error stalls the Dataset with reason InvalidSpec before a Job or an S3 call exists.
/// </summary>
public static class DatasetAdmission
{
    /// <summary>The problems, each naming its field; empty when the Dataset is admitted.</summary>
    public static IReadOnlyList<FieldError> Check(Dataset dataset, NamespacePolicy? policy)
    {
        var errors = new List<FieldError>(SpecValidation.Validate(dataset.Spec));
        if (policy is not null)
        {
            var (roles, s3Uris, serviceAccounts) = PolicyInputs.Of(dataset.Spec);
            errors.AddRange(policy.Check(dataset.Metadata.NamespaceProperty ?? "", roles, s3Uris, serviceAccounts));
        }
        return errors;
    }

    /// <summary>The check with the policy loaded from <paramref name="policyFile"/> (none when null); a bad file fails at start-up.</summary>
    public static Func<Dataset, IReadOnlyList<FieldError>> Create(string? policyFile)
    {
        var policy = string.IsNullOrEmpty(policyFile) ? null : NamespacePolicy.Load(policyFile);
        return dataset => Check(dataset, policy);
    }
}
