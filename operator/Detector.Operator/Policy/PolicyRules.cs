using System.Text.Json.Nodes;
using Detector.Operator.Validation;

namespace Detector.Operator.Policy;

/// <summary>
/// One rule of tenant safety, written once for both places that enforce it: <see cref="Check"/> is what the reconcilers
/// and <c>detector validate</c> run, <see cref="Cel"/> is what the API server runs at admission (generated into the
/// chart by <see cref="AdmissionPolicyTemplate"/>). The shared table of cases in the tests holds the two to the same
/// answers.
/// </summary>
/// <param name="Name">Short name, also the validation's name in the admission policy.</param>
/// <param name="Applies">The sort of value it checks.</param>
/// <param name="NeedsPolicy">Whether it only applies when a namespace policy is configured; without one, only the
/// rules that are always on apply. With one, a namespace it does not list (and no <c>default</c>) may use nothing.</param>
/// <param name="Check">C#: given the namespace, the value and the namespace's rules (null for always-on rules), the
/// problem or null. Null for a rule only admission can check (it needs the requester).</param>
/// <param name="Cel">CEL boolean, true when allowed; <c>{v}</c> is the value, <c>{ns}</c> the namespace, <c>{host}</c>
/// the URL's hostname.</param>
/// <param name="CelProblem">CEL string: the problem, worded as <see cref="Check"/> words it.</param>
public sealed record PolicyRule(string Name, PolicyValueKind Applies, bool NeedsPolicy, Func<string, string, NamespaceRules?, string?>? Check,
    string Cel, string CelProblem);

