using System.Text.RegularExpressions;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// The API server's checks of one node's <c>x-kubernetes-validations</c>: rule present, message non-blank and on one
/// line (and required for a multi-line rule), messageExpression non-blank, reason one of the four, fieldPath non-blank
/// and on one line; then, when the schema below has no errors, compilation (here: the rule must be a form
/// <see cref="CelRules"/> evaluates, naming fields the node has), the per-rule cost limit (<see cref="CelCost"/>),
/// <c>oldSelf</c> only where old and new values correlate, and optionalOldSelf only on transition rules.
/// </summary>
public static partial class RuleChecks
{
    private static readonly string[] s_reasons = ["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"];

    /// <summary>Adds the errors of the rules on <paramref name="node"/>; <paramref name="cel"/> null skips compilation and cost.</summary>
    public static void Validate(V1JSONSchemaProps node, string path, SchemaRules.Context context, CelCost.Total? cel, SchemaRules.Errors errors)
    {
        var rules = node.XKubernetesValidations ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var at = $"{path}.x-kubernetes-validations[{i}]";
            var rule = rules[i];
            var (text, message) = ((rule.Rule ?? "").Trim(), (rule.Message ?? "").Trim());
            if (text.Length == 0) errors.Schema.Add(ApiErrors.Required(at + ".rule", "rule is not specified"));
            else if (!string.IsNullOrEmpty(rule.Message) && message.Length == 0) errors.Schema.Add(ApiErrors.Invalid(at + ".message", rule.Message, "message must be non-empty if specified"));
            else if (HasNewlines(message)) errors.Schema.Add(ApiErrors.Invalid(at + ".message", rule.Message, "message must not contain line breaks"));
            else if (HasNewlines(text) && message.Length == 0) errors.Schema.Add(ApiErrors.Required(at + ".message", "message must be specified if rule contains line breaks"));
            if (!string.IsNullOrEmpty(rule.MessageExpression) && rule.MessageExpression.Trim().Length == 0)
                errors.Schema.Add(ApiErrors.Required(at + ".messageExpression", "messageExpression must be non-empty if specified"));
            if (rule.Reason is { } reason && !s_reasons.Contains(reason, StringComparer.Ordinal))
                errors.Schema.Add(ApiErrors.NotSupported(at + ".reason", reason, s_reasons));
            if (rule.FieldPath is { Length: > 0 } fieldPath && fieldPath.Trim().Length == 0)
                errors.Schema.Add(ApiErrors.Invalid(at + ".fieldPath", fieldPath, "fieldPath must be non-empty if specified"));
            if (rule.FieldPath is { } anyPath && HasNewlines(anyPath))
                errors.Schema.Add(ApiErrors.Invalid(at + ".fieldPath", anyPath, "fieldPath must not contain line breaks"));
        }
        // The server compiles rules only when the schema at and below this node is free of errors.
        if (cel is null || errors.Schema.Count > 0) return;
        for (var i = 0; i < rules.Count; i++)
        {
            var at = $"{path}.x-kubernetes-validations[{i}]";
            var rule = rules[i];
            if (string.IsNullOrWhiteSpace(rule.Rule)) continue;
            if (CompileError(rule.Rule.Trim(), node) is { } compileError)
            {
                errors.Cel.Add(ApiErrors.InvalidStruct(at + ".rule", compileError));
                continue;
            }
            var cost = CelCost.Estimate(rule.Rule, node, context.Cardinality);
            if (cost > CelCost.RuleLimit) errors.Cel.Add(ApiErrors.Forbidden(at + ".rule", CelCost.ExceedsMessage("estimated rule cost", cost, CelCost.RuleLimit)));
            cel.Observe(at + ".rule", cost);
            if (CelRules.IsTransitionRule(rule.Rule))
            {
                if (context.UncorrelatablePath is { } within)
                    errors.Cel.Add(ApiErrors.Invalid(at + ".rule", rule.Rule, $"oldSelf cannot be used on the uncorrelatable portion of the schema within {within}"));
            }
            else if (rule.OptionalOldSelf is { } optionalOldSelf)
                errors.Cel.Add(ApiErrors.Invalid(at + ".optionalOldSelf", optionalOldSelf, "may not be set if oldSelf is not used in rule"));
        }
    }

    /// <summary>
    /// Null when <paramref name="rule"/> is a form <see cref="CelRules"/> evaluates and every field it names is a
    /// property of <paramref name="node"/>; else why not (the server would report cel-go's compile error instead).
    /// </summary>
    public static string? CompileError(string rule, V1JSONSchemaProps node)
    {
        if (rule == CelRules.Rules.Immutable) return null;
        var names = FieldNames().Matches(rule).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var known = rule == CelRules.Rules.OptionalImmutable(names.FirstOrDefault() ?? "")
            || (names.Count > 0 && rule == CelRules.Rules.ExactlyOneOf(names));
        if (!known)
            return $"compilation failed: rule '{rule}' is not a form this checker can compile (CelRules); a real server may accept it";
        var missing = names.FirstOrDefault(name => node.Properties?.ContainsKey(name) != true);
        return missing is null ? null : $"compilation failed: ERROR: <input>: undefined field '{missing}'";
    }

    private static bool HasNewlines(string text) => text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal);

    [GeneratedRegex(@"(?:self|oldSelf)\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex FieldNames();
}
