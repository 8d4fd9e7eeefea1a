using System.Net;
using System.Net.Sockets;

namespace Dunning.Bot.Hosting;

/// <summary>
/// The key a client's address is counted by (rate limits, wrong secrets): an IPv4 address as it is (also when mapped
/// into IPv6), an IPv6 address by its /64 network — one subscriber usually gets a whole /64, so counting single IPv6
/// addresses would give a guesser 2^64 fresh ones.
/// </summary>
public static class ClientAddress
{
    public static string Key(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
