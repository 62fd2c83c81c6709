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
/// <item>An empty or absent list allows nothing of that sort (serviceAccountNames and httpHosts: absent allows any).</item>
/// <item>Whatever the policy, http(s) sources never reach loopback, link-local or metadata addresses (<see cref="HostSafety"/>).</item>
/// </list>
/// </summary>
public sealed record NamespacePolicy
{
    /// <summary>Rules per namespace name.</summary>
    [JsonPropertyName("namespaces")] public IReadOnlyDictionary<string, NamespaceRules> Namespaces { get; init; } = new Dictionary<string, NamespaceRules>();

    /// <summary>Rules for namespaces not listed; when absent, unlisted namespaces may use nothing.</summary>
    [JsonPropertyName("default")] public NamespaceRules? Default { get; init; }

    /// <summary>The rules of <paramref name="namespace"/>: its own, else <c>default</c>, else null (it may use nothing).</summary>
    public NamespaceRules? RulesFor(string @namespace) => Namespaces.GetValueOrDefault(@namespace) ?? Default;

    /// <summary>
    /// Checks role ARNs, S3 URIs and service account names of an object of <paramref name="namespace"/> with
    /// <see cref="PolicyRules"/>. Pure; the field of each value names it in the error.
    /// </summary>
    public IReadOnlyList<FieldError> Check(string @namespace, IEnumerable<PolicyValue> roleArns, IEnumerable<PolicyValue> s3Uris,
        IEnumerable<PolicyValue>? serviceAccounts = null) =>
        PolicyRules.Check(this, @namespace,
        [
            .. roleArns.Select(v => Input(v, PolicyValueKind.RoleArn)),
            .. s3Uris.Select(v => Input(v, PolicyValueKind.S3Uri)),
            .. (serviceAccounts ?? []).Select(v => Input(v, PolicyValueKind.ServiceAccount)),
        ]);

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
            var at = name == "default" && ReferenceEquals(rules, Default) ? "default" : $"namespaces[{name}]";
            foreach (var prefix in rules.S3Prefixes.Where(p => !p.StartsWith("s3://", StringComparison.Ordinal) || p.Length <= 5 || p.Contains('*')))
                problems.Add($"{at}.s3Prefixes: \"{prefix}\" is not an s3:// prefix (no wildcards; {{namespace}} stands for the namespace)");
            foreach (var role in rules.RoleArns.Where(r => !r.StartsWith("arn:", StringComparison.Ordinal) || r.Count(c => c == '*') > 2))
                problems.Add($"{at}.roleArns: \"{role}\" is not an ARN pattern (at most two *; {{namespace}} stands for the namespace)");
            foreach (var host in (rules.HttpHosts ?? []).Where(h => !PolicyMatch.IsHostPattern(h)))
                problems.Add($"{at}.httpHosts: \"{host}\" is not a lower-case DNS name or *.domain");
            foreach (var account in (rules.ServiceAccountNames ?? []).Where(a => !System.Text.RegularExpressions.Regex.IsMatch(a, Api.V1Alpha1.Patterns.ObjectName)))
                problems.Add($"{at}.serviceAccountNames: \"{account}\" is not a ServiceAccount name");
        }
        return problems;
    }

    private static PolicyInput Input(PolicyValue value, PolicyValueKind kind) => new(new PolicyField("", value.Field, kind), value.Value);

    private static readonly JsonSerializerOptions s_json = new() { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
}

/// <summary>What one namespace may use.</summary>
public sealed record NamespaceRules
{
    /// <summary>
    /// IAM role ARN patterns: <c>*</c> stands for any characters (at most two per pattern), <c>{namespace}</c> for the
    /// object's namespace, e.g. <c>arn:aws:iam::*:role/detector/{namespace}/*</c>.
    /// </summary>
    [JsonPropertyName("roleArns")] public IReadOnlyList<string> RoleArns { get; init; } = [];

    /// <summary>S3 prefixes such as <c>s3://ml-data/team-a/</c> or <c>s3://detector-{namespace}-data/</c>; a prefix matches at a path boundary.</summary>
    [JsonPropertyName("s3Prefixes")] public IReadOnlyList<string> S3Prefixes { get; init; } = [];

    /// <summary>Service accounts dataset Jobs may run as; any when absent.</summary>
    [JsonPropertyName("serviceAccountNames")] public IReadOnlyList<string>? ServiceAccountNames { get; init; }

    /// <summary>Hosts http(s) sources may download from: exact names or <c>*.example.com</c> (any subdomain); any public host when absent.</summary>
    [JsonPropertyName("httpHosts")] public IReadOnlyList<string>? HttpHosts { get; init; }

    /// <summary>Whether http sources may use plain <c>http://</c> (no integrity, no authenticity); https only when false.</summary>
    [JsonPropertyName("allowPlainHttp")] public bool AllowPlainHttp { get; init; }

    /// <summary>A role or S3 pattern with <c>{namespace}</c> replaced by the object's namespace.</summary>
    public static string Expand(string pattern, string @namespace) => pattern.Replace("{namespace}", @namespace, StringComparison.Ordinal);
}

/// <summary>A value a policy checks, with the field it came from (for the error message).</summary>
/// <param name="Field">Field path, e.g. <c>spec.roleArn</c>.</param>
/// <param name="Value">The role ARN, S3 URI or service account name.</param>
public sealed record PolicyValue(string Field, string Value);
