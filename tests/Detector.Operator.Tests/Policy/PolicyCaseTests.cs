using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Policy;
using Detector.Operator.Runs;
using Detector.Operator.Validation;
using k8s;

namespace Detector.Operator.Tests.Policy;

/// <summary>
/// The shared cases in the two C# places: what the reconcilers check before acting (the second line, for objects
/// stored before the admission policy) and what <c>detector validate --policy</c> reports. The policy is the one the
/// chart renders into its ConfigMap.
/// </summary>
public sealed class PolicyCaseTests
{
    private static readonly Dictionary<string, Lazy<NamespacePolicy?>> s_policies = PolicyCases.Variants.ToDictionary(
        v => v.Key, v => new Lazy<NamespacePolicy?>(() => ChartRender.Policy(ChartRender.Render(v.Value))));

    [SkippableTheory]
    [MemberData(nameof(PolicyCases.Data), MemberType = typeof(PolicyCases))]
    public void Reconciler_Case_RefusesExactlyTheNamedField(PolicyCase c)
    {
        var errors = ReconcilerCheck(c.Manifest(), s_policies[c.Variant].Value);
        Expect(c, errors);
    }

    [SkippableTheory]
    [MemberData(nameof(PolicyCases.Data), MemberType = typeof(PolicyCases))]
    public void Validate_Case_RefusesExactlyTheNamedField(PolicyCase c)
    {
        var report = ManifestValidation.Validate(c.Sample, c.Manifest(), s_policies[c.Variant].Value);
        Assert.Equal(1, report.Checked);
        Expect(c, [.. report.Problems.Select(p => p.Error)]);
    }

    private static void Expect(PolicyCase c, IReadOnlyList<FieldError> errors)
    {
        if (c.RefusedField is null || c.AdmissionOnly)
            Assert.True(errors.Count == 0, $"{c.Name}: expected accepted, got {string.Join("; ", errors)}");
        else
        {
            // The first refusal is the one the API server reports (same field and rule order); only policy fields follow.
            Assert.True(errors.Count > 0, $"{c.Name}: expected {c.RefusedField} refused, got nothing");
            Assert.Equal(c.RefusedField, errors[0].Field);
            var governed = PolicyInputs.Fields.Select(f => f.Field).ToHashSet();
            Assert.All(errors, e => Assert.Contains(e.Field, governed));
        }
    }

    // Exactly what each reconciler calls before it creates anything.
    private static IReadOnlyList<FieldError> ReconcilerCheck(string manifest, NamespacePolicy? policy)
    {
        var json = YamlDocuments.Parse(manifest).Single()!;
        var text = json.ToJsonString();
        return json["kind"]!.ToString() switch
        {
            Dataset.KindName => DatasetAdmission.Check(KubernetesJson.Deserialize<Dataset>(text), policy),
            TrainingRun.KindName => RunAdmission.Check(KubernetesJson.Deserialize<TrainingRun>(text), policy),
            TuningRun.KindName => RunAdmission.Check(KubernetesJson.Deserialize<TuningRun>(text), policy),
            DetectionEndpoint.KindName => DetectionEndpointAdmission.Check(KubernetesJson.Deserialize<DetectionEndpoint>(text), policy),
            // RegisteredModel names no role, bucket, account or URL; its reconciler has no policy check.
            _ => [],
        };
    }
}
