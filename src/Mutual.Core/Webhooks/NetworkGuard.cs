using System.Net;
using System.Net.Sockets;

namespace Mutual.Core.Webhooks;

/// <summary>
/// Keeps webhooks from being aimed at our own network (SSRF): refuses private, loopback, link-local, CGNAT,
/// unique-local, multicast, unspecified and cloud-metadata addresses. Checked when an endpoint is registered
/// and again for every connection, because a name can resolve elsewhere later (DNS rebinding).
/// </summary>
public static class NetworkGuard
{
    private static readonly (IPAddress Network, int Prefix)[] Blocked =
    [
        (IPAddress.Parse("0.0.0.0"), 8),        // "this network", unspecified
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),    // CGNAT
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),   // link-local, incl. 169.254.169.254 metadata
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),     // IETF protocol assignments
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),    // benchmarking
        (IPAddress.Parse("224.0.0.0"), 4),      // multicast
        (IPAddress.Parse("240.0.0.0"), 4),      // reserved, broadcast
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("fc00::"), 7),         // unique local, incl. fd00:ec2::254 metadata
        (IPAddress.Parse("fe80::"), 10),        // link-local
        (IPAddress.Parse("ff00::"), 8),         // multicast
        (IPAddress.Parse("64:ff9b::"), 96),     // NAT64 can reach IPv4 internals
    ];

    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return Blocked.Any(b => b.Network.AddressFamily == address.AddressFamily && InPrefix(address, b.Network, b.Prefix));
    }

    /// <summary>Why a URL cannot be a webhook endpoint, or null when it can.</summary>
    public static async Task<string?> CheckUrlAsync(string url, bool allowPrivateNetworks, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "'url' must be an absolute https URL.";
        if (uri.Scheme == "http" && !allowPrivateNetworks) return "'url' must use https.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "'url' must not carry credentials.";
        if (allowPrivateNetworks) return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return "'url' has a host name that does not resolve.";
        }
        if (addresses.Length == 0) return "'url' has a host name that does not resolve.";
        return addresses.Any(IsForbidden) ? "'url' points to a private, loopback or otherwise internal address." : null;
    }

    private static bool InPrefix(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < a.Length && prefix > 0; i++, prefix -= 8)
        {
            var mask = prefix >= 8 ? 0xFF : 0xFF << (8 - prefix) & 0xFF;
            if ((a[i] & mask) != (n[i] & mask)) return false;
        }
        return true;
    }
}
