using System.Globalization;

namespace Detector.Operator.Hosting;

/// <summary>
/// Pure: the <c>--metrics-bind-address</c> forms (<c>:8080</c>, <c>0.0.0.0:8080</c>, <c>127.0.0.1:0</c>, <c>[::]:8080</c>)
/// as a Kestrel URL, and the defaults: <c>:8080</c> in a pod (the chart's probes and Service use it), <c>127.0.0.1:0</c>
/// outside one (loopback, a free port, printed at start-up), so a second local run or a quick restart never clashes.
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
