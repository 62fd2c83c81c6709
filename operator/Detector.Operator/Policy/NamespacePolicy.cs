using System.Text.Json;
using System.Text.Json.Serialization;
using Detector.Operator.Validation;

namespace Detector.Operator.Policy;

/// <summary>
/// Which IAM roles, S3 prefixes and service accounts the objects of each namespace may use. The operator's AWS
/// identity is powerful and namespaces are not, so a platform team lists what each team may touch.
/// Semantics, as a platform team expects them:
/// <list type="bullet">
/// <item>No policy configured (null): everything is allowed — a single-tenant install needs no policy file.</item>
/// <item>A policy is configured: a namespace it lists gets exactly its rules; a namespace it does not list gets the
/// <c>default</c> rules when present, and is otherwise denied everything (fail closed: a new namespace has no rights
/// until someone grants them).</item>
/// <item>An empty or absent list allows nothing of that sort (serviceAccountNames: absent allows any).</item>
/// </list>
/// </summary>
public sealed record NamespacePolicy
{
    /// <summary>Rules per namespace name.</summary>
    [JsonPropertyName("namespaces")] public IReadOnlyDictionary<string, NamespaceRules> Namespaces { get; init; } = new Dictionary<string, NamespaceRules>();

    /// <summary>Rules for namespaces not listed; when absent, unlisted namespaces may use nothing.</summary>
    [JsonPropertyName("default")] public NamespaceRules? Default { get; init; }

    /// <summary>
    /// Checks the role ARNs and S3 URIs an object of <paramref name="namespace"/> asks for. Pure; the field of each
    /// value names it in the error.
    /// </summary>
    public IReadOnlyList<FieldError> Check(string @namespace, IEnumerable<PolicyValue> roleArns, IEnumerable<PolicyValue> s3Uris) =>
        Check(@namespace, roleArns, s3Uris, []);

    /// <summary>As <see cref="Check(string, IEnumerable{PolicyValue}, IEnumerable{PolicyValue})"/>, also checking service account names.</summary>
    public IReadOnlyList<FieldError> Check(string @namespace, IEnumerable<PolicyValue> roleArns, IEnumerable<PolicyValue> s3Uris,
        IEnumerable<PolicyValue> serviceAccounts)
    {
        var errors = new List<FieldError>();
        var rules = Namespaces.GetValueOrDefault(@namespace) ?? Default;
        foreach (var role in roleArns)
        {
            if (rules is null) errors.Add(Unlisted(role, @namespace));
            else if (!rules.RoleArns.Any(allowed => PolicyMatch.Role(allowed, role.Value)))
                errors.Add(new(role.Field, $"role {role.Value} is not allowed in namespace {@namespace} by the namespace policy"));
        }
        foreach (var uri in s3Uris)
        {
            if (rules is null) errors.Add(Unlisted(uri, @namespace));
            else if (!rules.S3Prefixes.Any(prefix => PolicyMatch.S3(prefix, uri.Value)))
                errors.Add(new(uri.Field, $"{uri.Value} is outside the S3 prefixes allowed in namespace {@namespace} by the namespace policy"));
        }
        foreach (var account in serviceAccounts)
        {
            if (rules is null) errors.Add(Unlisted(account, @namespace));
            else if (rules.ServiceAccountNames is { } names && !names.Contains(account.Value, StringComparer.Ordinal))
                errors.Add(new(account.Field, $"service account {account.Value} is not allowed in namespace {@namespace} by the namespace policy"));
        }
        return errors;
    }

    /// <summary>Parses a policy from YAML or JSON (the ConfigMap's content); unknown fields are errors.</summary>
    /// <exception cref="FormatException">The text is not a valid policy; the message says where.</exception>
    public static NamespacePolicy Parse(string text)
    {
        var documents = YamlDocuments.Parse(text);
        if (documents.Count != 1 || documents[0] is null) throw new FormatException("a namespace policy is one YAML or JSON document");
        try
        {
            var policy = documents[0].Deserialize<NamespacePolicy>(s_json) ?? throw new FormatException("empty namespace policy");
            var problems = policy.Problems();
            return problems.Count == 0 ? policy : throw new FormatException(string.Join("; ", problems));
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid namespace policy at {e.Path}: {e.Message}", e);
        }
    }

    /// <summary>Reads and parses a policy file; the message of a failure names the file.</summary>
    public static NamespacePolicy Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    private IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, rules) in Namespaces.Select(n => (n.Key, (NamespaceRules?)n.Value)).Append(("default", Default)))
        {
            if (rules is null) continue;
            foreach (var prefix in rules.S3Prefixes.Where(p => !p.StartsWith("s3://", StringComparison.Ordinal) || p.Length <= 5))
                problems.Add($"namespaces[{name}].s3Prefixes: \"{prefix}\" is not an s3:// prefix");
            foreach (var role in rules.RoleArns.Where(r => !r.StartsWith("arn:", StringComparison.Ordinal)))
                problems.Add($"namespaces[{name}].roleArns: \"{role}\" is not an ARN (a trailing * is allowed)");
        }
        return problems;
    }

    private static FieldError Unlisted(PolicyValue value, string @namespace) =>
        new(value.Field, $"namespace {@namespace} is not listed in the namespace policy, so {value.Value} may not be used");

    private static readonly JsonSerializerOptions s_json = new() { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
}

/// <summary>What one namespace may use.</summary>
public sealed record NamespaceRules
{
    /// <summary>IAM role ARNs, exact or ending in <c>*</c> (any ARN with that prefix).</summary>
    [JsonPropertyName("roleArns")] public IReadOnlyList<string> RoleArns { get; init; } = [];

    /// <summary>S3 prefixes such as <c>s3://ml-data/team-a/</c>; a prefix matches at a path boundary.</summary>
    [JsonPropertyName("s3Prefixes")] public IReadOnlyList<string> S3Prefixes { get; init; } = [];

    /// <summary>Service accounts dataset Jobs may run as; any when absent.</summary>
    [JsonPropertyName("serviceAccountNames")] public IReadOnlyList<string>? ServiceAccountNames { get; init; }
}

/// <summary>A value a policy checks, with the field it came from (for the error message).</summary>
/// <param name="Field">Field path, e.g. <c>spec.roleArn</c>.</param>
/// <param name="Value">The role ARN, S3 URI or service account name.</param>
public sealed record PolicyValue(string Field, string Value);
