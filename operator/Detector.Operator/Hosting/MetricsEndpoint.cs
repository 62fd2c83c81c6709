using System.Globalization;
using System.Net;

namespace Detector.Operator.Hosting;

/// <summary>
/// Pure: the <c>--metrics-bind-address</c> forms (<c>:8080</c>, <c>0.0.0.0:8080</c>, <c>127.0.0.1:0</c>, <c>[::]:8080</c>,
/// <c>localhost:9090</c>) as the address to listen on, and the defaults: <c>:8080</c> in a pod (the chart's probes and
/// Service use it), <c>127.0.0.1:0</c> outside one (loopback, a free port, printed at start-up), so a second local run or
/// a quick restart never clashes.
/// </summary>
public static class MetricsEndpoint
{
    /// <summary>The flag that sets the address (named in every error about it).</summary>
    public const string Flag = "--metrics-bind-address";

    /// <summary>The default in a pod.</summary>
    public const string InPodDefault = ":8080";

    /// <summary>The default outside a pod.</summary>
    public const string LocalDefault = "127.0.0.1:0";

    /// <summary>The default for where the operator runs.</summary>
    public static string Default(bool inPod) => inPod ? InPodDefault : LocalDefault;

    /// <summary>True for "not served": null, empty or <c>0</c> (controller-runtime's spelling).</summary>
    public static bool IsDisabled(string? address) => string.IsNullOrWhiteSpace(address) || address.Trim() == "0";

    /// <summary>
    /// Parses <c>host:port</c>. The host is an IP address (IPv6 in brackets), <c>localhost</c>, or empty for every IPv4
    /// interface; host names are not resolved, so the address bound is the address written.
    /// </summary>
    public static bool TryParse(string address, out IPEndPoint endpoint)
    {
        endpoint = new IPEndPoint(IPAddress.Any, 0);
        var colon = address.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            return false;
        var host = address[..colon];
        IPAddress? ip;
        if (host.Length == 0)
            ip = IPAddress.Any;
        else if (host == "localhost")
            ip = IPAddress.Loopback;
        else if (host.StartsWith('[') && host.EndsWith(']'))
            ip = IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? v6 : null;
        else
            // Dotted quads only: IPAddress.TryParse also takes "1" or "127.1", which nobody means as an address.
            ip = host.Count(c => c == '.') == 3 && IPAddress.TryParse(host, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? v4 : null;
        if (ip is null)
            return false;
        endpoint = new IPEndPoint(ip, port);
        return true;
    }
}
