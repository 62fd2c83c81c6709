using System.Text.RegularExpressions;

namespace Detector.Operator.Policy;

/// <summary>How policy entries match values (pure).</summary>
public static class PolicyMatch
{
    /// <summary>An allowed role ARN pattern matches when each <c>*</c> stands for any run of characters (a glob).</summary>
    public static bool Role(string allowed, string roleArn) =>
        Regex.IsMatch(roleArn, "^" + Regex.Escape(allowed).Replace(@"\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>A host pattern matches the host (any case) exactly, or as any subdomain when it is <c>*.domain</c>.</summary>
    public static bool Host(string pattern, string host)
    {
        var lower = host.ToLowerInvariant();
        return pattern.StartsWith("*.", StringComparison.Ordinal) ? lower.EndsWith(pattern[1..], StringComparison.Ordinal) : lower == pattern;
    }

    /// <summary>Whether a policy's host entry is a lower-case DNS name, optionally after <c>*.</c>.</summary>
    public static bool IsHostPattern(string pattern) =>
        Regex.IsMatch(pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern, HostSafety.DnsNamePattern);

    /// <summary>
    /// An S3 prefix matches a URI equal to it or below it at a path boundary (<c>s3://b/team-a</c> allows
    /// <c>s3://b/team-a/x</c> but not <c>s3://b/team-ab</c>). URIs with <c>.</c> or <c>..</c> segments never match:
    /// S3 keys are not paths, but tools that normalise them would escape the prefix.
    /// </summary>
    public static bool S3(string prefix, string uri)
    {
        if (uri.Split('/').Skip(3).Any(segment => segment is "." or "..")) return false;
        if (prefix.EndsWith('/')) return uri.StartsWith(prefix, StringComparison.Ordinal) || uri == prefix[..^1];
        return uri == prefix || uri.StartsWith(prefix + "/", StringComparison.Ordinal);
    }
}
