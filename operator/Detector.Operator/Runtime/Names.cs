using System.Security.Cryptography;
using System.Text;

namespace Detector.Operator.Runtime;

/// <summary>Kubernetes-safe derived names: a sanitized readable part plus a short hash, within the DNS-1123 label limit.</summary>
public static class Names
{
    /// <summary>The DNS-1123 label limit (Job, Pod, Service names and label values).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Length of <see cref="ShortHash"/> output in hex characters.</summary>
    public const int HashLength = 8;

    /// <summary>
    /// <c>{sanitized base}-{hash of parts}</c>, at most <paramref name="maxLength"/> characters, lower-case alphanumerics
    /// and '-', starting and ending with an alphanumeric. The hash keeps truncated names distinct.
    /// </summary>
    public static string Label(string baseName, IEnumerable<string?> hashParts, int maxLength = MaxLabelLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, HashLength + 2);
        var hash = ShortHash(hashParts);
        var head = Sanitize(baseName);
        var room = maxLength - HashLength - 1;
        if (head.Length > room)
            head = head[..room].TrimEnd('-');
        return head.Length == 0 ? "x-" + hash : $"{head}-{hash}";
    }

    /// <summary>Same as <see cref="Label(string, IEnumerable{string?}, int)"/> with the parts given inline.</summary>
    public static string Label(string baseName, params string?[] hashParts) => Label(baseName, hashParts, MaxLabelLength);

    /// <summary>Lower-cases and replaces every run of characters outside [a-z0-9] with one '-', trimming '-' at both ends.</summary>
    public static string Sanitize(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var ch in value.ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
                sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>First <see cref="HashLength"/> hex characters of SHA-256 over the parts (separated so ("ab","c") ≠ ("a","bc")).</summary>
    public static string ShortHash(IEnumerable<string?> parts)
    {
        var joined = string.Join("\u001f", parts.Select(p => p ?? "\u0000"));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        return Convert.ToHexStringLower(digest)[..HashLength];
    }

    /// <summary>Whether <paramref name="name"/> is a valid DNS-1123 label.</summary>
    public static bool IsDns1123Label(string name) =>
        name.Length is > 0 and <= MaxLabelLength
        && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && name[0] != '-' && name[^1] != '-';
}
