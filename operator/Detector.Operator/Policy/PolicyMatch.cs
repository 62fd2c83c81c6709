namespace Detector.Operator.Policy;

/// <summary>How policy entries match values (pure).</summary>
public static class PolicyMatch
{
    /// <summary>An allowed role ARN matches exactly, or as a prefix when it ends in <c>*</c>.</summary>
    public static bool Role(string allowed, string roleArn) =>
        allowed.EndsWith('*') ? roleArn.StartsWith(allowed[..^1], StringComparison.Ordinal) : string.Equals(allowed, roleArn, StringComparison.Ordinal);

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
