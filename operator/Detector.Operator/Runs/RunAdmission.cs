using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Policy;
using Detector.Operator.Validation;

namespace Detector.Operator.Runs;

/// <summary>
/// Pure: whether the operator may act on a TrainingRun or TuningRun at all — the spec rules (the same the CRD schema
/// and <c>detector validate</c> apply), the namespace policy (roles and S3 prefixes), and the room left for the
/// operator's own tags. Any error stalls the run with reason InvalidSpec before a SageMaker call.
/// </summary>
public static class RunAdmission
{
    /// <summary>The problems of a TrainingRun, each naming its field; empty when admitted.</summary>
    public static IReadOnlyList<FieldError> Check(TrainingRun run, NamespacePolicy? policy)
    {
        var errors = new List<FieldError>(SpecValidation.Validate(run.Spec));
        errors.AddRange(PolicyRules.Check(policy, run.Metadata.NamespaceProperty ?? "", PolicyInputs.Of(run.Spec)));
        errors.AddRange(TagRoom(run.Spec.Tags));
        return errors;
    }

    /// <summary>The problems of a TuningRun, each naming its field; empty when admitted.</summary>
    public static IReadOnlyList<FieldError> Check(TuningRun run, NamespacePolicy? policy)
    {
        var errors = new List<FieldError>(SpecValidation.Validate(run.Spec));
        errors.AddRange(PolicyRules.Check(policy, run.Metadata.NamespaceProperty ?? "", PolicyInputs.Of(run.Spec)));
        errors.AddRange(TagRoom(run.Spec.Tags));
        if (run.Spec.WarmStart?.TuningRunRefs.Contains(run.Metadata.Name, StringComparer.Ordinal) == true)
            errors.Add(new("spec.warmStart.tuningRunRefs", $"a TuningRun cannot warm start from itself ({run.Metadata.Name})"));
        return errors;
    }

    /// <summary>One line for a condition message: every error as <c>field: message</c>.</summary>
    public static string Message(IReadOnlyList<FieldError> errors) => string.Join("; ", errors);

    // SageMaker allows 50 tags per resource and the operator adds its own.
    private static IEnumerable<FieldError> TagRoom(IReadOnlyDictionary<string, string> tags)
    {
        var room = Patterns.MaxTags - TrainingJobParts.OperatorTagCount;
        var own = tags.Keys.Count(k => !k.StartsWith(ApiGroup.Name + "/", StringComparison.Ordinal));
        if (own > room)
            yield return new("spec.tags", $"Too many: {own}: at most {room} tags (SageMaker allows {Patterns.MaxTags}, the operator adds {TrainingJobParts.OperatorTagCount})");
    }
}
