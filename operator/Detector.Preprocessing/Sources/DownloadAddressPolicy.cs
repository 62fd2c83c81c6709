using System.Net;
using System.Net.Sockets;

namespace Detector.Preprocessing.Sources;

/// <summary>
/// Which addresses an archive download may connect to (pure). The admission policy can only check a URL's literal host;
/// a name that resolves to 127.0.0.1 or to the cloud metadata service (169.254.169.254, fd00:ec2::254) would otherwise
/// let a Dataset read what only the node should see. Checked after DNS resolution, on every address connected to.
/// </summary>
public static class DownloadAddressPolicy
{
    private static readonly IPAddress s_awsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    /// <summary>Why <paramref name="address"/> is refused ("loopback", "link-local", …), or null when it is allowed.</summary>
    public static string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return "loopback";
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return "unspecified";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            if (b[0] == 0)
                return "unspecified"; // 0.0.0.0/8 means "this host" to Linux
            if (b[0] == 169 && b[1] == 254)
                return "link-local (cloud metadata)";
            return null;
        }
        if (address.IsIPv6LinkLocal)
            return "link-local";
        if (address.Equals(s_awsMetadataV6))
            return "link-local (cloud metadata)";
        return null;
    }

    /// <summary>
    /// A ConnectCallback for <see cref="SocketsHttpHandler"/> that resolves the host itself, refuses forbidden
    /// addresses, and connects to the first allowed one.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var refusals = new List<string>();
        foreach (var address in addresses)
        {
            if (Refusal(address) is { } reason)
            {
                refusals.Add($"{address} is {reason}");
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new RefusedAddressException($"host '{host}' resolves only to refused addresses ({string.Join(", ", refusals)}); " +
            "downloads never connect to loopback, link-local or unspecified addresses");
    }
}

/// <summary>A download was refused because its host resolves to a forbidden address.</summary>
public sealed class RefusedAddressException(string message) : IOException(message);
