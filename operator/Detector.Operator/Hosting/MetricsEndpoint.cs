using System.Globalization;

namespace Detector.Operator.Hosting;

/// <summary>Pure: the <c>--metrics-address</c> forms (<c>:8080</c>, <c>0.0.0.0:8080</c>, <c>127.0.0.1:0</c>, <c>[::]:8080</c>) as a Kestrel URL.</summary>
public static class MetricsEndpoint
{
    /// <summary>Parses an address into <c>http://host:port</c>; an empty host means every interface.</summary>
    public static bool TryParse(string address, out string url)
    {
        url = "";
        var colon = address.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            return false;
        var host = address[..colon];
        if (host.Length == 0)
            host = "0.0.0.0";
        if (host.Contains(' ', StringComparison.Ordinal))
            return false;
        url = $"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        return true;
    }
}
