using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Detector.Operator.Policy;

/// <summary>
/// Pure: which hosts of an http(s) source the operator never fetches from, whatever the policy says — the instance
/// metadata service (169.254.169.254, fd00:ec2::254), anything loopback, link-local or unspecified, and host spellings
/// that only a lenient parser turns into such an address (<c>2852039166</c>, <c>127.1</c>, <c>0x7f.1</c>,
/// <c>::ffff:127.0.0.1</c>, <c>localhost</c>). It mirrors the admission policy's CEL, which uses Kubernetes'
/// <c>url()</c> and <c>ip()</c> libraries: an IP is accepted only in the strict form <c>ip()</c> parses, anything
/// else must be a DNS name whose last label starts with a letter (no top-level domain is numeric).
/// </summary>
public static partial class HostSafety
{
    /// <summary>The hostname of an http(s) URL as Go's <c>url.Hostname()</c> returns it: no userinfo, port or IPv6 brackets.</summary>
    public static string Hostname(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? url : url[(start + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority[(at + 1)..];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            return close < 0 ? authority[1..] : authority[1..close];
        }
        var colon = authority.IndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    /// <summary>True when the operator must not download from <paramref name="host"/> (a hostname, no brackets or port).</summary>
    public static bool IsInternal(string host)
    {
        if (StrictIp(host) is { } ip)
            return IPAddress.IsLoopback(ip) || IsLinkLocalUnicast(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(AwsMetadataIPv6);
        var lower = host.ToLowerInvariant();
        return !DnsName().IsMatch(lower) || Localhost().IsMatch(lower);
    }

    /// <summary>Regular expression of a DNS name (lower case) as the CEL rule spells it; RE2 and .NET read it alike.</summary>
    public const string DnsNamePattern = @"^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)*[a-z]([-a-z0-9]*[a-z0-9])?\.?$";

    /// <summary>Regular expression of <c>localhost</c> and its subdomains (RFC 6761), lower case.</summary>
    public const string LocalhostPattern = @"^(.*\.)?localhost\.?$";

    /// <summary>The AWS instance metadata service's IPv6 address (Nitro instances).</summary>
    public static IPAddress AwsMetadataIPv6 { get; } = IPAddress.Parse("fd00:ec2::254");

    // ip() of Kubernetes CEL: Go's netip.ParseAddr (dotted quad without leading zeros, or IPv6), no zone, no IPv4-mapped IPv6.
    private static IPAddress? StrictIp(string host)
    {
        if (Ipv4().IsMatch(host)) return IPAddress.Parse(host);
        if (!host.Contains(':') || host.Contains('%') || !IPAddress.TryParse(host, out var ip)) return null;
        return ip.AddressFamily == AddressFamily.InterNetworkV6 && !ip.IsIPv4MappedToIPv6 ? ip : null;
    }

    private static bool IsLinkLocalUnicast(IPAddress ip)
    {
        if (ip.AddressFamily == AddressFamily.InterNetworkV6) return ip.IsIPv6LinkLocal;
        var bytes = ip.GetAddressBytes();
        return bytes[0] == 169 && bytes[1] == 254;
    }

    [GeneratedRegex(@"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$")]
    private static partial Regex Ipv4();

    [GeneratedRegex(DnsNamePattern)]
    private static partial Regex DnsName();

    [GeneratedRegex(LocalhostPattern)]
    private static partial Regex Localhost();
}
