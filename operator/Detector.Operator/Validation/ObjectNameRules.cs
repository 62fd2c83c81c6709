using System.Text.RegularExpressions;
using Detector.Operator.Api.V1Alpha1;

namespace Detector.Operator.Validation;

/// <summary>
/// metadata.name of Detector objects (pure): the API server's DNS-1123 subdomain rule, and a length per kind short enough
/// that every name derived from it (preparation Jobs, SageMaker training/tuning jobs, model package groups, endpoints)
/// keeps the whole object name in front of its role and hash, instead of a cut one.
/// </summary>
public static partial class ObjectNameRules
{
    /// <summary>The longest name per kind, and what it must fit in.</summary>
    public static IReadOnlyDictionary<string, (int MaxLength, string DerivedName)> Limits { get; } = new Dictionary<string, (int, string)>(StringComparer.Ordinal)
    {
        // <name>-merge-<10-char spec hash> is a Job name (≤ 63, the job-name label).
        [Dataset.KindName] = (63 - "-merge-".Length - 10, "its preparation Job name <name>-merge-<hash> (63 characters)"),
        // <name>-<8-char hash> is a SageMaker TrainingJobName (≤ 63).
        [TrainingRun.KindName] = (63 - 9, "its SageMaker training job name <name>-<hash> (63 characters)"),
        // <name>-<8-char hash> is a SageMaker HyperParameterTuningJobName (≤ 32).
        [TuningRun.KindName] = (32 - 9, "its SageMaker tuning job name <name>-<hash> (32 characters)"),
        // <name>-<8-char hash> is a SageMaker model package group name (≤ 63).
        [RegisteredModel.KindName] = (63 - 9, "its SageMaker model package group name <name>-<hash> (63 characters)"),
        // <name>-v<version>-<8-char hash> names SageMaker models (≤ 63); room is left for versions up to 9999.
        [DetectionEndpoint.KindName] = (63 - "-v9999-".Length - 8, "its SageMaker model names <name>-v<version>-<hash> (63 characters)"),
    };

    /// <summary>What is wrong with <paramref name="name"/> for <paramref name="kind"/>, or null when it is fine.</summary>
    public static string? Check(string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
            return "Required value";
        if (name.Length > 253 || !Subdomain().IsMatch(name))
            return $"Invalid value: \"{Shown(name)}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', " +
                "and must start and end with an alphanumeric character (at most 253 characters)";
        if (Limits.TryGetValue(kind, out var limit) && name.Length > limit.MaxLength)
            return $"Invalid value: \"{Shown(name)}\": must be no more than {limit.MaxLength} characters for a {kind}, so that {limit.DerivedName} keeps it whole";
        return null;
    }

    private static string Shown(string name) =>
        Preprocessing.Reporting.TerminalText.Escape(name.Length <= 80 ? name : name[..80] + "…");

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