/// <summary>The rules, and their C# evaluation over a spec (pure).</summary>
public static class PolicyRules
{
    /// <summary>Every rule, in the order the admission policy evaluates them (the API server reports the first refusal).</summary>
    public static IReadOnlyList<PolicyRule> All { get; } =
    [
        new("role-allowed", PolicyValueKind.RoleArn, NeedsPolicy: true,
            (ns, v, rules) => rules!.RoleArns.Any(p => PolicyMatch.Role(NamespaceRules.Expand(p, ns), v)) ? null
                : $"role {v} is not allowed in namespace {ns} by the namespace policy",
            "variables.rolePatterns.exists(p, (size(p) == 1 && {v} == p[0])"
            + " || (size(p) == 2 && size({v}) >= size(p[0]) + size(p[1]) && {v}.startsWith(p[0]) && {v}.endsWith(p[1]))"
            + " || (size(p) == 3 && size({v}) >= size(p[0]) + size(p[1]) + size(p[2]) && {v}.startsWith(p[0]) && {v}.endsWith(p[2])"
            + " && {v}.substring(size(p[0]), size({v}) - size(p[2])).contains(p[1])))",
            "'role ' + {v} + ' is not allowed in namespace ' + {ns} + ' by the namespace policy'"),
        new("s3-prefix-allowed", PolicyValueKind.S3Uri, NeedsPolicy: true,
            (ns, v, rules) => rules!.S3Prefixes.Any(p => PolicyMatch.S3(NamespaceRules.Expand(p, ns), v)) ? null
                : $"{v} is outside the S3 prefixes allowed in namespace {ns} by the namespace policy",
            "!{v}.split('/').exists(s, s == '.' || s == '..') && variables.s3Prefixes.exists(p, p.endsWith('/')"
            + " ? ({v}.startsWith(p) || {v} == p.substring(0, size(p) - 1)) : ({v} == p || {v}.startsWith(p + '/')))",
            "{v} + ' is outside the S3 prefixes allowed in namespace ' + {ns} + ' by the namespace policy'"),
        new("service-account-allowed", PolicyValueKind.ServiceAccount, NeedsPolicy: true,
            (ns, v, rules) => rules!.ServiceAccountNames is not { } names || names.Contains(v, StringComparer.Ordinal) ? null
                : $"service account {v} is not allowed in namespace {ns} by the namespace policy",
            "!variables.hasServiceAccountNames || {v} in variables.serviceAccountNames",
            "'service account ' + {v} + ' is not allowed in namespace ' + {ns} + ' by the namespace policy'"),
        // Only the API server knows who asks: naming an account the requester may not even read would borrow its rights.
        new("service-account-requester", PolicyValueKind.ServiceAccount, NeedsPolicy: false, Check: null,
            "authorizer.group('').resource('serviceaccounts').namespace({ns}).name({v}).check('get').allowed()",
            "'service account ' + {v} + ' may be named only by someone allowed to get it; ' + request.userInfo.username + ' is not'"),
        new("http-host-not-internal", PolicyValueKind.HttpUrl, NeedsPolicy: false,
            (_, v, _) => HostSafety.IsInternal(HostSafety.Hostname(v)) ? InternalHost(HostSafety.Hostname(v)) : null,
            "isURL({v}) && (isIP({host}) ? !(ip({host}).isLoopback() || ip({host}).isLinkLocalUnicast() || ip({host}).isUnspecified()"
            + " || ip({host}) == ip('fd00:ec2::254')) : ({host}.lowerAscii().matches('" + HostSafety.DnsNamePattern.Replace(@"\", @"\\", StringComparison.Ordinal) + "')"
            + " && !{host}.lowerAscii().matches('" + HostSafety.LocalhostPattern.Replace(@"\", @"\\", StringComparison.Ordinal) + "')))",
            "'host ' + {host} + ' " + InternalHostTail + "'"),
        new("http-plain-allowed", PolicyValueKind.HttpUrl, NeedsPolicy: true,
            (ns, v, rules) => v.StartsWith("https://", StringComparison.Ordinal) || rules!.AllowPlainHttp ? null
                : $"plain http is not allowed in namespace {ns} by the namespace policy (use https)",
            "{v}.startsWith('https://') || variables.allowPlainHttp",
            "'plain http is not allowed in namespace ' + {ns} + ' by the namespace policy (use https)'"),
        new("http-host-allowed", PolicyValueKind.HttpUrl, NeedsPolicy: true,
            (ns, v, rules) => rules!.HttpHosts is not { } hosts || hosts.Any(p => PolicyMatch.Host(p, HostSafety.Hostname(v))) ? null
                : $"host {HostSafety.Hostname(v)} is not on the http hosts allowed in namespace {ns} by the namespace policy",
            "!variables.hasHttpHosts || variables.httpHosts.exists(p, p.startsWith('*.') ? {host}.lowerAscii().endsWith(p.substring(1)) : {host}.lowerAscii() == p)",
            "'host ' + {host} + ' is not on the http hosts allowed in namespace ' + {ns} + ' by the namespace policy'"),
    ];

    /// <summary>The problem of a value in a namespace the policy does not list (and that has no <c>default</c>).</summary>
    public static string Unlisted(string ns, string value) => $"namespace {ns} is not listed in the namespace policy, so {value} may not be used";

    /// <summary>The same wording in CEL.</summary>
    public const string CelUnlisted = "'namespace ' + {ns} + ' is not listed in the namespace policy, so ' + {v} + ' may not be used'";

    /// <summary>
    /// The problems of an object's governed values. Without a policy only the always-on rules apply; a rule that needs
    /// the requester is left to admission.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(NamespacePolicy? policy, string ns, IEnumerable<PolicyInput> inputs)
    {
        var errors = new List<FieldError>();
        var rules = policy?.RulesFor(ns);
        foreach (var input in inputs)
        {
            foreach (var rule in All.Where(r => r.Applies == input.Field.Type && r.Check is not null))
            {
                var problem = !rule.NeedsPolicy ? rule.Check!(ns, input.Value, null)
                    : policy is null ? null
                    : rules is null ? Unlisted(ns, input.Value)
                    : rule.Check!(ns, input.Value, rules);
                if (problem is null) continue;
                errors.Add(new(input.Field.Field, problem));
                if (rules is null && policy is not null) break; // one "not listed" per value is enough
            }
        }
        return errors;
    }

    /// <summary>As <see cref="Check(NamespacePolicy?, string, IEnumerable{PolicyInput})"/>, for a manifest's kind and spec.</summary>
    public static IReadOnlyList<FieldError> Check(NamespacePolicy? policy, string ns, string kind, JsonObject spec) =>
        Check(policy, ns, PolicyInputs.Of(kind, spec));

    private const string InternalHostTail = "is loopback, link-local, unspecified, the instance metadata service or not a plain DNS name or IP: the operator never downloads from internal addresses";

    private static string InternalHost(string host) => $"host {host} {InternalHostTail}";
}
